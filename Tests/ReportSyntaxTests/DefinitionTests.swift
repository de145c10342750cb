import Base
import Testing
@testable import ReportSyntax

@Suite("Report definitions: front matter and Markdown")
struct DefinitionTests {
    let source = """
        ---
        title: "Year in Review {{ year }}"
        organization: Local Public Sector Alliance
        period: 2023
        created: 2024-01-15
        mission: Better local government everywhere
        queries:
          top_countries: SELECT country_code, count(*) FROM members GROUP BY 1
        ---
        # A year of growth

        In {{ year }}, membership grew {{ members.growth | over_percent }} to
        {{ members.end | over }} members in **{{ countries.count }}** countries.

        ```chart
        type: line
        data: members.monthly
        ```

        | Region | Members |
        | :----- | ------: |
        | Africa | 512     |

        - one
        - two
        """

    @Test func splitsFrontMatterAndKeepsBodyLineNumbers() throws {
        let d = try ReportDefinition.parse(source, file: "yir.md")
        #expect(d.bodyStartLine == 10)
        #expect(d.settings.period == .year(2023))
        #expect(d.settings.created == CalendarDate(year: 2024, month: 1, day: 15))
        #expect(d.settings.values["mission"]?.template.parts == [.text("Better local government everywhere")])
        #expect(d.settings.values["title"]?.template.expressions.map(\.name) == ["year"])
        #expect(d.settings.queries == [.init(name: "top_countries", sql: "SELECT country_code, count(*) FROM members GROUP BY 1",
                                              location: SourceLocation(file: "yir.md", line: 8, column: 18))])
        guard case .heading(1, let title, let loc) = d.body[0] else { Issue.record("no heading"); return }
        #expect(title.map(\.plainText).joined() == "A year of growth")
        #expect(loc == SourceLocation(file: "yir.md", line: 10, column: 1))
        guard case .paragraph(let inlines, let ploc) = d.body[1] else { Issue.record("no paragraph"); return }
        #expect(ploc.line == 12)
        // Expressions are parsed once, with their location, inside the inline tree.
        let strongExpressions = inlines.compactMap { inline -> String? in
            guard case .strong(let inner) = inline, case .expression(let e)? = inner.first else { return nil }
            return e.name
        }
        #expect(strongExpressions == ["countries.count"])
        guard case .fenced(let info, let body, let floc) = d.body[2] else { Issue.record("no fence"); return }
        #expect(info == "chart")
        #expect(body == "type: line\ndata: members.monthly\n")
        #expect(floc.line == 16)
        guard case .table(let header, let rows, let align, _) = d.body[3] else { Issue.record("no table"); return }
        #expect(header.map { $0.map(\.plainText).joined() } == ["Region", "Members"])
        #expect(rows.map { $0.map { $0.map(\.plainText).joined() } } == [["Africa", "512"]])
        #expect(align == [.left, .right])
        guard case .list(false, _, let items, _) = d.body[4] else { Issue.record("no list"); return }
        #expect(items.count == 2)
    }

    @Test func yamlErrorsPointIntoTheReportFile() {
        let bad = "---\ntitle: Report\nperiod: [2023\n---\nBody\n"
        let error = #expect(throws: ReportError.self) { try ReportDefinition.parse(bad, file: "r.md") }
        #expect(error?.location.file == "r.md")
        #expect(error?.location.line == 3, "points at the unclosed [ on line 3: \(String(describing: error))")
        #expect(error?.message.hasPrefix("invalid YAML:") == true)
    }

    @Test func settingsAreCheckedWithSuggestions() {
        #expect(throws: ReportError(SourceLocation(file: "r.md", line: 2, column: 8), "paper must be a4 or letter, found 'a5'")) {
            try ReportDefinition.parse("---\npaper: a5\n---\n", file: "r.md")
        }
        let unclosed = #expect(throws: ReportError.self) { try ReportDefinition.parse("---\ntitle: x\n", file: "r.md") }
        #expect(unclosed?.description == "r.md:1:1: the front matter opened here with --- is not closed; add a line with --- after the settings")
        let swapped = #expect(throws: ReportError.self) { try ReportDefinition.parse("---\nperiod:\n  from: 2023-06-30\n  to: 2022-07-01\n---\n", file: "r.md") }
        #expect(swapped?.description == "r.md:3:9: from 2023-06-30 is after to 2022-07-01; swap them")
        let typo = try? ReportDefinition.parse("---\ntitel: Annual report\n---\n", file: "r.md")
        #expect(typo?.settings.warnings.map(\.description) == ["r.md:2:1: unknown setting 'titel' (did you mean title?); it is kept as a value for {{ titel }}"])
    }

    @Test func fiscalYearRangeAndNoFrontMatter() throws {
        let d = try ReportDefinition.parse("---\nfrom: 2022-07-01\nto: 2023-06-30\n---\nText\n", file: "r.md")
        #expect(d.settings.period == .range(from: CalendarDate(year: 2022, month: 7, day: 1)!, to: CalendarDate(year: 2023, month: 6, day: 30)!))
        let plain = try ReportDefinition.parse("# Just Markdown\n", file: "r.md")
        #expect(plain.settings.period == nil)
        #expect(plain.bodyStartLine == 1)
    }
}
