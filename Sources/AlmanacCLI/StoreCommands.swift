import Base
import ArgumentParser
import Foundation
import Metrics
import Store

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an Almanac database with the schema and every country (or upgrade an older one).",
        discussion: """
            A new database gets every ISO 3166-1 country (and Kosovo, XK) in default regions from \
            UN M49: the 18 sub-regions unless --regions says intermediate (24 regions: Africa and \
            Latin America split further), continents (5) or none (import your own). To use your \
            organization's own regions, import regions and then countries with --update (see \
            README, "Countries and regions").

            Examples:
              almanac init lpsa.db
              almanac init lpsa.db --regions continents
            """)

    @Argument(help: "The database file to create.") var database: String
    @Option(help: ArgumentHelp("Default regions of the countries: subregions, intermediate, continents or none.", valueName: "SCHEME"))
    var regions: String = RegionScheme.subregions.rawValue

    func validate() throws {
        guard RegionScheme(rawValue: regions) != nil else {
            throw ValidationError("--regions '\(regions)' is not one of \(RegionScheme.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingErrors(database: database) {
            switch try AlmanacDatabase.initialize(database, regions: RegionScheme(rawValue: regions)!) {
            case .created: print(regions == "none" ? "created \(database) (schema version \(Schema.currentVersion)) with no countries" : "created \(database) (schema version \(Schema.currentVersion)) with \(CountryMatcher.countryCount) countries in M49 \(regions)")
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
            The header row names the columns; case and punctuation do not matter ("Joined On" is \
            joined_on), and common spellings are understood ("Country" is country_code, "Member \
            Since" is joined_on). Columns the table does not have are ignored and listed. On any \
            bad row nothing is written and every bad row is reported as FILE:LINE: column: problem.

            A CRM export imports as it comes with --preset (civicrm or wild-apricot); print one \
            with --show-preset NAME and adapt it into your own --mapping FILE.yaml for any other \
            system. Countries may be codes, English names, common abbreviations or names in the \
            country's own languages; teach others with --country-alias. Dates may be ISO dates or \
            date-times or use English month names; numeric dates such as 03/04/2025 need \
            --date-format to say their order (dmy, mdy or ymd), and a pattern such as \
            DD-MMM-YYYY reads anything else.

            A plain import refuses rows that are already in the table. To refresh a table each \
            year, use --update (rows found by id, CRM id or e-mail are updated, the rest added) or \
            --replace (the table's rows become the file's; rows of other tables that pointed at \
            removed rows are an error unless --cascade removes them too).

            Tables, in the order to import them: \(Schema.tableOrder.joined(separator: ", ")).

            Examples:
              almanac import lpsa.db members contacts.csv --preset wild-apricot
              almanac import lpsa.db members memberships.csv --preset civicrm --update
              almanac import lpsa.db members crm-export.csv --map "Join Date=joined_on" --date-format dmy
              almanac import --show-preset civicrm > my-crm.yaml
            """)

    @Argument(help: "The Almanac database to import into.") var database: String?
    @Argument(help: "The table to fill.") var table: String?
    @Argument(help: "The CSV file (UTF-8, with a header row).") var file: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Map a CSV header to a column: \"Header=column\" (repeatable).", valueName: "HEADER=column"))
    var mappings: [String] = []
    @Option(help: ArgumentHelp("A built-in mapping for a CRM export: \(Presets.names.joined(separator: " or ")).", valueName: "NAME"))
    var preset: String?
    @Option(help: ArgumentHelp("A mapping file (YAML) for any other export; see --show-preset.", valueName: "FILE.yaml"))
    var mapping: String?
    @Option(name: .customLong("show-preset"), help: ArgumentHelp("Print a preset's mapping file and exit.", valueName: "NAME"))
    var showPreset: String?
    @Option(name: .customLong("country-alias"), help: ArgumentHelp("Read a country spelling as an ISO code: \"Ruritania=RU\" (repeatable).", valueName: "NAME=CODE"))
    var countryAliases: [String] = []
    @Option(name: .customLong("date-format"), help: ArgumentHelp("The order of numeric dates (dmy, mdy, ymd, or DD/MM/YYYY …) or a pattern such as DD-MMM-YYYY.", valueName: "FORMAT"))
    var dateFormat: String?
    @Flag(help: "Update rows already in the table (found by id, external_id or e-mail) and add the rest.") var update = false
    @Flag(help: "Replace the table's rows with the file's, in one transaction.") var replace = false
    @Flag(help: "With --replace: also remove rows of other tables that point at removed rows.") var cascade = false

    func validate() throws {
        if showPreset != nil { return }
        guard database != nil, table != nil, file != nil else {
            throw ValidationError("pass DB TABLE FILE, for example: almanac import lpsa.db members contacts.csv --preset wild-apricot")
        }
        if let f = dateFormat, DateFormat(f) == nil {
            throw ValidationError("--date-format '\(f)' is not dmy, mdy, ymd, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, YYYY/MM/DD or a pattern of YYYY, MM, DD, MMM such as DD-MMM-YYYY")
        }
        for m in mappings where m.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--map '\(m)' must look like \"CSV header=column\"")
        }
        for a in countryAliases {
            let parts = a.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[1].trimmingCharacters(in: .whitespaces).count == 2 else {
                throw ValidationError("--country-alias '\(a)' must look like \"Name=CODE\" with a two-letter ISO code")
            }
        }
        if update && replace { throw ValidationError("pass --update or --replace, not both") }
        if cascade && !replace { throw ValidationError("--cascade goes with --replace") }
        if preset != nil && mapping != nil { throw ValidationError("pass --preset or --mapping, not both") }
    }

    func run() throws {
        if let name = showPreset {
            try reportingErrors(database: name) { print(try Presets.yaml(name), terminator: "\n") }
            return
        }
        let (database, table, file) = (database!, table!, file!)
        try reportingErrors(database: database) {
            func pair(_ m: String) -> (String, String) {
                let parts = m.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return (parts[0], parts[1])
            }
            var options = ImportOptions(mappings: mappings.map(pair).map { (source: $0.0, column: $0.1) },
                                        dateFormat: dateFormat.flatMap(DateFormat.init),
                                        mode: replace ? .replace : update ? .update : .insert, cascade: cascade)
            options.countryAliases = Dictionary(countryAliases.map(pair).map { ($0.0, $0.1.uppercased()) }, uniquingKeysWith: { $1 })
            if let preset { options.mapping = try Presets.mapping(preset) }
            if let mapping {
                let text = try CSVImporter.readMappingText(mapping)
                options.mapping = try ImportMapping(yaml: text, origin: mapping)
            }
            let queue = try AlmanacDatabase.openForWriting(database)
            // SIGINT/SIGTERM interrupt the transaction: SQLite rolls it back, no hot journal.
            let stop = Cleanup.shared.stop { queue.interrupt() }
            defer { Cleanup.shared.done(stop) }
            let summary = try CSVImporter(database: queue, options: options).importFile(file, into: table)
            if !summary.ignoredHeaders.isEmpty {
                Terminal.note("\(file): ignored columns not in \(table): \(summary.ignoredHeaders.joined(separator: ", ")) (use --map \"Header=column\" to import one)")
            }
            for s in summary.related + [summary] { print(s.line) }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report data-quality problems; exit 1 when any error is found.",
        discussion: """
            Errors: members who left before they joined, unknown country codes, dates in the \
            future, duplicate emails, working-group memberships outside the member's or group's \
            lifetime, negative participant counts.

            Warnings: members with no country, activities with no kind, activities scheduled after \
            --today (planned events), attendance by people who were not members that day (open \
            events are normal).

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
