@testable import Charts
import Base
import Testing

@Suite("Text") struct TextTests {
    let style = TextStyle(size: 10)
    let m = FakeMeasurer()

    @Test func shortTextStaysOnOneLine() {
        #expect(LineBreaking.fit("Africa", width: 100, maxLines: 2, style: style, measurer: m) == ["Africa"])
    }

    @Test func longNamesWrapInsideTheWidth() {
        let name = "Association of Municipal Finance Officers and Local Treasurers"
        #expect(name.count >= 60)
        let lines = LineBreaking.fit(name, width: 150, maxLines: 3, style: style, measurer: m)
        #expect(lines.count <= 3)
        #expect(lines.allSatisfy { m.width(of: $0, style: style) <= 150 })
    }

    @Test func textBeyondTheLastLineEndsWithAnEllipsis() {
        let lines = LineBreaking.fit("Latin America and the Caribbean Regional Working Group", width: 80, maxLines: 2, style: style, measurer: m)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { m.width(of: $0, style: style) <= 80 })
    }

    @Test(arguments: ["地方公共财政官员与市政司库协会亚太区域分会", "สมาคมเจ้าหน้าที่การเงินเทศบาลและเหรัญญิกท้องถิ่นแห่งประเทศไทย",
                      "राष्ट्रीय नगरपालिका वित्त अधिकारी एवं स्थानीय कोषाध्यक्ष संघ"])
    func scriptsWithoutSpacesBreakBetweenCharacters(name: String) {
        let lines = LineBreaking.fit(name, width: 90, maxLines: 3, style: style, measurer: m)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { m.width(of: $0, style: style) <= 90 })
    }

    @Test func spreadingSeparatesLabelsWithinBounds() {
        let spread = LabelSpreading.spread([50, 51, 52], height: [10, 10, 10], lower: 0, upper: 100)!
        let sorted = spread.sorted()
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 >= 10 })
        #expect(LabelSpreading.spread([5, 6], height: [10, 10], lower: 0, upper: 15) == nil)
    }
}
