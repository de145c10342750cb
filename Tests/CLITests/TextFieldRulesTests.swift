import Foundation
import Testing

/// Import refuses text that would be cut short (NUL) or break every later build
/// (noncharacters), naming the row; a hand-edited country never traps it.
@Suite("Text field rules")
struct TextFieldRulesTests {
    @Test func controlCharactersAndNoncharactersAreRefusedWithTheRow() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        #expect(try CLI.run(["init", db, "--regions", "none"]).status == 0)
        t.write("regions.csv", "id,name\n1,Africa\n")
        t.write("countries.csv", "code,name,region_id\nKE,Kenya,1\n")
        #expect(try CLI.run(["import", db, "regions", t.file("regions.csv")]).status == 0)
        #expect(try CLI.run(["import", db, "countries", t.file("countries.csv")]).status == 0)
        let before = t.bytes("org.db")
        // Swift literals refuse noncharacters: build them from their code points.
        func scalar(_ v: UInt32) -> String { String(Character(Unicode.Scalar(v)!)) }
        t.write("members.csv", "name,country_code,joined_on\n\"Ana\u{0}Bob\",KE,2020-01-01\nEve\(scalar(0xFFFE)),KE,2020-01-01\nZoe\(scalar(0xFDD0)),KE,2020-01-01\nBel\u{7},KE,2020-01-01\n\"Tab\tok\",KE,2020-01-01\n")
        let r = try CLI.run(["import", db, "members", t.file("members.csv")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("members.csv:2: name: contains U+0000 (a control character) at character 4"), "\(r.stderr)")
        #expect(r.stderr.contains("members.csv:3: name: contains U+FFFE (a Unicode noncharacter)"))
        #expect(r.stderr.contains("members.csv:4: name: contains U+FDD0"))
        #expect(r.stderr.contains("members.csv:5: name: contains U+0007"))
        #expect(!r.stderr.contains("members.csv:6:"), "a tab is allowed")
        #expect(t.bytes("org.db") == before)
    }

    @Test func unclosedQuoteInTheLastFieldIsRefused() throws {
        let t = TempDir(); defer { t.remove() }
        let db = try HandEdits.copy(in: t)
        t.write("partners.csv", "name\nGood\n\"Never closed\n")
        let r = try CLI.run(["import", db, "partners", t.file("partners.csv")])
        #expect(r.status == 1, "\(r.stdout)")
        #expect(r.stderr.contains("partners.csv:3:"), "\(r.stderr)")
    }

    @Test func importDoesNotTrapOnABlobCountryName() throws {
        let t = TempDir(); defer { t.remove() }
        let db = try HandEdits.copy(in: t, loosen: ["countries"], "UPDATE countries SET name = X'FF' WHERE code = 'KE'")
        t.write("members.csv", "name,country_code,joined_on\nAna,FR,2020-01-01\n")
        let r = try CLI.run(["import", db, "members", t.file("members.csv")])
        #expect(r.status == 0 || r.status == 1, "no trap: \(r.status) \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count <= 2, "\(r.stderr)")
    }
}
