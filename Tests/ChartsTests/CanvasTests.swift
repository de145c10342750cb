@testable import Charts
import Base
import Testing

@Suite("Canvas") struct CanvasTests {
    var canvas = ChartCanvas(measurer: FakeMeasurer(), style: ChartStyle())

    @Test func anchorsPlaceTheRightEdgeAtThePoint() {
        let ts = TextStyle(size: 10)
        let end = canvas.label("1,640", x: 100, baseline: 50, anchor: .end, style: ts)
        #expect(abs(end.x + end.width - 100) < 1e-9)
        let middle = canvas.label("1,640", x: 100, baseline: 50, anchor: .middle, style: ts)
        #expect(abs(middle.x + middle.width / 2 - 100) < 1e-9)
    }

    @Test mutating func aLabelThatWouldTouchAnotherIsNotPlaced() {
        let ts = TextStyle(size: 10)
        canvas.place(canvas.label("Africa", x: 0, baseline: 20, style: ts))
        let touching = canvas.label("Asia", x: 10, baseline: 24, style: ts)
        let clear = canvas.label("Asia", x: 0, baseline: 40, style: ts)
        let placedTouching = canvas.placeIfFree(touching)
        let placedClear = canvas.placeIfFree(clear)
        #expect(!placedTouching)
        #expect(placedClear)
        #expect(canvas.items.count == 2)
    }

    @Test func parallelRotatedLabelsAreComparedAlongTheirAngle() {
        let ts = TextStyle(size: 8)
        // Two long 45° labels 12 points apart: their upright bounding boxes overlap, the text does not.
        let a = TextItem(text: "Bolivia (Plurinational State of)", style: ts, x: 0, baseline: 100, width: 110, rotation: -45)
        let b = TextItem(text: "Bolivia (Plurinational State of)", style: ts, x: 16, baseline: 100, width: 110, rotation: -45)
        #expect(a.labelBounds.intersects(b.labelBounds))
        #expect(!a.overlaps(b))
    }

    @Test func titleAboveCaptionBelowPlotBetween() {
        var canvas = ChartCanvas(measurer: FakeMeasurer(), style: ChartStyle())
        let spec = ChartSpec(type: .bar, data: "x", title: "Members by region", caption: "Africa grew fastest.", source: "membership database")
        let frame = ChartFrame.layout(spec: spec, bounds: Rect(x: 0, y: 0, width: 400, height: 200), canvas: &canvas)
        let texts = canvas.items.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.map(\.text) == ["Members by region", "Africa grew fastest.", "Source: membership database"])
        #expect(texts[0].baseline < frame.plot.y)
        #expect(texts[1].baseline - texts[1].style.size > frame.plot.maxY)
    }
}
