import Base
import Foundation
import GRDB
import Testing
@testable import Store

@Suite("CSV import")
struct CSVImportTests {
    /// Imports `csv` into `table` of a fresh database and returns the failure, checking that
    /// the database file is byte-for-byte unchanged.
    func failure(_ table: String, _ csv: String, options: ImportOptions = ImportOptions()) throws -> ImportFailure? {
        let s = Scratch(); defer { s.cleanup() }
        let (p, q) = try s.database()
        let file = s.write("in.csv", csv)
        let before = bytes(p)
        var result: ImportFailure?
        do {
            _ = try CSVImporter(database: q, options: options).importFile(file, into: table)
        } catch let f as ImportFailure {
            result = f
        }
        #expect(bytes(p) == before, "a failed import must leave the database unchanged")
        #expect(try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") } == (table == "countries" ? 3 : 0))
        return result
    }

    @Test func importsQuotedFieldsEmbeddedNewlinesAndABOM() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let csv = "\u{FEFF}id,name,email,country_code,sector,joined_on,left_on\r\n" +
            "1,\"Okafor, Chinedu\",c@example.org,NG,government,2022-01-05,\r\n" +
            "2,\"Line one\nline two\",,Kenya,\"civil \"\"society\"\"\",2022-02-01,2023-03-01\r\n" +
            "3,محمد الحسن,,fr,academia,2023-03-04,\r\n"
        let summary = try CSVImporter(database: q).importFile(s.write("members.csv", csv), into: "members")
        #expect(summary.rows == 3)
        let rows = try q.read { try Row.fetchAll($0, sql: "SELECT * FROM members ORDER BY id") }
        #expect(rows[0]["name"] == "Okafor, Chinedu")
        #expect(rows[1]["name"] == "Line one\nline two")
        #expect(rows[1]["country_code"] == "KE", "an English country name resolves to its code")
        #expect(rows[1]["sector"] == "civil \"society\"")
        #expect(rows[1]["left_on"] == "2023-03-01")
        #expect(rows[0]["left_on"] == nil as String?, "an empty field is NULL")
        #expect(rows[2]["country_code"] == "FR", "codes are case-insensitive")
        #expect(rows[2]["name"] == "محمد الحسن")
    }

    @Test func crmExportWithMappedHeadersSplitNamesAndDayFirstDates() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let csv = """
            First Name,Last Name,E-mail,Country,Sector,Join Date,Phone
            Amina,Diallo,amina@example.org,Nigeria,academia,03/04/2023,+234 1
            Jean,Dubois,jean@example.org,FR,government,28/02/2022,
            """
        var options = ImportOptions(mappings: [(source: "Join Date", column: "joined_on"), (source: "E-mail", column: "email"),
                                               (source: "Country", column: "country_code")])
        options.dateFormat = DateFormat("DD/MM/YYYY")
        let summary = try CSVImporter(database: q, options: options).importFile(s.write("crm.csv", csv), into: "members")
        #expect(summary.rows == 2)
        #expect(summary.ignoredHeaders == ["Phone"])
        let rows = try q.read { try Row.fetchAll($0, sql: "SELECT name, joined_on, country_code FROM members ORDER BY id") }
        #expect(rows[0]["name"] == "Amina Diallo")
        #expect(rows[0]["joined_on"] == "2023-04-03", "DD/MM/YYYY: 03/04 is the 3rd of April")
        #expect(rows[1]["joined_on"] == "2022-02-28")
        #expect(rows[0]["country_code"] == "NG")
    }

    @Test func reportsEveryBadRowWithItsLineAndWritesNothing() throws {
        let csv = """
            id,name,country_code,joined_on,left_on
            1,Good Person,KE,2023-01-01,
            2,,KE,2023-01-01,
            3,"Spans
            two lines",XX,2023-13-01,
            4,Bad Count,KE
            5,Left Early,KE,2023-05-01,2023-04-01
            6,Slash Date,KE,01/02/2023,
            """
        let f = try #require(try failure("members", csv))
        #expect(f.totalProblems == 6)
        #expect(f.problems == [
            "in.csv:3: name: a value is required",
            "in.csv:4: country_code: unknown country 'XX'; add an alias with --country-alias \"XX=CODE\" or in a mapping file",
            "in.csv:4: joined_on: '2023-13-01' is not a date; write it as YYYY-MM-DD or pass --date-format with a pattern such as \"DD-MMM-YYYY\"",
            "in.csv:6: expected 5 fields (as in the header), found 3; check for an unquoted comma or a missing quote",
            "in.csv:7: left_on: 2023-04-01 is before joined_on 2023-05-01",
            "in.csv:8: joined_on: '01/02/2023' is not a date; pass --date-format dmy or mdy to say which order the file uses",
        ].map { $0.replacingOccurrences(of: "in.csv", with: f.file) })
        #expect(f.problems.allSatisfy { $0.hasPrefix(f.file + ":") })
        #expect(f.description.hasSuffix("6 problems; nothing was imported"))
    }

    @Test func headersUnderAnotherSpellingAreMapped() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let file = s.write("m.csv", "id,name,Member Since,Country\n1,A,2023-01-01,Kenya\n")
        let summary = try CSVImporter(database: q).importFile(file, into: "members")
        #expect(summary.added == 1 && summary.ignoredHeaders.isEmpty)
        #expect(try q.read { try String.fetchOne($0, sql: "SELECT joined_on || country_code FROM members") } == "2023-01-01KE")
    }

    @Test func missingRequiredColumnSuggestsAMapping() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (p, q) = try s.database()
        let file = s.write("m.csv", "id,name,Joining\n1,A,2023-01-01\n")
        let before = bytes(p)
        let error = #expect(throws: StoreError.self) { try CSVImporter(database: q).importFile(file, into: "members") }
        #expect(error?.description == "\(file):1: missing required column joined_on (did you mean 'Joining'? pass --map \"Joining=joined_on\"); the header has: id, name, Joining")
        #expect(bytes(p) == before)
    }

    @Test func unknownForeignKeyNamesTheTableToImportFirst() throws {
        let f = try #require(try failure("working_group_members", "working_group_id,member_id,joined_on\n9,1,2023-01-01\n"))
        #expect(f.problems.first?.hasSuffix(":2: working_group_id: 9 is not in working_groups.id; import working_groups first or fix the reference") == true)
        #expect(f.problems.count == 2, "member_id 1 is unknown too")
    }

    @Test func duplicateKeysInTheFileAndInTheDatabase() throws {
        let f = try #require(try failure("countries", "code,name,region_id\nGH,Ghana,1\nGH,Ghana again,1\nKE,Kenya,1\n"))
        #expect(f.totalProblems == 2)
        #expect(f.problems[0].contains(":3: code: duplicate key (code GH) already in countries or earlier in this file"))
        #expect(f.problems[1].contains(":4: already in countries (code KE); refresh with --update, or replace the table with --replace"))
    }

    @Test func emptyFileAndHeaderOnlyFile() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let empty = s.write("empty.csv", "")
        #expect(throws: StoreError("\(empty): the file is empty; expected a header row naming the columns of members")) {
            try CSVImporter(database: q).importFile(empty, into: "members")
        }
        let headerOnly = s.write("header.csv", "id,name,joined_on\n")
        #expect(try CSVImporter(database: q).importFile(headerOnly, into: "members").rows == 0)
    }

    @Test func missingUnreadableAndNonUTF8Files() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let importer = CSVImporter(database: q)
        let absent = s.path("absent.csv")
        #expect(throws: StoreError("\(absent): no such file; check the path")) { try importer.importFile(absent, into: "members") }
        let latin1 = s.path("latin1.csv")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x0A, 0x43, 0xF4, 0x74, 0x65, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        #expect(throws: StoreError("\(latin1): not UTF-8 text; export the file as \"CSV UTF-8\"")) { try importer.importFile(latin1, into: "regions") }
        if getuid() != 0 {  // root reads anything
            let locked = s.write("locked.csv", "id,name\n")
            chmod(locked, 0)
            #expect(throws: StoreError.self) { try importer.importFile(locked, into: "regions") }
        }
    }

    @Test func unknownTableAndUnknownMappingSuggestNearMisses() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        let file = s.write("m.csv", "id,name,Joined\n1,A,2023-01-01\n")
        let t = #expect(throws: StoreError.self) { try CSVImporter(database: q).importFile(file, into: "member") }
        #expect(t?.description.hasPrefix("unknown table 'member' (did you mean members?)") == true)
        let options = ImportOptions(mappings: [(source: "Joined", column: "joined_one")])
        let m = #expect(throws: StoreError.self) { try CSVImporter(database: q, options: options).importFile(file, into: "members") }
        #expect(m?.description.hasPrefix("--map \"Joined=joined_one\": members has no column 'joined_one' (did you mean joined_on?)") == true)
    }

    @Test func manyBadRowsAreCappedButCounted() throws {
        var csv = "id,name,joined_on\n"
        for i in 1...120 { csv += "\(i),P\(i),not-a-date\n" }
        let f = try #require(try failure("members", csv))
        #expect(f.totalProblems == 120)
        #expect(f.problems.count == 50)
        #expect(f.description.contains("… and 70 more problems"))
    }
}
