/// Maps a continuous domain onto a range of positions (either may run backwards: a y axis
/// maps larger values to smaller y, since y grows downwards).
public struct LinearScale: Sendable, Hashable {
    public var domain: ClosedRange<Double>
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        // A degenerate domain (all values equal) still maps somewhere sensible instead of dividing by zero.
        self.domain = domain.lowerBound < domain.upperBound ? domain : domain.lowerBound...(domain.lowerBound + 1)
        self.rangeStart = range.0
        self.rangeEnd = range.1
    }

    public func callAsFunction(_ value: Double) -> Double {
        guard value.isFinite else { return rangeStart }
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return rangeStart + t * (rangeEnd - rangeStart)
    }

    /// Position of zero, or of the domain end nearest to it: where bars start.
    public var baseline: Double { self(min(max(0, domain.lowerBound), domain.upperBound)) }
}
