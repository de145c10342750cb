import Base

/// One colour per category for a whole report: the first chart that shows "Africa" fixes its
/// colour, and every later chart in the same scope (regions) uses it again. A value: the report
/// engine keeps one and passes it from chart to chart (`ChartCompiler` does this).
///
/// Scopes keep dimensions apart, so the six regions and the seven activity kinds each start at
/// the palette's best colours instead of sharing eight colours between them.
public struct CategoryColors: Sendable, Hashable {
    public var palette: [Color]
    /// Brand overrides by category name, in every scope.
    public var overrides: [String: Color]
    private var assigned: [String: [String: Int]] = [:]

    /// Grey for "Other" and "Not stated": they are not categories and should not compete.
    public static let neutral = Color(red: 0xa3, green: 0xab, blue: 0xb3)

    public init(palette: [Color] = Color.okabeIto, overrides: [String: Color] = [:]) {
        self.palette = palette.isEmpty ? Color.okabeIto : palette
        self.overrides = overrides
    }

    /// Fixes colours for `names` in order (e.g. all regions alphabetically, before any chart), so
    /// colours do not depend on which chart comes first.
    public mutating func register(_ names: [String], scope: String) {
        for name in names { _ = color(for: name, scope: scope) }
    }

    /// The category's colour, assigning the next free palette colour on first use.
    public mutating func color(for name: String, scope: String) -> Color {
        if let c = overrides[name] { return c }
        if Self.isNeutral(name) { return Self.neutral }
        var table = assigned[scope, default: [:]]
        if let index = table[name] { return palette[index % palette.count] }
        let index = table.count
        table[name] = index
        assigned[scope] = table
        return palette[index % palette.count]
    }

    /// The colour already given to `name`, if any.
    public func existing(_ name: String, scope: String) -> Color? {
        if let c = overrides[name] { return c }
        if Self.isNeutral(name) { return Self.neutral }
        return assigned[scope]?[name].map { palette[$0 % palette.count] }
    }

    static func isNeutral(_ name: String) -> Bool { name == ChartData.notStated || name == Fold.otherLabel }
}
