import CCmark
import Foundation

/// Parses Markdown with libcmark-gfm (CommonMark plus GFM tables and strikethrough-free
/// autolinks) into `MarkdownBlock` values.
public enum MarkdownParser {
    /// `firstLine` is the line of the report file where `text` starts (after the front matter).
    public static func parse(_ text: String, file: String, firstLine: Int = 1) throws -> [MarkdownBlock] {
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
        let converter = Converter(file: file, lineOffset: firstLine - 1)
        return converter.blocks(of: document)
    }

    private struct Converter {
        let file: String
        let lineOffset: Int

        func location(_ node: OpaquePointer) -> SourceLocation {
            SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)) + lineOffset, column: max(1, Int(cmark_node_get_start_column(node))))
        }

        func children(_ node: OpaquePointer) -> [OpaquePointer] {
            var out: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let c = child { out.append(c); child = cmark_node_next(c) }
            return out
        }

        func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }

        func blocks(of node: OpaquePointer) -> [MarkdownBlock] { children(node).compactMap(block) }

        func block(_ node: OpaquePointer) -> MarkdownBlock? {
            let loc = location(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node), loc)
            case CMARK_NODE_PARAGRAPH: return .paragraph(inlines(of: node), loc)
            case CMARK_NODE_BLOCK_QUOTE: return .quote(blocks(of: node), loc)
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak(loc)
            case CMARK_NODE_LIST:
                return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                             items: children(node).map { blocks(of: $0) }, loc)
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces)
                // The body starts on the line after the opening fence.
                var bodyLoc = loc
                bodyLoc.line += 1
                bodyLoc.column = 1
                return .fenced(info: info, body: string(cmark_node_get_literal(node)), bodyLoc)
            case CMARK_NODE_HTML_BLOCK:
                return nil  // raw HTML has no meaning in a PDF; comments are the common case
            default:
                if string(cmark_node_get_type_string(node)) == "table" { return table(node, loc) }
                return .paragraph(inlines(of: node), loc)
            }
        }

        func table(_ node: OpaquePointer, _ loc: SourceLocation) -> MarkdownBlock {
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
                let cells = children(row).map { inlines(of: $0) }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            }
            return .table(header: header, rows: rows, alignments: alignments, loc)
        }

        func inlines(of node: OpaquePointer) -> [MarkdownInline] {
            var out: [MarkdownInline] = []
            for child in children(node) {
                let inline: MarkdownInline?
                switch cmark_node_get_type(child) {
                case CMARK_NODE_TEXT: inline = .text(string(cmark_node_get_literal(child)))
                case CMARK_NODE_CODE: inline = .code(string(cmark_node_get_literal(child)))
                case CMARK_NODE_EMPH: inline = .emphasis(inlines(of: child))
                case CMARK_NODE_STRONG: inline = .strong(inlines(of: child))
                case CMARK_NODE_LINK: inline = .link(url: string(cmark_node_get_url(child)), inlines(of: child))
                case CMARK_NODE_IMAGE: inline = .text(inlines(of: child).map(\.plainText).joined())
                case CMARK_NODE_SOFTBREAK: inline = .softBreak
                case CMARK_NODE_LINEBREAK: inline = .lineBreak
                case CMARK_NODE_HTML_INLINE: inline = nil
                default: inline = .text(inlines(of: child).map(\.plainText).joined())
                }
                // Adjacent text nodes (cmark splits at brackets and entities) read as one run.
                if case .text(let t)? = inline, case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + t)
                } else if let inline {
                    out.append(inline)
                }
            }
            return out
        }
    }
}

