import Base

/// The ranges a theme's numbers must be in. A size of 1e308 traps the measuring, a negative
/// one or 5000 pt margins give a blank PDF: each is refused naming the key and the range.
extension Theme {
    /// Allowed range per key path.
    static let ranges: [(path: [String], range: ClosedRange<Double>, value: @Sendable (Theme) -> Double)] = [
        (["sizes", "body"], 4...72, { $0.sizes.body }), (["sizes", "small"], 3...72, { $0.sizes.small }),
        (["sizes", "h1"], 4...144, { $0.sizes.h1 }), (["sizes", "h2"], 4...144, { $0.sizes.h2 }),
        (["sizes", "h3"], 4...144, { $0.sizes.h3 }), (["sizes", "table"], 3...72, { $0.sizes.table }),
        (["sizes", "kpiValue"], 4...144, { $0.sizes.kpiValue }), (["sizes", "leading"], 0.8...4, { $0.sizes.leading }),
        (["sizes", "measure"], 10...400, { $0.sizes.measure }),
        (["margins", "top"], 0...300, { $0.margins.top }), (["margins", "bottom"], 0...300, { $0.margins.bottom }),
        (["margins", "left"], 0...300, { $0.margins.left }), (["margins", "right"], 0...300, { $0.margins.right }),
    ]

    /// The first number out of range, as (key path, reason), or nil when the theme is usable.
    public func outOfRange() -> (path: [String], reason: String)? {
        for r in Self.ranges {
            let v = r.value(self)
            guard v.isFinite, r.range.contains(v) else {
                return (r.path, "must be from \(NumberText.grouped(r.range.lowerBound, decimals: 1)) to \(NumberText.grouped(r.range.upperBound, decimals: 1)) points\(r.path.last == "leading" ? " (a multiple of the font size)" : "") (got \(v))")
            }
        }
        // Text needs room: at least 2 inches of frame each way.
        if frame.width < 144 || frame.height < 144 {
            return (["margins"], "leave a text area of only \(Int(frame.width)) × \(Int(frame.height)) points on this paper; make them smaller (at least 144 points must remain each way)")
        }
        return nil
    }
}
