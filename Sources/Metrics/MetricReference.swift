import Base
import Foundation
import Store

/// A name that points at one number of a MetricSet, as reports and targets write it:
/// `members.end`, `members.end.previous`, `activities.by_kind[webinar]`,
/// `members.by_region[Africa].share`.
public struct MetricReference: Hashable, Sendable, CustomStringConvertible {
    /// Which number of the metric (or of its row) is meant; `value` when none is written.
    public enum Field: String, CaseIterable, Sendable {
        case value, previous, change, changePct = "change_pct", share
    }

    public let name: String
    /// The group for grouped metrics (`webinar` in `activities.by_kind[webinar]`).
    public let key: String?
    public let field: Field

    public init(name: String, key: String? = nil, field: Field = .value) {
        self.name = name
        self.key = key
        self.field = field
    }

    /// Parses a reference and checks it against the catalogue; the error names the metric
    /// and suggests the closest known name.
    public init(parsing text: String) throws {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var key: String?
        if let open = rest.firstIndex(of: "[") {
            guard let close = rest.lastIndex(of: "]"), close > open else {
                throw MetricsError("metric '\(text)': missing ']' after the group key; write it like activities.by_kind[webinar]")
            }
            key = String(rest[rest.index(after: open)..<close])
            let after = rest[rest.index(after: close)...]
            rest = rest[..<open] + after
        }
        var field = Field.value
        if MetricCatalogue.definition(String(rest)) == nil, let dot = rest.lastIndex(of: "."),
           let f = Field(rawValue: String(rest[rest.index(after: dot)...])) {
            field = f
            rest = rest[..<dot]
        }
        let name = String(rest)
        guard let definition = MetricCatalogue.definition(name) else {
            throw MetricsError("unknown metric '\(name)'\(NearMiss.hint(for: name, in: MetricCatalogue.names)); `almanac metrics --list` shows every name")
        }
        switch (definition.shape, key) {
        case (.scalar, .some):
            throw MetricsError("metric '\(text)': \(name) is a single number with no groups; drop the [\(key!)]")
        case (.grouped, nil):
            throw MetricsError("metric '\(text)': \(name) has one number per group; name one group, like \(name)[KEY]")
        case (.scalar, nil) where field == .share:
            throw MetricsError("metric '\(text)': only a group of a grouped metric has a share")
        default:
            break
        }
        self.init(name: name, key: key, field: field)
    }

    public var description: String {
        name + (key.map { "[\($0)]" } ?? "") + (field == .value ? "" : ".\(field.rawValue)")
    }
}
