/// A category ready to draw: sorted, limited, possibly the "Other" bucket.
struct Category: Sendable, Hashable {
    var name: String
    var value: Double
    var previous: Double?
    var isOther = false

    /// "Other" and "Not stated" are remainders, not categories: grey, and last in any sort.
    var isRemainder: Bool { isOther || name == ChartData.notStated }
}

/// Sorting, limiting and folding small categories into "Other" — the normalisation step before
/// scales are built.
enum Fold {
    static let otherLabel = "Other"

    /// The points of `series` as categories, in the spec's order, at most `limit` of them plus "Other".
    static func categories(_ series: Series, sort: SortOrder, limit: Int?) -> (categories: [Category], folded: Int) {
        var cats = series.points.map { p in
            Category(name: p.label, value: p.value.isFinite ? p.value : 0, previous: p.previous.flatMap { $0.isFinite ? $0 : nil })
        }
        cats = sorted(cats, by: sort)
        guard let limit, limit >= 1, cats.count > limit else { return (cats, 0) }
        let kept = Array(cats.prefix(limit))
        let rest = cats.dropFirst(limit)
        let previous = rest.contains { $0.previous != nil } ? rest.reduce(0) { $0 + ($1.previous ?? 0) } : nil
        return (kept + [Category(name: otherLabel, value: rest.reduce(0) { $0 + $1.value }, previous: previous, isOther: true)], rest.count)
    }

    static func sorted(_ cats: [Category], by sort: SortOrder) -> [Category] {
        guard sort != .given else { return cats }
        return ordered(cats.filter { !$0.isRemainder }, by: sort) + cats.filter(\.isRemainder)
    }

    private static func ordered(_ cats: [Category], by sort: SortOrder) -> [Category] {
        // Stable sorts (enumerated index as tie-break) so equal values keep the data's order.
        let indexed = Array(cats.enumerated())
        switch sort {
        case .given: return cats
        case .value: return indexed.sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map(\.element)
        case .ascending: return indexed.sorted { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }.map(\.element)
        case .key:
            return indexed.sorted {
                let a = $0.element.name.lowercased(), b = $1.element.name.lowercased()
                return a == b ? $0.offset < $1.offset : a < b
            }.map(\.element)
        }
    }

    /// Slices for a donut: largest first, those below `threshold` of the total (and any beyond
    /// `maxSlices`) summed into "Other", which always comes last.
    static func slices(_ cats: [Category], threshold: Double, maxSlices: Int) -> [Category] {
        let positive = cats.filter { $0.value > 0 }
        let total = positive.reduce(0) { $0 + $1.value }
        guard total > 0 else { return [] }
        var kept: [Category] = []
        var other = 0.0
        for c in sorted(positive, by: .value) {
            if !c.isOther && c.value / total >= threshold && kept.count < maxSlices - 1 { kept.append(c) } else { other += c.value }
        }
        // Folding a single slice into "Other" only renames it: keep it under its own name.
        if other > 0 {
            let small = sorted(positive, by: .value).filter { c in !kept.contains(c) }
            if small.count == 1 { kept.append(small[0]) } else { kept.append(Category(name: otherLabel, value: other, isOther: true)) }
        }
        return kept
    }
}
