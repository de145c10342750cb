import Base
import Foundation
import Layout
import Metrics
import Store
import Testing
@testable import Report
@testable import ReportSyntax

/// The report engine in-process: definitions in, Document blocks out, on a small sample.
@Suite("Report engine", .serialized)
struct ReportBuilderTests {
    static let database: String = {
        let path = NSTemporaryDirectory() + "almanac-report-engine-\(getpid()).db"
        if !FileManager.default.fileExists(atPath: path) {
            try! DatabaseFiles.createAtomically(path, replace: true) { try SampleGenerator(members: 300, seed: 11).write(into: $0) }
        }
        return path
    }()

    static let metrics: MetricSet = try! MetricsEngine.open(database).compute(Period.year(2023)!, today: CalendarDate(year: 2026, month: 1, day: 1)!)

    func build(_ body: String, front: String = "title: Test\nperiod: 2023\n") throws -> BuiltReport {
        var builder = ReportBuilder()
        builder.today = CalendarDate(year: 2026, month: 1, day: 1)!
        return try builder.build(try ReportDefinition.parse("---\n\(front)---\n\(body)", file: "t.md"), database: Self.database)
    }

    /// The blocks after the cover page.
    func body(_ r: BuiltReport) -> [Block] {
        Array(r.document.blocks.drop { if case .pageBreak = $0 { return false } else { return true } }.dropFirst())
    }

    @Test func expressionsBecomeTheirValues() throws {
        let r = try build("In {{ year }} we had {{ members.end | number }} members ({{ members.growth | signed }}).\n")
        let m = Self.metrics
        let end = NumberText.grouped(m.scalar("members.end")!.value!)
        let growth = NumberText.signedPercent(m.scalar("members.growth")!.value!)
        #expect(body(r) == [.paragraph([InlineRun("In 2023 we had \(end) members (\(growth)).")])])
        #expect(r.document.metadata.title == "Test")
        #expect(r.outputName == "t-2023.pdf")
    }

    @Test func markdownStructureMapsToBlocks() throws {
        let r = try build("# One\n\nSome *italic* and **bold** with a [link](https://example.org).\n\n- a\n- b\n  1. nested\n\n> Quoted\n>\n> — Someone\n\n---\n\n## Two\n")
        let blocks = body(r)
        #expect(blocks[0] == .heading(level: 1, text: [InlineRun("One")]))
        #expect(blocks[1] == .paragraph([InlineRun("Some "), InlineRun("italic", italic: true), InlineRun(" and "), InlineRun("bold", bold: true),
                                         InlineRun(" with a "), InlineRun("link", link: "https://example.org"), InlineRun(".")]))
        #expect(blocks[2] == .bulletList([ListItem("a"), ListItem([InlineRun("b")], children: [ListItem("nested")], childrenNumbered: true)]))
        #expect(blocks[3] == .blockQuote([[InlineRun("Quoted")]], attribution: [InlineRun("— Someone")]))
        #expect(blocks[4] == .pageBreak)
        #expect(blocks[5] == .heading(level: 2, text: [InlineRun("Two")]))
    }

    @Test func metricTableHasChosenColumnsSignedChangesAndTotals() throws {
        let r = try build("```table\ndata: members.by_region\ncolumns: [key, previous, value, change_pct]\nlabels: { key: Region }\nsort: value\ntotals: true\n```\n")
        guard case .table(let t) = body(r).first else { Issue.record("no table"); return }
        #expect(t.header.map(\.plainText) == ["Region", "2022", "2023", "Change %"])
        let rows = Self.metrics.grouped("members.by_region")!.sorted { $0.value > $1.value }
        #expect(t.rows.map { $0[0].plainText } == rows.map { $0.key ?? "No region" })
        #expect(t.rows.allSatisfy { $0[3].plainText.hasPrefix("+") || $0[3].plainText.hasPrefix("−") || $0[3].plainText == "±0%" || $0[3].plainText == "—" })
        #expect(t.totals?.map(\.plainText) == ["Total", NumberText.grouped(Self.metrics.scalar("members.start")!.value!),
                                                NumberText.grouped(Self.metrics.scalar("members.end")!.value!), ""])
        #expect(t.columns.map(\.numeric) == [false, true, true, true])
    }

    @Test func kpiTilesCarryChangeAndDirection() throws {
        let r = try build("```kpis\n- metric: members.end\n  label: Members\n- metric: members.lapsed\n```\n")
        guard case .kpiRow(let tiles) = body(r).first else { Issue.record("no tiles"); return }
        let end = Self.metrics.scalar("members.end")!
        #expect(tiles[0].value == NumberText.grouped(end.value!))
        #expect(tiles[0].label == "Members")
        #expect(tiles[0].direction == .up)
        #expect(tiles[0].change == "\(NumberText.percent(end.changePct!)) vs 2022")
        #expect(tiles[1].label == "Lapsed members")
        #expect(tiles[1].upIsGood == false, "more lapsed members is not good news")
    }

    @Test func directoryListsActiveMembersByRegionSortedByName() throws {
        let r = try build("```directory\ngroup: region\ncolumns: [name, country]\n```\n", front: "title: Test\nperiod: 2023\ndirectory: true\n")
        let blocks = body(r)
        let headings = blocks.compactMap { if case .heading(_, let t, _) = $0 { return t.plainText } else { return nil } }
        #expect(headings == headings.sorted())
        var rows = 0
        for case .table(let t) in blocks {
            let names = t.rows.map { $0[0].plainText }
            // By the report language's collation (ICU), not by bytes: "Ángela" sorts with A.
            let locale = Locale(identifier: "en")
            #expect(names == names.sorted { $0.compare($1, options: [], range: nil, locale: locale) == .orderedAscending }, "sorted by name within a region")
            rows += t.rows.count
        }
        #expect(Double(rows) == Self.metrics.scalar("members.end")!.value!)
    }

    @Test func theDirectoryIsLeftOutUnlessTheFrontMatterAsks() throws {
        let r = try build("```directory\ngroup: region\n```\n")
        #expect(body(r).isEmpty)
        #expect(r.warnings.contains { $0.contains("set `directory: true`") })
    }

    @Test func namesSortAsPeopleSortThem() {
        let english = Collator(language: "en")
        #expect(english.sorted(["Zoe", "Ángela", "adam", "Émile", "Angela", "Ana María", "Anabel", "O'Brien", "Obama"], by: { $0 })
                == ["adam", "Ana María", "Anabel", "Angela", "Ángela", "Émile", "O'Brien", "Obama", "Zoe"])
        // Thai: a leading vowel sorts by the consonant after it (เก after กา), which byte order gets wrong.
        #expect(Collator(language: "th").sorted(["เก", "กา", "ขา"], by: { $0 }) == ["กา", "เก", "ขา"])
        // Swedish puts Å, Ä, Ö after Z; English with A and O.
        #expect(Collator(language: "sv").sorted(["Örjan", "Zlatan", "Anna"], by: { $0 }) == ["Anna", "Zlatan", "Örjan"])
        #expect(english.sorted(["Örjan", "Zlatan", "Anna"], by: { $0 }) == ["Anna", "Örjan", "Zlatan"])
        // Equal texts keep their order; an unknown language falls back to the root order.
        #expect(Collator(language: "xx-unknown").sorted([("b", 1), ("a", 2), ("b", 3)], by: \.0).map(\.1) == [2, 1, 3])
    }

    @Test func summaryNamesTheLargestChanges() throws {
        let r = try build("```summary\nmetrics: [members.end, activities.count]\ncount: 1\n```\n")
        guard case .paragraph(let runs) = body(r).first else { Issue.record("no paragraph"); return }
        #expect(runs.plainText.hasPrefix("The largest changes from 2022 to 2023: "))
        #expect(runs.plainText.hasSuffix("."))
    }

    @Test func namedQueriesFeedTablesReadOnlyAndWithErrorsAtTheQuery() throws {
        let front = "title: Q\nperiod: 2023\nqueries:\n  sectors: SELECT sector, count(*) AS members FROM members GROUP BY sector ORDER BY 2 DESC\n  wipe: DELETE FROM members\n"
        let r = try build("```table\ndata: sectors\n```\n", front: front)
        guard case .table(let t) = body(r).first else { Issue.record("no table"); return }
        #expect(t.header.map(\.plainText) == ["sector", "members"])
        #expect(t.columns.map(\.numeric) == [false, true])
        #expect(throws: ReportError(SourceLocation(file: "t.md", line: 6, column: 9), "query wipe would change the database; report queries may only SELECT")) {
            try build("```table\ndata: wipe\n```\n", front: front)
        }
    }

    @Test func aLogoReplacesTheMonogramAndAMissingOneIsLocated() throws {
        let dir = NSTemporaryDirectory() + "almanac-logo-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A 1×1 PNG.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
        try png.write(to: URL(fileURLWithPath: dir + "/logo.png"))
        var builder = ReportBuilder()
        builder.today = CalendarDate(year: 2026, month: 1, day: 1)!
        let ok = try builder.build(try ReportDefinition.parse("---\ntitle: T\nperiod: 2023\ntheme:\n  logo: logo.png\n---\nText\n", file: dir + "/r.md"), database: Self.database)
        guard case .figure(let f) = ok.document.blocks.first, case .image(let path, _) = f.content else { Issue.record("no logo first"); return }
        #expect(path == dir + "/logo.png")
        #expect(throws: ReportError(SourceLocation(file: dir + "/r.md", line: 3, column: 7), "logo gone.png not found (looked for \(dir)/gone.png); give a PNG path relative to the report")) {
            try builder.build(try ReportDefinition.parse("---\ntitle: T\nlogo: gone.png\n---\nText\n", file: dir + "/r.md"), database: Self.database)
        }
    }

    @Test func aSlowQueryIsStoppedAtTheTimeLimit() throws {
        var builder = ReportBuilder()
        builder.today = CalendarDate(year: 2026, month: 1, day: 1)!
        builder.queryTimeLimit = 0.2
        let source = "---\ntitle: Slow\nperiod: 2023\nqueries:\n  forever: WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) AS c FROM n\n---\n```table\ndata: forever\n```\n"
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: ReportError(SourceLocation(file: "t.md", line: 5, column: 12), "query forever took longer than 0.2 s and was stopped; simplify it or add an index")) {
            try builder.build(try ReportDefinition.parse(source, file: "t.md"), database: Self.database)
        }
        #expect(clock.now - started < .seconds(10), "the query was interrupted, not run to the end")
    }

    @Test func everyUnknownNameIsReportedAtOnce() throws {
        let error = #expect(throws: ReportErrors.self) { try build("{{ members.ends }} and {{ contries.count }}\n") }
        #expect(error?.errors.map(\.location.line) == [5, 5])
        #expect(error?.errors[1].message.hasPrefix("unknown metric 'contries.count' (did you mean countries.count?)") == true)
    }

    @Test func lintAcceptsRoundedNumbersAndFlagsContradictions() throws {
        let end = Self.metrics.scalar("members.end")!.value!
        let over = Formatters.over(end).replacingOccurrences(of: "over ", with: "")
        let definition = try ReportDefinition.parse("---\ntitle: L\nperiod: 2023\n---\nWe have over \(over) members in 99,999 countries. Founded in 2021.\n1. a list item\n", file: "l.md")
        let result = NarrativeLint.check(definition, context: ReportContext(metrics: Self.metrics, settings: definition.settings))
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.message.hasPrefix("\"99,999\" contradicts the data: countries.count is") == true, "\(result.problems)")
        #expect(result.checked == 2)
    }

    @Test func grantPeriodComesFromTheDatabase() throws {
        let r = try build("Text\n", front: "title: G\nperiod: grant\ngrant: 1\n")
        #expect(r.metrics.period == Period(start: CalendarDate(year: 2022, month: 1, day: 1)!, end: CalendarDate(year: 2024, month: 12, day: 31)!))
        #expect(throws: ReportError.self) { try build("Text\n", front: "title: G\nperiod: grant\ngrant: 99\n") }
    }
}

@Suite("Built-in report")
struct BuiltInReportTests {
    @Test func theBuiltInYearInReviewIsTheOneInReports() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Reports/year-in-review.md"), encoding: .utf8)
        #expect(BuiltInReports.yearInReview == file, "the binary embeds Reports/year-in-review.md through Sources/Report/Resources/")
    }
}
