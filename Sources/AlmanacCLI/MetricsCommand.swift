import Base
import ArgumentParser
import Foundation
import Metrics
import Store

/// `almanac metrics`: every metric for a period beside the previous period.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute every metric for a period and the previous period of the same length.",
        discussion: """
            The period is a calendar year (--year) or any range of days (--from and --to, both
            included). It is compared with the period just before it: the previous year, the
            same number of whole months before a range of whole months (a fiscal year, a
            quarter), otherwise the same number of days before. Without a period, the last
            calendar year before this one that has data is used (and said on stderr).

            The database is opened read-only. The README (Metrics) gives every definition and the
            JSON shape.

            Examples:
              almanac metrics lpsa.db --year 2023
              almanac metrics lpsa.db --from 2022-07-01 --to 2023-06-30 --format json
              almanac metrics lpsa.db --year 2023 --format csv > metrics-2023.csv
              almanac metrics --list                      # every metric name and definition
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The Almanac database (opened read-only).") var database: String?
    @OptionGroup var periodOptions: PeriodOptions
    @Option(help: "Output: table (for people), json (for programs) or csv (for spreadsheets).") var format: Format = .table
    @Option(help: ArgumentHelp("The day that counts as today for \"the period ends in the future\" (default: today).", valueName: "YYYY-MM-DD"))
    var today: String?
    @Flag(help: "List every metric name with its one-line definition, and exit.") var list = false
    @Flag(help: "Print the time each step takes to stderr.") var timings = false

    func validate() throws {
        if list { return }
        guard database != nil else { throw ValidationError("give the database file, e.g. almanac metrics lpsa.db --year 2023") }
        if let today, CalendarDate(iso: today) == nil { throw ValidationError("--today '\(today)' is not a YYYY-MM-DD date") }
    }

    func run() throws {
        if list {
            print(Self.catalogue(), terminator: "")
            return
        }
        try reportingErrors(database: database) { try compute(database!) }
    }

    private func compute(_ path: String) throws {
        let clock = ContinuousClock()
        var steps: [(String, Duration)] = []
        let opened = clock.now
        let engine = try MetricsEngine.open(path)
        steps.append(("open", clock.now - opened))
        let day = today.flatMap { CalendarDate(iso: $0) } ?? .today()
        let period: Period
        if let chosen = periodOptions.period {
            period = chosen
        } else {
            period = try engine.defaultPeriod(today: day)
            Terminal.note("no period given: using \(period.start.year), the last calendar year with data (give --year or --from/--to)")
        }
        let computing = clock.now
        let metrics = try engine.compute(period, today: day) { steps.append(($0, $1)) }
        let computed = clock.now - computing
        let writing = clock.now
        switch format {
        case .table: print(MetricTable.render(metrics), terminator: "")
        case .csv: print(try MetricCSV.render(metrics), terminator: "")
        case .json: print(String(decoding: try metrics.jsonData(), as: UTF8.self))
        }
        if timings {
            steps.append(("output", clock.now - writing))
            let parts = steps.map { "\($0.0) \(Self.milliseconds($0.1))" }.joined(separator: ", ")
            Terminal.note("timings: metrics computed in \(Self.milliseconds(computed)) (\(parts))")
        }
    }

    static func milliseconds(_ d: Duration) -> String {
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        return String(format: "%.1f ms", ms)
    }

    /// `--list`: name, kind and definition of every metric, aligned.
    static func catalogue() -> String {
        let width = MetricCatalogue.names.map(\.count).max() ?? 0
        return MetricCatalogue.all.map { d in
            let kind = d.shape == .grouped ? "grouped" : d.unit == .ratio ? "ratio" : "count"
            return d.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + kind.padding(toLength: 9, withPad: " ", startingAt: 0) + d.definition
        }.joined(separator: "\n") + "\n"
    }
}
