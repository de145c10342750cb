/// A place in a report definition, for `FILE:LINE:COLUMN: message` diagnostics.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The location `text` characters further along the same line.
    func advanced(by text: Substring) -> SourceLocation {
        var l = self
        for ch in text {
            if ch == "\n" { l.line += 1; l.column = 1 } else { l.column += 1 }
        }
        return l
    }
}

/// A problem in a report definition, located in its source.
public struct ReportError: Error, CustomStringConvertible, Equatable, Sendable {
    public let location: SourceLocation
    public let message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// A report file that cannot be read at all (missing, unreadable, not UTF-8): one line naming
/// the file and the fix, with no position inside it.
public struct ReportFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
