import Base
import Testing
@testable import ReportSyntax

@Suite("Expressions and formatters")
struct ExpressionTests {
    let here = SourceLocation(file: "yir.md", line: 10, column: 5)

    @Test func parsesNamesSelectorsAndFormatterArguments() throws {
        let e = try Expression.parse(" working_groups.established | plural: \"working group\" ", at: here)
        #expect(e.name == "working_groups.established")
        #expect(e.filters.map(\.name) == ["plural"])
        #expect(e.filters[0].arguments == [.string("working group")])
        #expect(e.location == SourceLocation(file: "yir.md", line: 10, column: 6))
        #expect(e.filters[0].location.column == 35)
        let k = try Expression.parse("activities.by_kind[online course] | number", at: here)
        #expect(k.name == "activities.by_kind[online course]")
        #expect(try Expression.parse("members.growth|percent:1", at: here).filters[0].arguments == [.number(1)])
    }

    @Test func syntaxErrorsPointAtTheColumn() {
        #expect(throws: ReportError(SourceLocation(file: "yir.md", line: 10, column: 18), "unexpected '+' in expression; formatters follow a '|', e.g. {{ members.end | number }}")) {
            try Expression.parse(" members.end + 1", at: here)
        }
        #expect(throws: ReportError(here, "empty expression {{ }}; write a metric name such as members.end")) {
            try Expression.parse("", at: here)
        }
    }

    @Test func templatesFindExpressionsWithTheirLineAndColumn() throws {
        let t = try Template("In {{ year }}, membership grew\nto {{ members.end | over }} members.", at: SourceLocation(file: "f.md", line: 3, column: 1))
        #expect(t.expressions.map(\.name) == ["year", "members.end"])
        #expect(t.expressions[0].location == SourceLocation(file: "f.md", line: 3, column: 7))
        #expect(t.expressions[1].location == SourceLocation(file: "f.md", line: 4, column: 7))
        let text = try t.render { e in e.name == "year" ? .text("2023") : .count(1_639) }
        #expect(text == "In 2023, membership grew\nto over 1,600 members.")
        #expect(throws: ReportError(SourceLocation(file: "f.md", line: 1, column: 8), "'{{' is not closed; add '}}' after the expression")) {
            try Template("Total: {{ members.end", at: SourceLocation(file: "f.md", line: 1, column: 1))
        }
    }

    /// "over" never states more than the truth.
    @Test(arguments: [
        (1_639.0, "over 1,600"), (1_600, "1,600"), (1_601, "over 1,600"), (95, "over 90"), (90, "90"),
        (7, "7"), (19, "19"), (20, "20"), (1_034_126, "over 1,000,000"), (25_310, "over 25,000"),
    ])
    func over(value: Double, expected: String) {
        #expect(Formatters.over(value) == expected)
    }

    @Test(arguments: [
        (0.523, "over 50%"), (0.50, "50%"), (0.587, "over 55%"), (0.034, "over 3%"), (-0.034, "over 3%"),
        (1.56, "over 150%"), (0.0999, "over 9%"), (0.1, "10%"),
    ])
    func overPercent(ratio: Double, expected: String) {
        #expect(Formatters.overPercent(ratio) == expected)
    }

    @Test func overNeverExceedsTheValue() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            let n = Double(rng.next() % 5_000_000)
            let text = Formatters.over(n).replacingOccurrences(of: "over ", with: "").replacingOccurrences(of: ",", with: "")
            #expect(Double(text)! <= n)
        }
    }

    @Test func formattersByKind() throws {
        func f(_ source: String, _ value: TemplateValue) throws -> String {
            try Formatters.apply(try Expression.parse(source[...], at: here).filters, to: value, name: "x")
        }
        #expect(try f("x | number", .count(1_234_567)) == "1,234,567")
        #expect(try f("x | number: 1", .count(1_234.56)) == "1,234.6")
        #expect(try f("x | percent", .ratio(0.5234)) == "52%")
        #expect(try f("x | percent: 1", .ratio(0.5234)) == "52.3%")
        #expect(try f("x | signed", .ratio(0.52)) == "+52%")
        #expect(try f("x | signed", .ratio(-0.03)) == "−3%")
        #expect(try f("x | signed", .count(563)) == "+563")
        #expect(try f("x | signed", .count(0)) == "±0")
        #expect(try f("x | plural: \"working group\"", .count(7)) == "7 working groups")
        #expect(try f("x | plural: \"working group\"", .count(1)) == "1 working group")
        #expect(try f("x | plural: \"country\"", .count(92)) == "92 countries")
        #expect(try f("x | plural: \"person\", \"people\"", .count(2)) == "2 people")
        let d = CalendarDate(year: 2023, month: 12, day: 31)!
        #expect(try f("x | date", .date(d)) == "31 December 2023")
        #expect(try f("x | date: \"short\"", .date(d)) == "31 Dec 2023")
        #expect(TemplateValue.count(1_639).plain == "1,639")
        #expect(TemplateValue.ratio(0.523).plain == "52%")
        #expect(TemplateValue.count(-12).plain == "−12")
    }

    @Test func formatterErrorsSuggestNearMisses() throws {
        let e = try Expression.parse("members.end | nubmer", at: here)
        #expect(throws: ReportError(e.filters[0].location, "unknown formatter 'nubmer' (did you mean number?); formatters: number, percent, over, over_percent, date, plural, signed, signed_percent, change")) {
            try Formatters.apply(e.filters, to: .count(3), name: e.name)
        }
        let p = try Expression.parse("members.end | percent", at: here)
        #expect(throws: ReportError(p.filters[0].location, "percent cannot format members.end, which is a count")) {
            try Formatters.apply(p.filters, to: .count(3), name: p.name)
        }
        let m = try Expression.parse("members.growth | over_percent", at: here)
        #expect(throws: ReportError.self) { try Formatters.apply(m.filters, to: .missing("no members at the start"), name: m.name) }
    }
}

@Suite("The change formatter")
struct ChangeFormatterTests {
    let at = SourceLocation(file: "f.md", line: 1, column: 1)

    func format(_ value: TemplateValue, _ expression: String, verbs: Formatters.Verbs = .standard) throws -> String {
        let e = try Expression.parse(Substring(expression), at: at)
        return try Formatters.apply(e.filters, to: value, name: e.name, verbs: verbs)
    }

    @Test func relativeChangesChooseTheirVerb() throws {
        #expect(try format(.relative(0.523), "members.growth | change") == "grew over 50%")
        #expect(try format(.relative(-0.33), "members.growth | change") == "fell over 30%")
        #expect(try format(.relative(0), "members.growth | change") == "stayed level")
        #expect(try format(.relative(0.004), "members.growth | change") == "stayed level")
        #expect(try format(.relative(0.007), "members.growth | change") == "grew by less than 1%")
        #expect(try format(.relative(0.5), "members.growth | change") == "grew 50%")
        #expect(try format(.relative(0.523), "members.growth | change: \"rose\", \"fell\"") == "rose over 50%")
        #expect(try format(.relative(-0.2), "x | change", verbs: Formatters.Verbs(list: "increased, decreased, held steady")!) == "decreased 20%")
    }

    @Test func differencesSayMoreOrFewer() throws {
        #expect(try format(.difference(563), "members.end.change | change: \"member\"") == "563 more members")
        #expect(try format(.difference(-40), "members.end.change | change: \"member\"") == "40 fewer members")
        #expect(try format(.difference(-1), "members.end.change | change: \"member\"") == "1 fewer member")
        #expect(try format(.difference(563), "members.end.change | change: \"members\"") == "563 more members")
        #expect(try format(.difference(1), "members.end.change | change: \"members\"") == "1 more member")
        #expect(try format(.difference(-2), "activities.count.change | change: \"activities\"") == "2 fewer activities")
        #expect(try format(.difference(0), "members.end.change | change: \"member\"") == "no change in the number of members")
        #expect(try format(.difference(5), "activities.count.change | change: \"activity\", \"activities\"") == "5 more activities")
        #expect(try format(.points(0.015), "members.retention.change | change: \"rose\", \"fell\"") == "rose 1.5 percentage points")
    }

    @Test func changeOfALevelIsAnErrorThatSaysWhatToWrite() {
        #expect(throws: ReportError.self) { try format(.count(1639), "members.end | change") }
        #expect(throws: ReportError.self) { try format(.relative(0.5), "members.growth | change: \"rose\"") }
    }
}
