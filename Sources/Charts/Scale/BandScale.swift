/// Divides a range into equal bands, one per category, with padding between and around them.
public struct BandScale: Sendable, Hashable {
    public var count: Int
    public var rangeStart: Double
    public var rangeEnd: Double
    /// Share of a step left empty between bands.
    public var paddingInner: Double
    /// Share of a step left empty before the first and after the last band.
    public var paddingOuter: Double

    public init(count: Int, range: (Double, Double), paddingInner: Double = 0.25, paddingOuter: Double = 0.1) {
        self.count = max(0, count)
        self.rangeStart = range.0
        self.rangeEnd = range.1
        self.paddingInner = paddingInner
        self.paddingOuter = paddingOuter
    }

    /// Distance from one band's start to the next.
    public var step: Double {
        guard count > 0 else { return 0 }
        return (rangeEnd - rangeStart) / (Double(count) - paddingInner + 2 * paddingOuter)
    }

    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Start of band `index`.
    public func start(_ index: Int) -> Double { rangeStart + step * (paddingOuter + Double(index)) }

    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }

    /// The same bands no wider than `maximum`: the space between them grows instead, so three
    /// columns across a page stay columns rather than slabs.
    public func capped(at maximum: Double) -> BandScale {
        guard count > 0, bandwidth > maximum else { return self }
        let range = rangeEnd - rangeStart
        let inner = (range - maximum * (Double(count) + 2 * paddingOuter)) / (range - maximum)
        var scale = self
        scale.paddingInner = min(0.95, max(paddingInner, inner))
        return scale
    }
}
