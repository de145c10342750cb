import Foundation
import Layout
import Metrics
import Store
import Testing
@testable import Report
@testable import ReportSyntax

/// Text that follows the data: conditionals, zero sentences, empty blocks, names from the
/// database, the methods appendix — on the small sample of `ReportBuilderTests`.
@Suite("Wording that follows the data", .serialized)
struct ConditionalTextTests {
    let engine = ReportBuilderTests()

    func text(_ body: String, front: String = "title: Test\nperiod: 2023\n") throws -> String {
        let r = try engine.build(body, front: front)
        return engine.body(r).map { b -> String in
            switch b {
            case .paragraph(let runs), .heading(_, let runs, _): return runs.plainText
            case .table(let t): return "[table \(t.rows.count) rows: " + t.rows.map { $0.map(\.plainText).joined(separator: "|") }.joined(separator: "; ") + "]"
            case .bulletList(let items): return items.map(\.text.plainText).joined(separator: " / ")
            default: return "[\(b)]".prefix(20).description
            }
        }.joined(separator: "\n")
    }

    @Test func theArmTheDataChoosesIsPrinted() throws {
        #expect(try text("{% if members.end > 0 %}Members.{% else %}None.{% endif %}\n") == "Members.")
        #expect(try text("{% if activities.by_kind[karaoke] > 0 %}Karaoke!{% elif members.growth < 0 %}Fell.{% else %}No karaoke.{% endif %}\n") == "No karaoke.")
        #expect(try text("- one\n- {% if working_groups.total > 100 %}hidden{% endif %}\n- three\n") == "one / three")
    }

    @Test func kindsMatchWhateverTheirCase() throws {
        let lower = try text("{{ activities.by_kind[webinar] }}\n"), upper = try text("{{ activities.by_kind[Webinar] }}\n")
        #expect(lower == upper && lower != "0")
    }

    @Test func aSentenceWhoseNumbersAreAllZeroIsLeftOut() throws {
        let t = try text("We had {{ members.end }} members. {{ activities.by_kind[karaoke] | plural: \"karaoke night\" }} were held. Thank you.\n")
        #expect(!t.contains("karaoke"))
        #expect(t.hasSuffix("members. Thank you."), "\(t)")
        let kept = try text("{{ activities.by_kind[karaoke] | plural: \"karaoke night\" }} were held.\n", front: "title: Test\nperiod: 2023\nzero_sentences: keep\n")
        #expect(kept == "0 karaoke nights were held.")
    }

    @Test func anErrorInAnArmNotTakenIsStillFound() {
        #expect(throws: ReportError.self) { try engine.build("{% if members.end < 0 %}{{ members.ends }}{% endif %}\n") }
        #expect(throws: ReportError.self) { try engine.build("{% if member.end > 0 %}x{% endif %}\n") }
    }

    @Test func emptyBlocksSaySoOrAreLeftOut() throws {
        let q = "queries:\n  nobody: SELECT name, 1 AS n FROM members WHERE 0\n"
        #expect(try text("```table\ndata: nobody\n```\n", front: "title: T\nperiod: 2023\n" + q) == "No rows to show for 2023.")
        #expect(try text("```table\ndata: working_groups.members\n```\n", front: "title: T\nperiod: 2021\n") == "No working groups yet.")
        #expect(try text("```table\ndata: nobody\nempty: hide\n```\nAfter.\n", front: "title: T\nperiod: 2023\n" + q) == "After.")
        #expect(try text("```table\ndata: nobody\nempty: \"Nothing in {{ year }}.\"\n```\n", front: "title: T\nperiod: 2023\n" + q) == "Nothing in 2023.")
    }

    @Test func countriesAreNamedUnlessCodesAreAsked() throws {
        let names = try text("```table\ndata: members.by_country\ncolumns: [key, value]\nlimit: 3\n```\n")
        let codes = try text("```table\ndata: members.by_country\ncolumns: [key, value]\nlimit: 3\ncountry_codes: true\n```\n")
        #expect(!names.contains(where: { $0 == "|" }) || names.split(separator: ";").allSatisfy { $0.split(separator: "|").first.map { $0.count > 3 } ?? false }, "\(names)")
        #expect(codes.split(separator: ";").allSatisfy { ($0.split(separator: "|").first?.suffix(2).allSatisfy(\.isUppercase)) ?? false }, "\(codes)")
    }

    @Test func organizationAndFunderComeFromTheDatabase() throws {
        #expect(try text("{{ organization }} thanks {{ funders }}.\n") == "Local Public Sector Alliance thanks Civic Futures Foundation.")
        #expect(try text("{{ organization }}\n", front: "title: T\nperiod: 2023\norganization: Other Org\n") == "Other Org")
        #expect(try text("{% if funder %}Thanks {{ funder }}.{% else %}No grant.{% endif %}\n", front: "title: T\nperiod: 2019\n") == "No grant.")
    }

    @Test func theMethodsAppendixDefinesWhatThePrinted() throws {
        let t = try text("{{ members.end }} members.\n\n```methods\n```\n")
        #expect(t.contains("How we count"))
        #expect(t.contains("Members at the end (members.end): Members on the last day of the period"))
        #expect(t.contains("1 January 2022 to 31 December 2022"))
        #expect(!t.contains("countries.count"), "only printed metrics are described")
        let appended = try text("{{ activities.participants }}\n", front: "title: T\nperiod: 2023\nmethods: true\n")
        #expect(appended.contains("have no participant count"), "\(appended)")
    }

    @Test func changeVerbsAreTheReportsOwn() throws {
        let t = try text("Membership {{ members.growth | change }}.\n", front: "title: T\nperiod: 2023\nchange_verbs: rose, fell\n")
        #expect(t.hasPrefix("Membership rose "), "\(t)")
    }
}
