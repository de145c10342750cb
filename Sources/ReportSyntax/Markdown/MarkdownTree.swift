/// A report body as GitHub-flavoured CommonMark, parsed by libcmark-gfm into plain values with
/// their source lines, so later stages can report `FILE:LINE:COLUMN` and never touch C.
public indirect enum MarkdownBlock: Sendable, Equatable {
    case heading(level: Int, [MarkdownInline], SourceLocation)
    case paragraph([MarkdownInline], SourceLocation)
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]], SourceLocation)
    case quote([MarkdownBlock], SourceLocation)
    /// A GFM table: header cells, body rows, and per-column alignment.
    case table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]], alignments: [MarkdownAlignment], SourceLocation)
    /// A fenced block: `info` is the word after the fence (chart, table, kpis, directory, toc),
    /// `body` its text, and `location` the first line of the body.
    case fenced(info: String, body: String, SourceLocation)
    case thematicBreak(SourceLocation)
}

/// Column alignment in a GFM table.
public enum MarkdownAlignment: Sendable, Equatable { case none, left, center, right }

/// Inline content of a block.
public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case code(String)
    case link(url: String, [MarkdownInline])
    case softBreak
    case lineBreak

    /// The text without markup, for TOC entries, outlines and lint.
    public var plainText: String {
        switch self {
        case .text(let t), .code(let t): return t
        case .emphasis(let c), .strong(let c), .link(_, let c): return c.map(\.plainText).joined()
        case .softBreak: return " "
        case .lineBreak: return "\n"
        }
    }
}
