import CCmark
import Foundation

/// Parses Markdown with libcmark-gfm (CommonMark plus GFM tables and strikethrough-free
/// autolinks) into `MarkdownBlock` values.
public enum MarkdownParser {
    /// libcmark-gfm keeps global state (extension registration, the inline parser's table of
    /// special characters, which attaching an extension edits): two parses at once on two threads
    /// can corrupt a tree and abort. Parses take turns.
    private static let lock = NSLock()

    /// `firstLine` is the line of the report file where `text` starts (after the front matter).
    public static func parse(_ text: String, file: String, firstLine: Int = 1) throws -> [MarkdownBlock] {
        lock.lock()
        defer { lock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            throw ReportError(SourceLocation(file: file, line: firstLine, column: 1), "cannot start the Markdown parser (out of memory)")
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else {
            throw ReportError(SourceLocation(file: file, line: firstLine, column: 1), "cannot parse the Markdown body")
        }
        defer { cmark_node_free(document) }
        let converter = Converter(file: file, lineOffset: firstLine - 1,
                                  lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0)) })
        return try converter.blocks(of: document)
    }

    private struct Converter {
        let file: String
        let lineOffset: Int
        /// The body's lines, to turn cmark's byte columns into character columns and to find
        /// where a text node really starts (cmark reports column 1 for an indented
        /// continuation line and decodes entities).
        let lines: [[Character]]

        /// What one cmark block becomes: a block, or a paragraph that is only a `{% tag %}`.
        enum Converted { case block(MarkdownBlock), tag(Tag) }

        func location(_ node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            return SourceLocation(file: file, line: line + lineOffset, column: characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
        }

        /// cmark counts columns in bytes; people (and our messages) count characters.
        func characterColumn(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lines.count else { return max(1, byteColumn) }
            var bytes = 0, column = 1
            for ch in lines[line - 1] {
                if bytes >= byteColumn - 1 { break }
                bytes += String(ch).utf8.count
                column += 1
            }
            return column
        }

        /// The location of every character of a text node's literal, found by walking the
        /// source line alongside it (escapes and entities take more source than literal).
        func located(_ literal: String, _ node: OpaquePointer) -> LocatedText {
            let line = Int(cmark_node_get_start_line(node))
            guard line >= 1, line <= lines.count else { return LocatedText(literal, at: location(node)) }
            let source = lines[line - 1]
            var p = characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))) - 1
            var locs: [SourceLocation] = []
            for ch in literal {
                var q = p
                while q < source.count, source[q] != ch { q += 1 }
                if q < source.count { p = q }
                locs.append(SourceLocation(file: file, line: line + lineOffset, column: p + 1))
                p += 1
            }
            locs.append(SourceLocation(file: file, line: line + lineOffset, column: p + 1))
            return LocatedText(literal, locations: locs)
        }

        func children(_ node: OpaquePointer) -> [OpaquePointer] {
            var out: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let c = child { out.append(c); child = cmark_node_next(c) }
            return out
        }

        func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }

        func blocks(of node: OpaquePointer) throws -> [MarkdownBlock] {
            let items = try children(node).compactMap { child -> ConditionalFolding.Item<MarkdownBlock>? in
                switch try block(child) {
                case .block(let b)?: return .content(b)
                case .tag(let t)?: return .tag(t)
                case nil: return nil
                }
            }
            return try ConditionalFolding.fold(items, where: " (a {% tag %} on its own line, between blank lines, covers the blocks up to its {% endif %})") {
                .conditional($0, $1)
            }
        }

        func block(_ node: OpaquePointer) throws -> Converted? {
            let loc = location(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: return .block(.heading(level: Int(cmark_node_get_heading_level(node)), try inlines(of: node), loc))
            case CMARK_NODE_PARAGRAPH:
                let items = try inlineItems(of: node)
                // A paragraph that is only a tag opens or closes a conditional around blocks.
                let meaningful = items.filter {
                    if case .content(.text(let t)) = $0 { return !t.text.allSatisfy(\.isWhitespace) }
                    if case .content(.softBreak) = $0 { return false }
                    return true
                }
                if meaningful.count == 1, case .tag(let t) = meaningful[0] { return .tag(t) }
                return .block(.paragraph(try fold(items), loc))
            case CMARK_NODE_BLOCK_QUOTE: return .block(.quote(try blocks(of: node), loc))
            case CMARK_NODE_THEMATIC_BREAK: return .block(.thematicBreak(loc))
            case CMARK_NODE_LIST:
                return .block(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                                    items: try children(node).map { try blocks(of: $0) }, loc))
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces)
                // The body starts on the line after the opening fence.
                var bodyLoc = loc
                bodyLoc.line += 1
                bodyLoc.column = 1
                return .block(.fenced(info: info, body: string(cmark_node_get_literal(node)), bodyLoc))
            case CMARK_NODE_HTML_BLOCK:
                return nil  // raw HTML has no meaning in a PDF; comments are the common case
            default:
                if string(cmark_node_get_type_string(node)) == "table" { return .block(try table(node, loc)) }
                return .block(.paragraph(try inlines(of: node), loc))
            }
        }

        func table(_ node: OpaquePointer, _ loc: SourceLocation) throws -> MarkdownBlock {
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [MarkdownAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch UInt8(raw[i]) {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            var header: [[MarkdownInline]] = []
            var rows: [[[MarkdownInline]]] = []
            for row in children(node) {
                let cells = try children(row).map { try inlines(of: $0) }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            }
            return .table(header: header, rows: rows, alignments: alignments, loc)
        }

        func inlines(of node: OpaquePointer) throws -> [MarkdownInline] { try fold(try inlineItems(of: node)) }

        func fold(_ items: [ConditionalFolding.Item<MarkdownInline>]) throws -> [MarkdownInline] {
            try ConditionalFolding.fold(items, where: " in this text (an {% if %} that starts in a paragraph, heading, emphasis or link ends there)") {
                .conditional($0, $1)
            }
        }

        /// Inline nodes with text runs (text and soft breaks, which cmark splits at brackets,
        /// entities and line ends) joined and split into text, expressions and tags, so an
        /// expression may wrap onto the next line and `[webinar]` stays inside its `{{ }}`.
        func inlineItems(of node: OpaquePointer) throws -> [ConditionalFolding.Item<MarkdownInline>] {
            var out: [ConditionalFolding.Item<MarkdownInline>] = []
            var run: LocatedText?
            func flush() throws {
                guard let r = run else { return }
                run = nil
                for token in try TextToken.tokens(r) {
                    switch token {
                    case .text(let t): out.append(.content(.text(t)))
                    case .expression(let e): out.append(.content(.expression(e)))
                    case .tag(let t): out.append(.tag(t))
                    }
                }
            }
            for child in children(node) {
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT:
                    let piece = located(string(cmark_node_get_literal(child)), child)
                    run = run.map { $0 + piece } ?? piece
                case CMARK_NODE_SOFTBREAK:
                    // Kept inside the run so an expression can continue on the next line.
                    let at = run?.location(at: run!.text.count) ?? location(node)
                    let br = LocatedText("\n", locations: [at, SourceLocation(file: file, line: at.line + 1, column: 1)])
                    run = run.map { $0 + br } ?? br
                case CMARK_NODE_CODE:
                    try flush(); out.append(.content(.code(string(cmark_node_get_literal(child)), location(child))))
                case CMARK_NODE_EMPH: try flush(); out.append(.content(.emphasis(try inlines(of: child))))
                case CMARK_NODE_STRONG: try flush(); out.append(.content(.strong(try inlines(of: child))))
                case CMARK_NODE_LINK: try flush(); out.append(.content(.link(url: string(cmark_node_get_url(child)), try inlines(of: child))))
                case CMARK_NODE_LINEBREAK: try flush(); out.append(.content(.lineBreak))
                case CMARK_NODE_HTML_INLINE: break
                default:
                    // Images and extension nodes read as their text.
                    try flush()
                    out.append(.content(.text(LocatedText(try inlines(of: child).map(\.plainText).joined(), at: location(child)))))
                }
            }
            try flush()
            return out
        }
    }
}
