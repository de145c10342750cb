import Base
import ArgumentParser
import Foundation
import Metrics
import Store

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an empty Almanac database with the schema (or upgrade an older one).",
        discussion: """
            Example:
              almanac init lpsa.db
            """)

    @Argument(help: "The database file to create.") var database: String

    func run() throws {
        try reportingErrors(database: database) {
            switch try AlmanacDatabase.initialize(database) {
            case .created: print("created \(database) (schema version \(Schema.currentVersion))")
            case .upgraded(let from, let to): print("upgraded \(database) from schema version \(from) to \(to)")
            case .alreadyCurrent(let v): print("\(database) is already an Almanac database (schema version \(v)); nothing to do")
            }
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CSV file into one table, all rows or none.",
        discussion: """
            The header row names the columns (case and punctuation do not matter: "Joined On" is
            joined_on). Columns the table does not have are ignored and listed. On any bad row
            nothing is written and every bad row is reported as FILE:LINE: column: problem.

            Tables, in the order to import them:
              \(Schema.tableOrder.joined(separator: ", "))

            Examples:
              almanac import lpsa.db countries countries.csv
              almanac import lpsa.db members crm-export.csv --map "Join Date=joined_on" --date-format DD/MM/YYYY
            """)

    @Argument(help: "The Almanac database to import into.") var database: String
    @Argument(help: "The table to fill.") var table: String
    @Argument(help: "The CSV file (UTF-8, with a header row).") var file: String

    @Option(name: .customLong("map"), help: ArgumentHelp("Map a CSV header to a column: \"Header=column\" (repeatable).", valueName: "HEADER=column"))
    var mappings: [String] = []

    @Option(name: .customLong("date-format"), help: ArgumentHelp("How non-ISO dates are written: YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY.", valueName: "FORMAT"))
    var dateFormat: String = DateOrder.iso.rawValue

    func validate() throws {
        guard DateOrder(rawValue: dateFormat.uppercased()) != nil else {
            throw ValidationError("--date-format '\(dateFormat)' is not one of \(DateOrder.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for m in mappings where m.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--map '\(m)' must look like \"CSV header=column\"")
        }
    }

    func run() throws {
        try reportingErrors(database: database) {
            let pairs = mappings.map { m -> (String, String) in
                let parts = m.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return (parts[0], parts[1])
            }
            let options = ImportOptions(mappings: pairs.map { (source: $0.0, column: $0.1) }, dateOrder: DateOrder(rawValue: dateFormat.uppercased())!)
            let queue = try AlmanacDatabase.openForWriting(database)
            // SIGINT/SIGTERM interrupt the transaction: SQLite rolls it back, no hot journal.
            let stop = Cleanup.shared.stop { queue.interrupt() }
            defer { Cleanup.shared.done(stop) }
            let summary = try CSVImporter(database: queue, options: options).importFile(file, into: table)
            if !summary.ignoredHeaders.isEmpty {
                Terminal.note("\(file): ignored columns not in \(table): \(summary.ignoredHeaders.joined(separator: ", ")) (use --map \"Header=column\" to import one)")
            }
            print("imported \(summary.rows.formatted()) row\(summary.rows == 1 ? "" : "s") into \(table) from \(file)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report data-quality problems; exit 1 when any error is found.",
        discussion: """
            Errors: members who left before they joined, unknown country codes, dates in the future,
            duplicate emails, working-group memberships outside the member's or group's lifetime,
            negative participant counts, attendance by non-members.
            Warnings: members with no country, activities with no kind.

            Example:
              almanac check lpsa.db
            """)

    @Argument(help: "The Almanac database to check (opened read-only).") var database: String
    @Option(help: ArgumentHelp("The day that counts as today for \"dates in the future\" (default: today).", valueName: "YYYY-MM-DD"))
    var today: String?
    @Option(help: "How many example rows to show per problem.") var examples: Int = 5
    @Option(help: ArgumentHelp("Stop with an error after this many seconds (a slow view can stand in for a table).", valueName: "SECONDS"))
    var timeLimit: Double = 300

    func validate() throws {
        if let t = today, CalendarDate(iso: t) == nil { throw ValidationError("--today '\(t)' is not a YYYY-MM-DD date") }
        try OptionRange.check("--examples", examples, 0...1_000_000)
        try OptionRange.check("--time-limit", timeLimit, 0.1...86_400)
    }

    func run() throws {
        try reportingErrors(database: database) {
            let queue = try AlmanacDatabase.openForReading(database)
            let report = try DataCheck.run(queue, today: today.flatMap { CalendarDate(iso: $0) } ?? .today(), examples: examples,
                                           metricProblem: { name in
                                               do { _ = try MetricReference(parsing: name); return nil } catch { return "\(error)" }
                                           }, timeLimit: timeLimit)
            for f in report.findings {
                print("\(f.severity.rawValue): \(f.count.formatted()) \(f.title)")
                // Names come from the data: an escape sequence in one must not reach the terminal.
                for e in f.examples { print("    \(UnprintableText.visible(e))") }
                if f.count > f.examples.count { print("    … and \((f.count - f.examples.count).formatted()) more") }
            }
            if report.findings.isEmpty { print("\(database): clean — no problems found") }
            else { print("\(database): \(report.errors.formatted()) error\(report.errors == 1 ? "" : "s"), \(report.warnings.formatted()) warning\(report.warnings == 1 ? "" : "s")") }
            if !report.isClean { throw ExitCode(1) }
        }
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a deterministic sample database of the example organization.",
        discussion: """
            A global network on decentralization and local governance, launched June 2021: about
            1,640 members at the end of 2023 in ~90 countries, 7 working groups established in
            2023, activities 2021–2023, a grant and targets. The same seed gives the same data.

            Examples:
              almanac sample lpsa.db
              almanac sample big.db --members 1000000 --seed 7
              almanac sample lpsa.db --force --csv sample-csv/   # also one CSV file per table
            """)

    @Argument(help: "The database file to create.") var database: String
    @Option(help: "Members at the end of 2023; everything that grows with the membership scales with it.")
    var members: Int = SampleGenerator.defaultMembers
    @Option(help: "Random seed.") var seed: UInt64 = SampleGenerator.defaultSeed
    @Option(help: ArgumentHelp("Also write every table as a CSV file into this folder.", valueName: "DIR")) var csv: String?
    @Flag(help: "Replace the database file if it exists.") var force = false

    func validate() throws {
        guard (1...50_000_000).contains(members) else { throw ValidationError("--members must be between 1 and 50,000,000") }
    }

    func run() throws {
        try reportingErrors(database: database) {
            var generator = SampleGenerator(members: members, seed: seed)
            generator.progress = { done, total in Terminal.progress("members", done, total) }
            try DatabaseFiles.createAtomically(database, replace: force) { queue in try generator.write(into: queue) }
            print("wrote \(database) (\(members.formatted()) members at the end of 2023, seed \(seed))")
            if let dir = csv {
                let files = try CSVExport.writeAll(try AlmanacDatabase.openForReading(database), to: dir)
                print("wrote \(files.count) CSV files to \(dir)")
            }
        }
    }
}
