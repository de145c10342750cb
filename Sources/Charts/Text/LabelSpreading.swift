/// Moves labels apart along one axis so none overlap, each as close as possible to where it wants
/// to be (line ends, stack layers), keeping all within `lower...upper`.
enum LabelSpreading {
    /// `desired` centres and each label's `height`; returns centres in the same order, or nil
    /// when the labels cannot fit in the range at all.
    static func spread(_ desired: [Double], height: [Double], lower: Double, upper: Double, gap: Double = 1) -> [Double]? {
        let total = height.reduce(0, +) + gap * Double(max(0, height.count - 1))
        guard total <= upper - lower + 0.001 else { return nil }
        let order = desired.indices.sorted { desired[$0] < desired[$1] }
        var pos = Array(repeating: 0.0, count: desired.count)
        // Push down from the top...
        var floor = lower
        for i in order {
            let top = max(desired[i] - height[i] / 2, floor)
            pos[i] = top + height[i] / 2
            floor = top + height[i] + gap
        }
        // ...then back up from the bottom where the last ones ran past it.
        var ceiling = upper
        for i in order.reversed() {
            let bottom = min(pos[i] + height[i] / 2, ceiling)
            pos[i] = bottom - height[i] / 2
            ceiling = bottom - height[i] - gap
        }
        return pos
    }
}
