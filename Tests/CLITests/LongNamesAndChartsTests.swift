import Foundation
import Testing

/// Issue 14: a 250-character `--out` name (the temporary name used to be longer than the file
/// system allows) and infinite values in a charted query (drawn as 0 without a word).
@Suite("Long names and chart values")
struct LongNamesAndChartsTests {
    @Test func aTwoHundredFiftyCharacterOutputNameIsWritten() throws {
        let t = TempDir(); defer { t.remove() }
        let name = String(repeating: "a", count: 246) + ".pdf"
        let r = try CLI.run(["build", "--db", HandEdits.sample, "--out", t.file(name)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: t.file(name)))
        #expect((try FileManager.default.contentsOfDirectory(atPath: t.path)) == [name], "no temporary file is left")
    }

    @Test(arguments: [("1e999", "infinite"), ("-1e999", "minus infinity")])
    func infiniteChartValuesAreNamedNotDrawnAsZero(_ value: String, _ word: String) throws {
        let t = TempDir(); defer { t.remove() }
        let report = t.write("inf.md", """
            ---
            title: T
            queries:
              q: SELECT 'a' AS k, 1 AS v UNION ALL SELECT 'b', \(value)
            ---
            # Hi

            ```chart
            type: bar
            data: q
            ```

            """)
        let r = try CLI.run(["build", report, "--db", HandEdits.sample, "--out", t.file("inf.pdf")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("inf.md:4:6: query q row 2: v is \(word), which a chart cannot draw"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.file("inf.pdf")))
    }
}
