import Base
import GRDB
import Testing
@testable import Store

@Suite("Import mapping files")
struct ImportMappingTests {
    @Test func everyPresetReadsAndUnknownOnesNameThePresets() throws {
        for name in Presets.names { #expect(try !Presets.mapping(name).tables.isEmpty) }
        #expect(throws: StoreError("unknown preset 'civi'; presets: civicrm, wild-apricot, or pass your own --mapping FILE.yaml")) { try Presets.mapping("civi") }
    }

    @Test func typosNameTheKeyAndTheClosestOne() {
        #expect(throws: StoreError("map.yaml: members: unknown key 'colums' (did you mean columns?); keys: columns, skip, left_on, merge_by, date_format, unknown_members, also")) {
            try ImportMapping(yaml: "members:\n  colums: {name: Name}\n", origin: "map.yaml")
        }
        #expect(throws: StoreError("map.yaml: unknown table 'member' (did you mean members?); tables: \(Schema.tableOrder.joined(separator: ", "))")) {
            try ImportMapping(yaml: "member:\n  columns: {name: Name}\n", origin: "map.yaml")
        }
        #expect(throws: StoreError.self) { try ImportMapping(yaml: "members: [", origin: "map.yaml") }
    }

    @Test func constantsValueMapsFiltersAndJoinedHeaders() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let yaml = """
            activities:
              columns:
                title: [Series, Title]
                kind: {header: Type, map: {Talk: webinar}}
                held_on: {first: [Held, Date]}
                participants: {value: 0}
              skip:
                - {when: Cancelled, is: [yes], why: cancelled}
            """
        let csv = "Series,Title,Type,Date,Cancelled\nBudget,Basics,Talk,2024-01-05,no\nBudget,Advanced,Workshop,2024-02-05,yes\nAudit,Intro,WORKSHOP,5 March 2024,no\n"
        let options = ImportOptions(mapping: try ImportMapping(yaml: yaml, origin: "map.yaml"))
        let summary = try CSVImporter(database: q, options: options).importFile(s.write("a.csv", csv), into: "activities")
        #expect(summary.line == "activities: 2 added, 0 updated, 0 unchanged, 1 skipped (1 cancelled)")
        let rows = try q.read { try String.fetchAll($0, sql: "SELECT title || '|' || kind || '|' || held_on || '|' || participants FROM activities ORDER BY id") }
        #expect(rows == ["Budget Basics|webinar|2024-01-05|0", "Audit Intro|workshop|2024-03-05|0"])
    }

    @Test func aMappingNamingAMissingHeaderSaysWhichHeadersThereAre() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let options = ImportOptions(mapping: try ImportMapping(yaml: "members:\n  columns: {name: Full Name, joined_on: Since}\n", origin: "map.yaml"))
        let file = s.write("m.csv", "Full name,Joined\nA,2024-01-01\n")
        #expect(throws: StoreError("map.yaml: members.columns.joined_on: \(file) has no header 'Since'; headers: Full name, Joined")) {
            try CSVImporter(database: q, options: options).importFile(file, into: "members")
        }
    }
}
