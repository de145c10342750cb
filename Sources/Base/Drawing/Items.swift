// Positioned items: the output of layout and the input of rendering (and of charts).
//
// Coordinates are PDF points (1/72 in), origin at the top-left of the page (or of a `Graphic`'s
// box), y growing downwards — the same convention as Cairo, so the renderer draws them as they are.
import Foundation

public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    public static let zero = Point(0, 0)
}

public struct Size: Sendable, Hashable, Codable {
    public var width: Double
    public var height: Double
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
}

public struct Rect: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public func offsetBy(_ dx: Double, _ dy: Double) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }
}

/// An sRGB colour with alpha, 8 bits per channel (compact: pages hold hundreds of thousands of these).
public struct Color: Sendable, Hashable, Codable, CustomStringConvertible {
    public var red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// "#1f5f8b", "#1f5f8bcc" or "1f5f8b".
    public init?(hex: String) {
        var s = Substring(hex.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6 || s.count == 8, let v = UInt32(s, radix: 16) else { return nil }
        if s.count == 6 {
            self.init(red: UInt8(v >> 16 & 0xFF), green: UInt8(v >> 8 & 0xFF), blue: UInt8(v & 0xFF))
        } else {
            self.init(red: UInt8(v >> 24 & 0xFF), green: UInt8(v >> 16 & 0xFF), blue: UInt8(v >> 8 & 0xFF), alpha: UInt8(v & 0xFF))
        }
    }

    public var hex: String {
        let rgb = String(format: "#%02x%02x%02x", red, green, blue)
        return alpha == 255 ? rgb : rgb + String(format: "%02x", alpha)
    }
    public var description: String { hex }

    /// Okabe and Ito's eight colours, distinguishable with every common colour-vision
    /// deficiency: the default palette of themes and charts.
    public static let okabeIto: [Color] = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]
        .compactMap { Color(hex: $0) }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 255, green: 255, blue: 255)

    // Codable as a hex string, so theme files read "#1f5f8b".
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let color = Color(hex: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a colour like \"#1f5f8b\"")
        }
        self = color
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }
}

/// Which of the theme's font families a piece of text uses. Items carry the role, not the family
/// name, so a `Graphic` made by Charts follows the report's theme.
public enum FontRole: UInt8, Sendable, Hashable, Codable { case body, heading, mono }

public enum FontWeight: UInt8, Sendable, Hashable, Codable {
    case light, regular, medium, semibold, bold
    /// The Pango/CSS numeric weight.
    public var value: Int { [300, 400, 500, 600, 700][Int(rawValue)] }
}

/// Everything that decides how a string is shaped and drawn.
public struct TextStyle: Sendable, Hashable {
    public var role: FontRole
    public var weight: FontWeight
    public var italic: Bool
    /// Size in points.
    public var size: Double
    public var color: Color
    /// OpenType `tnum`: digits of equal width, for numbers in columns.
    public var tabularFigures: Bool
    public var smallCaps: Bool

    public init(role: FontRole = .body, weight: FontWeight = .regular, italic: Bool = false, size: Double = 10,
                color: Color = .black, tabularFigures: Bool = false, smallCaps: Bool = false) {
        self.role = role
        self.weight = weight
        self.italic = italic
        self.size = size
        self.color = color
        self.tabularFigures = tabularFigures
        self.smallCaps = smallCaps
    }
}

extension TextStyle {
    /// Half of (ascent − descent) in ems for the default fonts (Inter: 0.969 and 0.242 em):
    /// how far below a line box's middle the baseline sits when the line is centred in it.
    public static let centring = 0.36

    /// The baseline of a line of this style centred in a line box `lineHeight` tall whose top is
    /// at `top`. It follows the style's size, never the fallback font a line happens to use, so
    /// rows and lines keep one pitch when a script with taller glyphs appears.
    public func baseline(top: Double, lineHeight: Double) -> Double {
        top + lineHeight / 2 + size * Self.centring
    }
}

/// A styled sub-range of a text item (UTF-8 byte offsets into the item's text): bold, italic, code, links.
public struct TextSpan: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var weight: FontWeight?
    public var italic: Bool?
    public var role: FontRole?
    public var color: Color?
    public var smallCaps: Bool?
    public var underline: Bool

    public init(start: Int32, end: Int32, weight: FontWeight? = nil, italic: Bool? = nil, role: FontRole? = nil,
                color: Color? = nil, smallCaps: Bool? = nil, underline: Bool = false) {
        self.start = start; self.end = end
        self.weight = weight; self.italic = italic; self.role = role; self.color = color
        self.smallCaps = smallCaps; self.underline = underline
    }
}

/// Horizontal placement of a line inside its box. `start`/`end` follow the text direction.
public enum TextAlignment: UInt8, Sendable, Hashable, Codable { case start, center, end }

/// One line of text. It is shaped again by the renderer from `text` + `style` + `spans`, so
/// the PDF carries real, extractable text; layout guarantees it fits in `width` on one line.
public struct TextItem: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public var spans: [TextSpan]
    /// Left edge of the line box.
    public var x: Double
    /// The baseline.
    public var baseline: Double
    /// Width of the line box; `alignment` places the text within it.
    public var width: Double
    public var alignment: TextAlignment
    /// The paragraph's base direction is right-to-left (Arabic, Hebrew).
    public var rightToLeft: Bool
    /// Rotation in degrees, clockwise, about (x, baseline) — for chart labels.
    public var rotation: Double

    public init(text: String, style: TextStyle, spans: [TextSpan] = [], x: Double, baseline: Double, width: Double,
                alignment: TextAlignment = .start, rightToLeft: Bool = false, rotation: Double = 0) {
        self.text = text
        self.style = style
        self.spans = spans
        self.x = x
        self.baseline = baseline
        self.width = width
        self.alignment = alignment
        self.rightToLeft = rightToLeft
        self.rotation = rotation
    }

    /// Approximate box of the line (ascent 0.8 em, descent 0.25 em) for geometry checks.
    public var bounds: Rect {
        Rect(x: x, y: baseline - style.size * 0.8, width: width, height: style.size * 1.05)
    }
}

public enum PathElement: Sendable, Hashable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case rect(Rect)
    case close
}

/// A filled and/or stroked path.
public struct PathItem: Sendable, Hashable {
    public var elements: [PathElement]
    public var fill: Color?
    public var stroke: Color?
    public var lineWidth: Double
    public var dash: [Double]
    public var roundCaps: Bool

    public init(_ elements: [PathElement], fill: Color? = nil, stroke: Color? = nil, lineWidth: Double = 1,
                dash: [Double] = [], roundCaps: Bool = false) {
        self.elements = elements
        self.fill = fill
        self.stroke = stroke
        self.lineWidth = lineWidth
        self.dash = dash
        self.roundCaps = roundCaps
    }

    public static func rect(_ r: Rect, fill: Color) -> PathItem { PathItem([.rect(r)], fill: fill) }
    public static func line(from a: Point, to b: Point, color: Color, width: Double = 0.5) -> PathItem {
        PathItem([.move(a), .line(b)], stroke: color, lineWidth: width)
    }

    public var bounds: Rect {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func add(_ p: Point) { minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y) }
        for e in elements {
            switch e {
            case .move(let p), .line(let p): add(p)
            case .curve(let a, let b, let c): add(a); add(b); add(c)
            case .rect(let r): add(Point(r.x, r.y)); add(Point(r.maxX, r.maxY))
            case .close: break
            }
        }
        if minX > maxX { return Rect(x: 0, y: 0, width: 0, height: 0) }
        let half = stroke == nil ? 0 : lineWidth / 2
        return Rect(x: minX - half, y: minY - half, width: maxX - minX + 2 * half, height: maxY - minY + 2 * half)
    }
}

/// A PNG drawn into `frame`.
public struct ImageItem: Sendable, Hashable {
    public var path: String
    public var frame: Rect
    public init(path: String, frame: Rect) { self.path = path; self.frame = frame }
}

/// Where a link goes.
public enum LinkTarget: Sendable, Hashable {
    case uri(String)
    /// A zero-based page index and a y position on it.
    case page(Int, y: Double)
}

/// A clickable area.
public struct LinkItem: Sendable, Hashable {
    public var rect: Rect
    public var target: LinkTarget
    /// The words the link covers, as a screen reader announces it (the annotation's /Contents).
    public var text: String
    public init(rect: Rect, target: LinkTarget, text: String = "") { self.rect = rect; self.target = target; self.text = text }
}

/// Structure element names used for tagged PDF (a subset of PDF 1.7 §14.8.4 standard types).
public enum StructureTag: String, Sendable, Hashable, Codable {
    case document = "Document", part = "Part", sect = "Sect"
    case h1 = "H1", h2 = "H2", h3 = "H3", p = "P", blockQuote = "BlockQuote", caption = "Caption"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case table = "Table", row = "TR", headerCell = "TH", cell = "TD"
    case figure = "Figure", toc = "TOC", tocItem = "TOCI", reference = "Reference", link = "Link", span = "Span"
    case tableHead = "THead", tableBody = "TBody"
    /// A later page's piece of the table last opened: it continues that one Table element.
    case tableContinued = "Table (continued)"
    /// Not content: running heads, footers and page numbers, and repeated table header rows.
    case artifactHeader = "Artifact (header)", artifactFooter = "Artifact (footer)", artifact = "Artifact"

    public static func heading(_ level: Int) -> StructureTag { [.h1, .h2, .h3][max(1, min(3, level)) - 1] }
}

/// One thing drawn on a page (or inside a `Graphic`), in drawing and reading order.
/// Large payloads are boxed (`indirect`) so an item is 9 bytes inline: a 2,000-page directory holds
/// over a million of them, a third of which are structure-tag markers.
public enum PageItem: Sendable, Hashable {
    indirect case text(TextItem)
    indirect case path(PathItem)
    indirect case image(ImageItem)
    indirect case link(LinkItem)
    /// Opens a structure element; balanced by `.endTag` on the same page.
    case beginTag(StructureTag)
    case endTag(StructureTag)
    /// Clips the following items to a rectangle until `.endClip`.
    indirect case beginClip(Rect)
    case endClip
}

/// A vector drawing in its own box (origin top-left): what Charts produce and figures/KPI tiles place.
/// Text items in a graphic use font roles, so they follow the document's theme.
public struct Graphic: Sendable, Hashable {
    public var size: Size
    public var items: [PageItem]

    public init(size: Size, items: [PageItem] = []) {
        self.size = size
        self.items = items
    }

    public mutating func add(_ item: PageItem) { items.append(item) }
    public mutating func add(_ path: PathItem) { items.append(.path(path)) }
    public mutating func add(_ text: TextItem) { items.append(.text(text)) }

    /// The items moved by (dx, dy) and scaled by `scale` about the origin.
    public func placed(at origin: Point, scale: Double = 1) -> [PageItem] {
        items.map { $0.transformed(dx: origin.x, dy: origin.y, scale: scale) }
    }
}

extension PageItem {
    /// The item scaled about the origin, then moved.
    public func transformed(dx: Double, dy: Double, scale s: Double = 1) -> PageItem {
        func p(_ q: Point) -> Point { Point(q.x * s + dx, q.y * s + dy) }
        func r(_ q: Rect) -> Rect { Rect(x: q.x * s + dx, y: q.y * s + dy, width: q.width * s, height: q.height * s) }
        switch self {
        case .text(var t):
            t.x = t.x * s + dx; t.baseline = t.baseline * s + dy; t.width *= s; t.style.size *= s
            return .text(t)
        case .path(var path):
            path.elements = path.elements.map {
                switch $0 {
                case .move(let a): return .move(p(a))
                case .line(let a): return .line(p(a))
                case .curve(let a, let b, let c): return .curve(p(a), p(b), p(c))
                case .rect(let q): return .rect(r(q))
                case .close: return .close
                }
            }
            path.lineWidth *= s
            path.dash = path.dash.map { $0 * s }
            return .path(path)
        case .image(var i): i.frame = r(i.frame); return .image(i)
        case .link(var l): l.rect = r(l.rect); return .link(l)
        case .beginClip(let q): return .beginClip(r(q))
        case .beginTag, .endTag, .endClip: return self
        }
    }
}
