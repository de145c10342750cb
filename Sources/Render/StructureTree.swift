// The logical structure of a laid-out document, built from its pages' tag markers before anything
// is drawn, and the plan of marked content that ties each drawn item to its structure element.
//
// Cairo 1.16 writes one structure tree per page (a table split over 50 pages becomes 50 tables),
// marks content only in leaf elements, and knows no artifacts. So Render gives Cairo a flat
// sequence of leaf "Span" tags instead — one per `Mark` below, in the same order — and the
// archival writer replaces Cairo's tree with this one, rewriting each marked-content sequence into
// a tagged one (with its MCID) or an artifact (page furniture, rules and fills, a table's repeated
// header row).
import Base
import Foundation
import Layout

/// What a run of drawn items is: content of a structure element, or an artifact.
enum MarkKind: Equatable {
    case content(node: Int32)
    case artifact(ArtifactKind)
}

/// The artifact types written (PDF 1.7 §14.8.2.2): page furniture is Pagination.
enum ArtifactKind: UInt8 {
    /// Rules, fills and other decoration outside figures.
    case layout
    case header, footer
}

/// The marked-content sequences of one page, in drawing order.
struct PageMarks {
    /// Index of the first item of each mark (its sequence runs until the next mark or a link/clip).
    var starts: [Int32] = []
    var kinds: [MarkKind] = []
    /// Structure element of each content mark, by MCID (the page's ParentTree array).
    var parents: [Int32] = []
    /// The Link element of each link annotation on the page, in drawing order.
    var annotations: [Int32] = []
}

/// The document's structure tree: element 0 is the Document root.
struct StructureTree {
    enum Kid {
        case node(Int32)
        case content(page: Int32, mcid: Int32)
        case annotation(page: Int32, index: Int32)
    }

    struct Node {
        var type: String
        var parent: Int32
        /// Column header cell: written with /Scope /Column.
        var columnHeader = false
        /// Index into `extras`, for the few elements with text attributes (-1: none). Kept out of
        /// the node: a 2,000-page table has 450,000 elements and few of them need any.
        var extra: Int32 = -1
        var kids: [Kid] = []
    }

    /// Text attributes of an element.
    struct Extra {
        var alt: String?
        var language: String?
        /// A Link's text (its annotation's /Contents), or a Span's words as written (its marked
        /// content's /ActualText, so text extraction reads the name and not the glyphs' guesses).
        var text: String?
    }

    private(set) var nodes: [Node] = [Node(type: "Document", parent: -1)]
    private(set) var extras: [Extra] = []

    /// The text attributes of element `n`.
    func extra(_ n: Int32) -> Extra? { nodes[Int(n)].extra >= 0 ? extras[Int(nodes[Int(n)].extra)] : nil }

    private mutating func update(_ n: Int32, _ change: (inout Extra) -> Void) {
        if nodes[Int(n)].extra < 0 {
            nodes[Int(n)].extra = Int32(extras.count)
            extras.append(Extra())
        }
        change(&extras[Int(nodes[Int(n)].extra)])
    }
    private(set) var pages: [PageMarks] = []

    init(_ document: LaidOutDocument) {
        let alts = document.figureAltTexts
        var figureCount = 0
        var lastTable: Int32?
        let documentScript = Script(language: document.metadata.language)
        for (p, page) in document.pages.enumerated() {
            var marks = PageMarks()
            var stack: [Int32] = [0]
            var figures = 0
            var artifactDepth = 0, artifact = ArtifactKind.layout
            var current: MarkKind?
            var fresh = true // the next drawn item starts a new mark
            let pageIndex = Int32(p)

            func add(_ type: String, under parent: Int32) -> Int32 {
                let n = Int32(nodes.count)
                nodes.append(Node(type: type, parent: parent))
                nodes[Int(parent)].kids.append(.node(n))
                return n
            }
            func mark(_ kind: MarkKind, at i: Int) {
                if !fresh, kind == current { return }
                marks.starts.append(Int32(i))
                marks.kinds.append(kind)
                if case .content(let node) = kind {
                    nodes[Int(node)].kids.append(.content(page: pageIndex, mcid: Int32(marks.parents.count)))
                    marks.parents.append(node)
                }
                current = kind
                fresh = false
            }

            for (i, item) in page.items.enumerated() {
                switch item {
                case .beginTag(let tag):
                    fresh = true
                    if artifactDepth > 0 { artifactDepth += 1; continue }
                    switch tag {
                    case .artifact, .artifactHeader, .artifactFooter:
                        artifactDepth = 1
                        artifact = tag == .artifactHeader ? .header : tag == .artifactFooter ? .footer : .layout
                    case .tableContinued:
                        if let t = lastTable { stack.append(t) } else {
                            let t = add("Table", under: stack.last!)
                            lastTable = t
                            stack.append(t)
                        }
                    case .tableBody:
                        // A continued table keeps one TBody.
                        let top = stack.last!
                        if nodes[Int(top)].type == "Table", case .node(let last)? = nodes[Int(top)].kids.last,
                           nodes[Int(last)].type == "TBody" {
                            stack.append(last)
                        } else {
                            stack.append(add("TBody", under: top))
                        }
                    default:
                        let n = add(tag.rawValue, under: stack.last!)
                        switch tag {
                        case .table: lastTable = n
                        case .headerCell: nodes[Int(n)].columnHeader = true
                        case .figure:
                            figures += 1
                            let alt = alts.count > figureCount ? alts[figureCount] : ""
                            update(n) { $0.alt = alt.isEmpty ? "Figure" : alt }
                            figureCount += 1
                        default: break
                        }
                        stack.append(n)
                    }
                case .endTag:
                    fresh = true
                    if artifactDepth > 0 { artifactDepth -= 1; continue }
                    if stack.count > 1, let n = stack.popLast(), nodes[Int(n)].type == "Figure" { figures -= 1 }
                case .text(let t):
                    if artifactDepth > 0 { mark(.artifact(artifact), at: i); continue }
                    var owner = stack.last!
                    if let script = Script(text: t.text), script != documentScript, let language = script.language {
                        // A name in another script is read in that language's voice.
                        owner = add("Span", under: owner)
                        update(owner) { $0.language = language }
                        // Right-to-left text keeps Cairo's glyph mappings: readers put ActualText in visual order.
                        if !t.rightToLeft && script != .arabic && script != .hebrew { update(owner) { $0.text = t.text } }
                        fresh = true
                        mark(.content(node: owner), at: i)
                        fresh = true
                        continue
                    }
                    mark(.content(node: owner), at: i)
                case .path, .image:
                    if artifactDepth > 0 { mark(.artifact(artifact), at: i) }
                    else if figures > 0 { mark(.content(node: stack.last!), at: i) }
                    else { mark(.artifact(.layout), at: i) }
                case .link(let l):
                    fresh = true
                    var link = stack.last!
                    if nodes[Int(link)].type != "Link" { link = add("Link", under: link) }
                    if extra(link)?.text == nil { update(link) { $0.text = l.text } }
                    nodes[Int(link)].kids.append(.annotation(page: pageIndex, index: Int32(marks.annotations.count)))
                    marks.annotations.append(link)
                case .beginClip, .endClip:
                    fresh = true
                }
            }
            pages.append(marks)
        }
    }
}

/// The writing system of a line, as far as a screen reader's voice is concerned.
enum Script: Equatable {
    case latin, arabic, hebrew, devanagari, thai, han, kana, hangul, cyrillic, greek

    /// The script of the first letter of `text` outside Latin, or nil when it has no letters.
    init?(text: String) {
        var sawLatin = false
        for u in text.unicodeScalars {
            // ASCII's letters are A–Z and a–z (asking Unicode's tables costs 300 instructions a character).
            if u.value < 0x80 {
                if (0x41...0x5A).contains(u.value & ~0x20) { sawLatin = true }
                continue
            }
            guard u.properties.isAlphabetic else { continue }
            switch u.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic; return
            case 0x0590...0x05FF: self = .hebrew; return
            case 0x0900...0x097F: self = .devanagari; return
            case 0x0E00...0x0E7F: self = .thai; return
            case 0x3040...0x30FF: self = .kana; return
            case 0x3400...0x9FFF, 0xF900...0xFAFF: self = .han; return
            case 0xAC00...0xD7AF, 0x1100...0x11FF: self = .hangul; return
            case 0x0400...0x04FF: self = .cyrillic; return
            case 0x0370...0x03FF: self = .greek; return
            default: sawLatin = true
            }
        }
        guard sawLatin else { return nil }
        self = .latin
    }

    /// The script a document language is written in (Latin for anything not listed).
    init(language: String) {
        switch language.lowercased().split(separator: "-").first.map(String.init) ?? "" {
        case "ar", "fa", "ur": self = .arabic
        case "he": self = .hebrew
        case "hi", "mr", "ne": self = .devanagari
        case "th": self = .thai
        case "zh": self = .han
        case "ja": self = .kana
        case "ko": self = .hangul
        case "ru", "uk", "bg", "sr": self = .cyrillic
        case "el": self = .greek
        default: self = .latin
        }
    }

    /// The language tag written for a span in this script (its most widely read language).
    var language: String? {
        switch self {
        case .latin: nil
        case .arabic: "ar"
        case .hebrew: "he"
        case .devanagari: "hi"
        case .thai: "th"
        case .han: "zh"
        case .kana: "ja"
        case .hangul: "ko"
        case .cyrillic: "ru"
        case .greek: "el"
        }
    }
}
