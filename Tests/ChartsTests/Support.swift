import Foundation
import Charts
import Base

/// A deterministic measurer: every character is 0.6 em wide (1 em for CJK), so widths are
/// predictable in assertions and independent of installed fonts.
struct FakeMeasurer: TextMeasuring {
    func width(of text: String, style: TextStyle) -> Double {
        text.reduce(0) { sum, ch in
            let wide = ch.unicodeScalars.first.map { (0x3000...0x9FFF).contains($0.value) } ?? false
            return sum + (wide ? 1 : 0.6) * style.size
        }
    }
}

func compiler() -> ChartCompiler { ChartCompiler(measurer: FakeMeasurer()) }

func compile(_ spec: ChartSpec, _ data: ChartData, width: Double = 460, height: Double? = nil) -> ChartLayout {
    var c = compiler()
    return c.compile(spec, data: data, width: width, height: height)
}

/// The label's box (rotation included) as Charts computes it for collision checks.
func box(_ t: TextItem) -> Rect {
    let ascent = t.style.size * 0.8, descent = t.style.size * 0.25
    let r = Rect(x: t.x, y: t.baseline - ascent, width: t.width, height: ascent + descent)
    guard t.rotation != 0 else { return r }
    let a = t.rotation * .pi / 180
    let pts = [(r.x, r.y), (r.maxX, r.y), (r.x, r.maxY), (r.maxX, r.maxY)].map { (x, y) in
        (t.x + (x - t.x) * cos(a) - (y - t.baseline) * sin(a), t.baseline + (x - t.x) * sin(a) + (y - t.baseline) * cos(a))
    }
    let xs = pts.map(\.0), ys = pts.map(\.1)
    return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
}

func overlaps(_ a: Rect, _ b: Rect) -> Bool {
    a.x < b.maxX - 0.01 && b.x < a.maxX - 0.01 && a.y < b.maxY - 0.01 && b.y < a.maxY - 0.01
}

/// The label's box in a frame turned by its rotation (exact for two labels at the same angle).
func turnedBox(_ t: TextItem) -> Rect {
    let a = -t.rotation * .pi / 180
    let px = t.x * cos(a) - t.baseline * sin(a), py = t.x * sin(a) + t.baseline * cos(a)
    return Rect(x: px, y: py - t.style.size * 0.8, width: t.width, height: t.style.size * 1.05)
}

/// Pairs of text items whose boxes intersect.
func collisions(_ chart: ChartLayout) -> [(String, String)] {
    let texts = chart.texts
    var found: [(String, String)] = []
    for i in texts.indices {
        for j in texts.indices where j > i {
            let (a, b) = (texts[i], texts[j])
            let hit = a.rotation == b.rotation ? overlaps(turnedBox(a), turnedBox(b)) : overlaps(box(a), box(b))
            if hit { found.append((a.text, b.text)) }
        }
    }
    return found
}

/// Every number in the graphic is finite.
func allFinite(_ chart: ChartLayout) -> Bool {
    chart.graphic.items.allSatisfy { item in
        switch item {
        case .text(let t): return [t.x, t.baseline, t.width, t.style.size].allSatisfy(\.isFinite)
        case .path(let p): let b = p.bounds; return [b.x, b.y, b.width, b.height].allSatisfy(\.isFinite)
        default: return true
        }
    }
}

