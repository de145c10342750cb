/// A one-line, user-facing problem computing metrics: it names the place (database, table,
/// target, metric) and says how to fix it. The CLI prints `description` as is.
public struct MetricsError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
