// The theme: page geometry, fonts, sizes and colours. A plain value; `Theme.load(from:)` reads a
// JSON theme file in which every key is optional (missing keys keep the defaults).
import Base
import Foundation

public struct Theme: Sendable, Hashable, Codable {
    public enum Paper: String, Sendable, Hashable, Codable, CaseIterable {
        case a4, letter
        /// Portrait size in points.
        public var size: Size { self == .a4 ? Size(595.276, 841.89) : Size(612, 792) }
    }

    public struct Margins: Sendable, Hashable, Codable {
        public var top: Double, bottom: Double, left: Double, right: Double
        public init(top: Double, bottom: Double, left: Double, right: Double) {
            self.top = top; self.bottom = bottom; self.left = left; self.right = right
        }
        public static let standard = Margins(top: 68, bottom: 68, left: 64, right: 64)
    }

    /// Font families per role; each is a Pango family list ("Inter, Noto Sans"). Scripts the
    /// first family lacks fall back to `fallbacks`, then to whatever fontconfig finds.
    public struct Fonts: Sendable, Hashable, Codable {
        public var body: String
        public var heading: String
        public var mono: String
        public var fallbacks: [String]
        /// An extra folder of font files, loaded before the system fonts (like `Fonts/`).
        public var directory: String?

        public init(body: String = "Inter", heading: String = "Inter", mono: String = "DejaVu Sans Mono",
                    fallbacks: [String] = Fonts.notoFallbacks, directory: String? = nil) {
            self.body = body; self.heading = heading; self.mono = mono; self.fallbacks = fallbacks; self.directory = directory
        }

        public static let notoFallbacks = [
            "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai",
            "Noto Sans CJK SC", "Noto Sans CJK JP", "DejaVu Sans",
        ]

        public func family(_ role: FontRole) -> String {
            switch role {
            case .body: body
            case .heading: heading
            case .mono: mono
            }
        }
    }

    /// Sizes in points.
    public struct Sizes: Sendable, Hashable, Codable {
        public var body: Double = 10
        public var small: Double = 8
        public var h1: Double = 20
        public var h2: Double = 14
        public var h3: Double = 11.5
        public var table: Double = 9
        public var kpiValue: Double = 22
        /// Line height as a multiple of the font size.
        public var leading: Double = 1.45
        /// The longest line of running text, in ems of the body size (48 em ≈ 90 characters):
        /// landscape pages keep a readable measure; tables, figures and tiles use the full width.
        public var measure: Double = 48
        public init() {}
    }


    public var paper: Paper
    public var landscape: Bool
    public var margins: Margins
    public var fonts: Fonts
    public var sizes: Sizes
    public var colors: ColorScheme
    /// Category colours for charts (Okabe–Ito by default: colour-blind safe).
    public var palette: [Color]
    /// Running header (title and section) and footer ("Page 3 of 12").
    public var runningHeader: Bool
    public var pageNumbers: Bool

    public init(paper: Paper = .a4, landscape: Bool = false, margins: Margins = .standard, fonts: Fonts = Fonts(),
                sizes: Sizes = Sizes(), colors: ColorScheme = ColorScheme(), palette: [Color] = Color.okabeIto,
                runningHeader: Bool = true, pageNumbers: Bool = true) {
        self.paper = paper
        self.landscape = landscape
        self.margins = margins
        self.fonts = fonts
        self.sizes = sizes
        self.colors = colors
        self.palette = palette
        self.runningHeader = runningHeader
        self.pageNumbers = pageNumbers
    }


    public var pageSize: Size {
        let s = paper.size
        return landscape ? Size(s.height, s.width) : s
    }

    /// The area blocks flow into.
    public var frame: Rect {
        let s = pageSize
        return Rect(x: margins.left, y: margins.top, width: s.width - margins.left - margins.right,
                    height: s.height - margins.top - margins.bottom)
    }

    /// Reads a JSON theme file. Every key is optional, e.g.
    /// `{"paper": "letter", "fonts": {"body": "Source Serif 4"}, "colors": {"heading": "#7a1f3d"}}`.
    public static func load(from url: URL) throws -> Theme {
        if let problem = FileKind.problem(url.path) { throw LayoutError.themeFile(path: url.path, reason: problem.replacingOccurrences(of: "\(url.path): ", with: "")) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LayoutError.themeFile(path: url.path, reason: "cannot be read")
        }
        do {
            var theme = try JSONDecoder().decode(Theme.self, from: data)
            if let dir = theme.fonts.directory, !dir.hasPrefix("/") {
                theme.fonts.directory = url.deletingLastPathComponent().appendingPathComponent(dir).path
            }
            if let (path, reason) = theme.outOfRange() {
                throw LayoutError.themeFile(path: url.path, reason: "\(path.joined(separator: ".")) \(reason)")
            }
            return theme
        } catch let error as DecodingError {
            throw LayoutError.themeFile(path: url.path, reason: Self.describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        let problem = DecodingProblem(error)
        if case .dataCorrupted = error, problem.path.isEmpty { return "not valid JSON" }
        if problem.path.last == "paper" { return "paper: must be \"a4\" or \"letter\"" }
        return problem.description
    }

    // Decoding with defaults for every missing key.
    enum CodingKeys: String, CodingKey { case paper, landscape, margins, fonts, sizes, colors, palette, runningHeader, pageNumbers }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Theme()
        paper = try c.decodeIfPresent(Paper.self, forKey: .paper) ?? d.paper
        landscape = try c.decodeIfPresent(Bool.self, forKey: .landscape) ?? d.landscape
        margins = try c.decodeIfPresent(Margins.self, forKey: .margins) ?? d.margins
        fonts = try c.decodeIfPresent(Fonts.self, forKey: .fonts) ?? d.fonts
        sizes = try c.decodeIfPresent(Sizes.self, forKey: .sizes) ?? d.sizes
        colors = try c.decodeIfPresent(ColorScheme.self, forKey: .colors) ?? d.colors
        palette = try c.decodeIfPresent([Color].self, forKey: .palette) ?? d.palette
        runningHeader = try c.decodeIfPresent(Bool.self, forKey: .runningHeader) ?? d.runningHeader
        pageNumbers = try c.decodeIfPresent(Bool.self, forKey: .pageNumbers) ?? d.pageNumbers
    }
}

// Partial decoding for the nested theme sections: any missing key keeps its default.
extension Theme.Fonts {
    enum CodingKeys: String, CodingKey { case body, heading, mono, fallbacks, directory }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Theme.Fonts()
        body = try c.decodeIfPresent(String.self, forKey: .body) ?? d.body
        heading = try c.decodeIfPresent(String.self, forKey: .heading) ?? d.heading
        mono = try c.decodeIfPresent(String.self, forKey: .mono) ?? d.mono
        fallbacks = try c.decodeIfPresent([String].self, forKey: .fallbacks) ?? d.fallbacks
        directory = try c.decodeIfPresent(String.self, forKey: .directory)
    }
}

extension Theme.Sizes {
    enum CodingKeys: String, CodingKey { case body, small, h1, h2, h3, table, kpiValue, leading, measure }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        body = try c.decodeIfPresent(Double.self, forKey: .body) ?? body
        small = try c.decodeIfPresent(Double.self, forKey: .small) ?? small
        h1 = try c.decodeIfPresent(Double.self, forKey: .h1) ?? h1
        h2 = try c.decodeIfPresent(Double.self, forKey: .h2) ?? h2
        h3 = try c.decodeIfPresent(Double.self, forKey: .h3) ?? h3
        table = try c.decodeIfPresent(Double.self, forKey: .table) ?? table
        kpiValue = try c.decodeIfPresent(Double.self, forKey: .kpiValue) ?? kpiValue
        leading = try c.decodeIfPresent(Double.self, forKey: .leading) ?? leading
        measure = try c.decodeIfPresent(Double.self, forKey: .measure) ?? measure
    }
}

/// Errors that stop a layout or render; each prints as one line.
public enum LayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyDocument
    case imageNotFound(path: String)
    case imageNotPNG(path: String)
    case tableShape(table: Int, row: Int, expected: Int, found: Int)
    case invalidHeadingLevel(Int)
    case themeFile(path: String, reason: String)
    case fontDirectory(path: String, reason: String)
    case fontNotLoadable(path: String)
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case .emptyDocument: "the document has no blocks: nothing to typeset"
        case .imageNotFound(let p): "\(p): image not found"
        case .imageNotPNG(let p): "\(p): not a PNG image (only PNG is supported)"
        case .tableShape(let t, let r, let e, let f):
            "table \(t): row \(r) has \(f) cell\(f == 1 ? "" : "s") but the header has \(e)"
        case .invalidHeadingLevel(let l): "heading level \(l) is not 1, 2 or 3"
        case .themeFile(let p, let r): "\(p): theme file: \(r)"
        case .fontDirectory(let p, let r): "\(p): font folder \(r)"
        case .fontNotLoadable(let p): "\(p): not a font file fontconfig can load"
        case .output(let p, let r): "\(p): \(r)"
        }
    }
}
