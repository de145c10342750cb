import Base

/// Bounds on the YAML Almanac reads. Yams resolves an alias to the node it names, so nested
/// aliases ("billion laughs": ten aliases of ten aliases of …) share nodes while composing but
/// expand exponentially when walked; the walk counts what it has expanded and stops with an
/// error at the value where the limit was reached.
public enum YAMLLimits {
    /// Values (scalars, lists, mappings) one YAML text may expand to: far above any report's.
    public static let maxNodes = 100_000
    /// Nesting of lists and mappings.
    public static let maxDepth = 100

    /// Counts expansions as `YAMLValue.parse` walks the composed nodes.
    struct Budget {
        var nodes = 0
        mutating func spend(depth: Int, at location: SourceLocation) throws {
            nodes += 1
            if nodes > YAMLLimits.maxNodes {
                throw ReportError(location, "the YAML expands to more than \(YAMLLimits.maxNodes.formattedCount) values (aliases of aliases?); write the values out or use fewer aliases")
            }
            if depth > YAMLLimits.maxDepth {
                throw ReportError(location, "the YAML nests lists and mappings more than \(YAMLLimits.maxDepth) deep; flatten it")
            }
        }
    }
}

private extension Int {
    var formattedCount: String { NumberText.grouped(Double(self)) }
}
