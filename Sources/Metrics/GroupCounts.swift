/// Per-group numbers for the period and the previous period, turned into `GroupRow`s with
/// shares, largest first. Empty keys count as "no value" (nil), like NULL.
struct GroupCounts {
    private var entries: [String?: (current: Double, previous: Double?)] = [:]
    /// Keys listed even when both numbers are zero (every region, say).
    private var always: Set<String?> = []

    /// Adds to a group; a nil `previous` means the group did not exist in the previous period.
    /// An `alwaysListed` group gets a row even when it has nothing in either period.
    mutating func add(_ key: String?, current: Double, previous: Double?, alwaysListed: Bool = false) {
        let key = key?.isEmpty == true ? nil : key
        if alwaysListed { always.insert(key) }
        guard let old = entries[key] else {
            entries[key] = (current, previous)
            return
        }
        let merged = old.previous == nil && previous == nil ? nil : (old.previous ?? 0) + (previous ?? 0)
        entries[key] = (old.current + current, merged)
    }

    /// The number of groups with something in the period (nil key excluded), and likewise in the
    /// previous period: "countries represented".
    var distinctKeys: (current: Int, previous: Int) {
        let known = entries.filter { $0.key != nil }.values
        return (known.filter { $0.current > 0 }.count, known.filter { ($0.previous ?? 0) > 0 }.count)
    }

    /// Rows by value, largest first; ties by name, the row of no value last among equals.
    func rows() -> [GroupRow] {
        let kept = entries.filter { $0.value.current != 0 || ($0.value.previous ?? 0) != 0 || always.contains($0.key) }
        let total = kept.values.reduce(0) { $0 + $1.current }
        let rows = kept.map { key, counts in
            GroupRow(key: key, value: counts.current, share: Ratio.of(counts.current, total), previous: counts.previous)
        }
        return rows.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return Self.keyOrder(a.key, b.key)
        }
    }

    /// Named groups alphabetically, the "no value" group last.
    private static func keyOrder(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case let (a?, b?): return a < b
        case (.some, nil): return true
        default: return false
        }
    }
}
