/// Text with the source location of every character, so a number or an expression found
/// anywhere in it is reported at its own FILE:LINE:COLUMN, even across a soft line break or
/// after an entity that cmark decoded.
public struct LocatedText: Sendable, Equatable {
    public let text: String
    /// One location per Character of `text`, plus one just past its end.
    let locations: [SourceLocation]

    public init(_ text: String, locations: [SourceLocation]) {
        precondition(locations.count == text.count + 1, "one location per character plus the end")
        self.text = text
        self.locations = locations
    }

    /// Text that starts at `location` and runs on as written (columns advance, lines at "\n").
    public init(_ text: String, at location: SourceLocation) {
        var locs: [SourceLocation] = []
        locs.reserveCapacity(text.count + 1)
        var l = location
        for ch in text {
            locs.append(l)
            if ch == "\n" { l.line += 1; l.column = 1 } else { l.column += 1 }
        }
        locs.append(l)
        self.init(text, locations: locs)
    }

    public var start: SourceLocation { locations[0] }

    /// Where the character at `offset` (in Characters) was written.
    public func location(at offset: Int) -> SourceLocation { locations[min(max(0, offset), locations.count - 1)] }

    /// The characters `range` (Character offsets), with their locations.
    public func slice(_ range: Range<Int>) -> LocatedText {
        let chars = Array(text)
        return LocatedText(String(chars[range]), locations: Array(locations[range.lowerBound...range.upperBound]))
    }

    /// Two texts one after the other (a soft break joins them with "\n").
    public static func + (a: LocatedText, b: LocatedText) -> LocatedText {
        LocatedText(a.text + b.text, locations: Array(a.locations.dropLast()) + b.locations)
    }
}
