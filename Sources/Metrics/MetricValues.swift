import Base
import Store

/// One number for the period beside the same number for the previous period.
/// `nil` means the number does not exist (growth from zero members), never NaN.
public struct ScalarMetric: Hashable, Sendable {
    public let value: Double?
    public let previous: Double?

    public init(value: Double?, previous: Double?) {
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.previous = previous.flatMap { $0.isFinite ? $0 : nil }
    }

    /// value − previous.
    public var change: Double? { Ratio.difference(value, previous) }
    /// (value − previous) ÷ previous, as a fraction (0.5 is +50%); nil when previous is 0.
    public var changePct: Double? { Ratio.relativeChange(value, previous) }
}

/// One group of a grouped metric: a region, a country, a month, an activity kind, ….
public struct GroupRow: Hashable, Sendable {
    /// The group's name as stored; nil for the row of things with no value for the grouping.
    public let key: String?
    public let value: Double
    /// value ÷ the sum of the metric's values, as a fraction; nil for series (months over time).
    public let share: Double?
    /// The same group over the previous period; nil where that does not exist.
    public let previous: Double?

    public init(key: String?, value: Double, share: Double?, previous: Double?) {
        self.key = key
        self.value = value
        self.share = share
        self.previous = previous
    }

    /// (value − previous) ÷ previous, as a fraction; nil when previous is nil or 0.
    public var changePct: Double? { Ratio.relativeChange(value, previous) }
}

/// A grant whose dates overlap the period.
public struct Grant: Hashable, Sendable, Codable {
    public let id: Int
    public let funder: String
    public let title: String
    public let amountCents: Int?
    public let currency: String?
    public let startsOn: CalendarDate
    public let endsOn: CalendarDate
    public let purpose: String?

    public init(id: Int, funder: String, title: String, amountCents: Int?, currency: String?,
                startsOn: CalendarDate, endsOn: CalendarDate, purpose: String?) {
        self.id = id
        self.funder = funder
        self.title = title
        self.amountCents = amountCents
        self.currency = currency
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.purpose = purpose
    }

    enum CodingKeys: String, CodingKey {
        case id, funder, title, currency, purpose
        case amountCents = "amount_cents", startsOn = "starts_on", endsOn = "ends_on"
    }

    // Written by hand so that absent values are null rather than missing keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(funder, forKey: .funder)
        try c.encode(title, forKey: .title)
        try c.encode(amountCents, forKey: .amountCents)
        try c.encode(currency, forKey: .currency)
        try c.encode(startsOn, forKey: .startsOn)
        try c.encode(endsOn, forKey: .endsOn)
        try c.encode(purpose, forKey: .purpose)
    }
}

/// A target whose dates overlap the period, beside the actual value of the metric it names
/// over the target's own dates ("webinars: 8 held, target 6").
public struct TargetResult: Hashable, Sendable, Codable {
    public let id: Int
    /// The metric reference as stored: `members.end` or `activities.by_kind[webinar]`.
    public let metric: String
    public let startsOn: CalendarDate
    public let endsOn: CalendarDate
    public let target: Double
    /// The metric's value over the target's dates; nil where it does not exist.
    public let actual: Double?
    public let note: String?

    public init(id: Int, metric: String, startsOn: CalendarDate, endsOn: CalendarDate, target: Double, actual: Double?, note: String?) {
        self.id = id
        self.metric = metric
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.target = target
        self.actual = actual
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, metric, target, actual, note
        case startsOn = "starts_on", endsOn = "ends_on"
    }

    // Written by hand so that absent values are null rather than missing keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(metric, forKey: .metric)
        try c.encode(startsOn, forKey: .startsOn)
        try c.encode(endsOn, forKey: .endsOn)
        try c.encode(target, forKey: .target)
        try c.encode(actual, forKey: .actual)
        try c.encode(note, forKey: .note)
    }
}

/// Division that answers nil instead of NaN or infinity.
enum Ratio {
    static func of(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator == 0 ? nil : numerator / denominator
    }

    static func difference(_ value: Double?, _ previous: Double?) -> Double? {
        guard let value, let previous else { return nil }
        return value - previous
    }

    /// The one definition of a relative change (`Change.relative`), where every change_pct comes from.
    static func relativeChange(_ value: Double?, _ previous: Double?) -> Double? {
        Change.relative(value, from: previous)
    }
}
