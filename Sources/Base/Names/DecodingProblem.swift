/// A failed decoding (a theme file, a theme or chart block in a report) said for people: the
/// keys that lead to the bad value and what is wrong with it, so every caller can point at
/// the place in its own file.
public struct DecodingProblem: Sendable, Equatable {
    /// Keys from the top, with array indices as numbers ("sizes", "body"; "palette", "2").
    public let path: [String]
    public let reason: String

    public init(_ error: DecodingError) {
        func keys(_ p: [CodingKey]) -> [String] { p.map { $0.intValue.map { "\($0)" } ?? $0.stringValue } }
        switch error {
        case .dataCorrupted(let c): (path, reason) = (keys(c.codingPath), c.debugDescription)
        case .typeMismatch(let type, let c):
            let expected = type == Double.self || type == Int.self ? "a number" : type == Bool.self ? "true or false" : type == String.self ? "text" : "\(type)"
            (path, reason) = (keys(c.codingPath), "expected \(expected)")
        case .valueNotFound(_, let c): (path, reason) = (keys(c.codingPath), c.debugDescription)
        case .keyNotFound(let k, let c): (path, reason) = (keys(c.codingPath + [k]), "missing")
        @unknown default: (path, reason) = ([], "\(error)")
        }
    }

    /// "sizes.body: expected a number".
    public var description: String { path.isEmpty ? reason : "\(path.joined(separator: ".")): \(reason)" }
}
