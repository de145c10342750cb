import Foundation
import Base

/// Path shapes Layout has no primitive for: circles and annular sectors, as cubic Béziers.
enum Shapes {
    /// A full circle of radius `r` about `c`.
    static func circle(_ c: Point, _ r: Double) -> [PathElement] {
        arc(center: c, radius: r, from: 0, to: 360, moveToStart: true) + [.close]
    }

    /// A point on the circle at `degrees` clockwise from 12 o'clock (y down).
    static func point(_ c: Point, _ r: Double, _ degrees: Double) -> Point {
        let a = degrees * .pi / 180
        return Point(c.x + r * sin(a), c.y - r * cos(a))
    }

    /// An arc clockwise from `start` to `end` degrees, split into pieces of at most 90° (the
    /// Bézier approximation stays within 0.03% of the radius).
    static func arc(center c: Point, radius r: Double, from start: Double, to end: Double, moveToStart: Bool) -> [PathElement] {
        var elements: [PathElement] = []
        if moveToStart { elements.append(.move(point(c, r, start))) } else { elements.append(.line(point(c, r, start))) }
        let sweep = end - start
        let pieces = max(1, Int((abs(sweep) / 90).rounded(.up)))
        let step = sweep / Double(pieces)
        for i in 0..<pieces {
            let a0 = start + Double(i) * step, a1 = a0 + step
            let k = 4.0 / 3.0 * tan(step * .pi / 180 / 4) * r
            let p0 = point(c, r, a0), p3 = point(c, r, a1)
            // Tangent directions at a0 and a1 (clockwise).
            let t0 = Point(cos(a0 * .pi / 180), sin(a0 * .pi / 180))
            let t1 = Point(cos(a1 * .pi / 180), sin(a1 * .pi / 180))
            elements.append(.curve(Point(p0.x + k * t0.x, p0.y + k * t0.y), Point(p3.x - k * t1.x, p3.y - k * t1.y), p3))
        }
        return elements
    }

    /// An annular sector (a donut slice); `inner` 0 gives a pie slice.
    static func sector(center c: Point, outer: Double, inner: Double, from start: Double, to end: Double) -> [PathElement] {
        var e = arc(center: c, radius: outer, from: start, to: end, moveToStart: true)
        if inner > 0 {
            e += arc(center: c, radius: inner, from: end, to: start, moveToStart: false)
        } else {
            e.append(.line(c))
        }
        e.append(.close)
        return e
    }

    /// A small triangle pointing up or down, centred on `c`: the change sign that survives black-and-white printing.
    static func triangle(_ c: Point, size s: Double, up: Bool) -> [PathElement] {
        let h = s * 0.87
        if up {
            return [.move(Point(c.x, c.y - h / 2)), .line(Point(c.x + s / 2, c.y + h / 2)), .line(Point(c.x - s / 2, c.y + h / 2)), .close]
        }
        return [.move(Point(c.x - s / 2, c.y - h / 2)), .line(Point(c.x + s / 2, c.y - h / 2)), .line(Point(c.x, c.y + h / 2)), .close]
    }
}
