import Testing
@testable import ReportSyntax

/// The body parsed once: expressions and conditionals inside the Markdown tree, with the
/// location of every character, and located errors for tags that do not pair up.
@Suite("Parse once: located tree with conditionals")
struct ParseOnceTests {
    func parse(_ body: String) throws -> [MarkdownBlock] {
        try ReportDefinition.parse("---\ntitle: T\n---\n" + body, file: "r.md").body
    }

    func error(_ body: String) -> String? {
        do { _ = try parse(body); return nil } catch let e as ReportError { return e.description } catch { return "\(error)" }
    }

    @Test func anExpressionWrappedOntoTheNextLineIsOneExpression() throws {
        let blocks = try parse("Membership grew {{ members.growth\n  | over_percent }} this year.\n")
        guard case .paragraph(let inlines, _) = blocks[0] else { Issue.record("no paragraph"); return }
        let expressions = inlines.compactMap { if case .expression(let e) = $0 { return e } else { return nil } }
        #expect(expressions.map(\.name) == ["members.growth"])
        #expect(expressions[0].location == SourceLocation(file: "r.md", line: 4, column: 20))
        // The formatter on the continuation line is located where it is written (cmark strips the indent).
        #expect(expressions[0].filters[0].location == SourceLocation(file: "r.md", line: 5, column: 5))
    }

    @Test func aWrappedExpressionWithAnErrorNamesFileLineAndColumn() {
        #expect(error("Text {{ members.end\n | nubmer: }} more\n") == "r.md:5:12: expected a quoted string or a number as formatter argument")
        #expect(error("Text {{ members.end\n\nmore }}\n")?.hasPrefix("r.md:4:6: '{{' is not closed") == true)
    }

    @Test func codeSpansAreLiteralEverywhere() throws {
        let blocks = try parse("Write `{{ members.end }}` to print {{ members.end }}.\n")
        guard case .paragraph(let inlines, _) = blocks[0] else { Issue.record("no paragraph"); return }
        #expect(inlines.contains { if case .code("{{ members.end }}", let l) = $0 { return l.line == 4 } else { return false } })
        #expect(inlines.filter { if case .expression = $0 { return true } else { return false } }.count == 1)
    }

    @Test func selectorsSplitByCmarkStayInsideTheirExpression() throws {
        let blocks = try parse("We held {{ activities.by_kind[online course] | plural: \"course\" }} &amp; more.\n")
        guard case .paragraph(let inlines, _) = blocks[0] else { Issue.record("no paragraph"); return }
        #expect(inlines.contains { if case .expression(let e) = $0 { return e.name == "activities.by_kind[online course]" } else { return false } })
    }

    @Test func inlineConditionalsNestAndKeepTheirArms() throws {
        let blocks = try parse("A{% if x > 0 %}B{% elif not y %}C{% else %}D{% endif %}E.\n")
        guard case .paragraph(let inlines, _) = blocks[0], case .conditional(let arms, let loc) = inlines[1] else { Issue.record("no conditional"); return }
        #expect(loc == SourceLocation(file: "r.md", line: 4, column: 2))
        #expect(arms.count == 3)
        #expect(arms[0].condition == .compare(.name("x", SourceLocation(file: "r.md", line: 4, column: 8)), .greater, .number(0)))
        #expect(arms[1].condition == .not(.truthy("y", SourceLocation(file: "r.md", line: 4, column: 29))))
        #expect(arms[2].condition == nil)
        #expect(arms.map { $0.content.map(\.plainText).joined() } == ["B", "C", "D"])
    }

    @Test func aTagAloneInAParagraphCoversBlocks() throws {
        let blocks = try parse("{% if working_groups.total > 0 %}\n\n## Groups\n\n```table\ndata: working_groups.members\n```\n\n{% endif %}\n\nAfter.\n")
        #expect(blocks.count == 2)
        guard case .conditional(let arms, _) = blocks[0] else { Issue.record("no block conditional"); return }
        #expect(arms.count == 1 && arms[0].content.count == 2)
    }

    @Test(arguments: [
        ("Text {% if x %} more.\n", "r.md:4:6: {% if %} is not closed in this text"),
        ("Text {% endif %}.\n", "r.md:4:6: {% endif %} without an {% if %} before it"),
        ("{% else %}\n", "r.md:4:1: {% else %} without an {% if %} before it"),
        ("A {% if x %}b{% else %}c{% else %}d{% endif %}\n", "r.md:4:25: {% else %} after {% else %}"),
        ("Text {% endfi %}.\n", "r.md:4:9: unknown tag 'endfi'"),
        ("Text {% if %}x{% endif %}.\n", "r.md:4:9: {% if %} needs a condition"),
        ("Text {% if a > %}x{% endif %}.\n", "r.md:4:16: the condition ends too early"),
        ("Text {% if a >> 1 %}x{% endif %}.\n", "r.md:4:14: unknown operator '>>'"),
        ("Text {% if x\n", "r.md:4:6: '{%' is not closed"),
        ("*a {% if x %}b* c{% endif %}\n", "r.md:4:4: {% if %} is not closed in this text"),
        ("{% if x %}\n\nA.\n", "r.md:4:1: {% if %} is not closed (a {% tag %} on its own line"),
    ])
    func tagErrorsAreLocated(body: String, expected: String) {
        let e = error(body)
        #expect(e?.hasPrefix(expected) == true, "\(body): \(e ?? "no error")")
    }

    @Test func settingsRefuseTags() {
        #expect(throws: ReportError.self) { try ReportDefinition.parse("---\ntitle: \"{% if x %}A{% endif %}\"\n---\nText\n", file: "r.md") }
    }
}
