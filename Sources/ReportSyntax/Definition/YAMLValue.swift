import Base
import Yams

/// YAML (front matter and fenced data blocks) as plain values that remember where they were
/// written, so that every complaint about a value can point at its line and column.
public indirect enum YAMLValue: Sendable, Equatable {
    case scalar(String, quoted: Bool, SourceLocation)
    case sequence([YAMLValue], SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: YAMLValue)], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let l), .sequence(_, let l), .mapping(_, let l): return l
        }
    }

    /// Parses `text`, whose first line is `start.line` of `start.file`.
    public static func parse(_ text: String, at start: SourceLocation) throws -> YAMLValue? {
        func place(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return start }
            return SourceLocation(file: start.file, line: start.line + mark.line - 1, column: mark.line == 1 ? start.column + mark.column - 1 : mark.column)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
                let detail = context.map { "\(problem) (\($0.text))" } ?? problem
                // Detected at the end of the text ("expected ']'"): point where the construct opened.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                let at = mark.line >= lines && context != nil ? context!.mark : mark
                throw ReportError(place(at), "invalid YAML: \(detail)")
            default:
                throw ReportError(start, "invalid YAML: \(error)")
            }
        }
        var budget = YAMLLimits.Budget()
        func convert(_ node: Node, depth: Int) throws -> YAMLValue {
            try budget.spend(depth: depth, at: place(node.mark))
            switch node {
            case .scalar(let s): return .scalar(s.string, quoted: s.style == .singleQuoted || s.style == .doubleQuoted, place(node.mark))
            case .sequence(let seq): return .sequence(try seq.map { try convert($0, depth: depth + 1) }, place(node.mark))
            case .mapping(let map):
                return .mapping(try map.map { (key: $0.key.string ?? "\($0.key)", keyLocation: place($0.key.mark), value: try convert($0.value, depth: depth + 1)) }, place(node.mark))
            case .alias: return .scalar("", quoted: false, place(node.mark))
            }
        }
        return try node.map { try convert($0, depth: 0) }
    }

    /// The value as a Yams node, so `YAMLDecoder` can decode it into a Codable type; quoted
    /// scalars stay strings ("2023" in quotes is not a number).
    public var node: Node {
        switch self {
        case .scalar(let s, let quoted, _): return quoted ? Node(s, Yams.Tag(.str), .doubleQuoted) : Node(s)
        case .sequence(let items, _): return .sequence(Node.Sequence(items.map(\.node)))
        case .mapping(let entries, _): return .mapping(Node.Mapping(entries.map { (Node($0.key), $0.value.node) }))
        }
    }

    /// Decodes the value with Yams' `YAMLDecoder`; failures are `DecodingError`s whose coding
    /// path leads back to the located node (`value(at:)`).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try YAMLDecoder().decode(type, from: node)
    }

    /// A mapping's entries in order (empty for scalars and sequences).
    public var entriesIfMapping: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
        if case .mapping(let entries, _) = self { entries } else { [] }
    }

    /// The node a decoding error's coding path names, or the nearest one above it.
    public func value(at path: [String]) -> YAMLValue {
        var node = self
        for key in path {
            switch node {
            case .mapping: if let next = node[key] { node = next } else { return node }
            case .sequence(let items, _): if let i = Int(key), items.indices.contains(i) { node = items[i] } else { return node }
            case .scalar: return node
            }
        }
        return node
    }

    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case let (.scalar(x, qx, lx), .scalar(y, qy, ly)): return x == y && qx == qy && lx == ly
        case let (.sequence(x, lx), .sequence(y, ly)): return x == y && lx == ly
        case let (.mapping(x, lx), .mapping(y, ly)):
            return lx == ly && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    // MARK: - Typed access with located errors

    /// The mapping's entries; an error at this value when it is not a mapping.
    public func entries(_ what: String) throws -> [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
        guard case .mapping(let e, _) = self else { throw ReportError(location, "\(what) must be a mapping of `key: value` lines") }
        return e
    }

    public func string(_ what: String) throws -> String {
        guard case .scalar(let s, _, _) = self else { throw ReportError(location, "\(what) must be a single value, not a list or mapping") }
        return s
    }

    public func int(_ what: String) throws -> Int {
        guard let n = Int(try string(what)) else { throw ReportError(location, "\(what) must be a whole number, found '\(try string(what))'") }
        return n
    }

    public func strings(_ what: String) throws -> [String] {
        switch self {
        case .sequence(let items, _): return try items.map { try $0.string("each item of \(what)") }
        case .scalar(let s, _, _): return [s]
        case .mapping: throw ReportError(location, "\(what) must be a list such as [a, b]")
        }
    }

    /// Checks that every key is one of `allowed`, suggesting the near miss for a typo.
    public func requireKeys(in allowed: [String], _ what: String) throws {
        for e in try entries(what) where !allowed.contains(e.key) {
            throw ReportError(e.keyLocation, "unknown key '\(e.key)' in \(what)\(NearMiss.hint(for: e.key, in: allowed)); keys: \(allowed.joined(separator: ", "))")
        }
    }

    /// The value of `key` in a mapping, if present.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let e, _) = self else { return nil }
        return e.first { $0.key == key }?.value
    }
}

