import Foundation
import Base

extension Rect {
    /// True when the two rectangles share interior area (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    func insetBy(_ dx: Double, _ dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: max(0, width - 2 * dx), height: max(0, height - 2 * dy))
    }

    /// The bounding box of this rectangle rotated by `degrees` (clockwise, y down) about `pivot`.
    func rotated(_ degrees: Double, about pivot: Point) -> Rect {
        guard degrees != 0 else { return self }
        let a = degrees * .pi / 180, c = cos(a), s = sin(a)
        let corners = [Point(x, y), Point(maxX, y), Point(x, maxY), Point(maxX, maxY)].map { p in
            Point(pivot.x + (p.x - pivot.x) * c - (p.y - pivot.y) * s, pivot.y + (p.x - pivot.x) * s + (p.y - pivot.y) * c)
        }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }
}

extension TextItem {
    /// The ink-ish box of the label, rotation included: what collision checks compare.
    var labelBounds: Rect {
        unrotatedBox.rotated(rotation, about: Point(x, baseline))
    }

    var unrotatedBox: Rect { Rect(x: x, y: baseline - style.ascent, width: width, height: style.ascent + style.descent) }

    /// The label's box in a frame turned by its own rotation: two labels at the same angle are
    /// compared exactly there (their axis-aligned bounds would overlap long before the text does).
    var rotatedFrameBox: Rect {
        guard rotation != 0 else { return unrotatedBox }
        let a = -rotation * .pi / 180
        let px = x * cos(a) - baseline * sin(a), py = x * sin(a) + baseline * cos(a)
        return unrotatedBox.offsetBy(px - x, py - baseline)
    }

    /// True when the two labels' boxes share area.
    func overlaps(_ other: TextItem, padding: Double = 0) -> Bool {
        if rotation == other.rotation && rotation != 0 {
            return rotatedFrameBox.insetBy(-padding, -padding).intersects(other.rotatedFrameBox)
        }
        return labelBounds.insetBy(-padding, -padding).intersects(other.labelBounds)
    }
}
