import Layout
import Metrics
import ReportSyntax

/// Turns the parsed report body into Layout blocks: Markdown structure becomes headings,
/// paragraphs, lists, quotes and tables; `{{ expressions }}` their formatted values;
/// `{% if %}` conditionals the arm the data chooses; fenced data blocks (chart, table, kpis,
/// directory, summary, methods, toc) figures, tables and tiles. Problems are collected block by
/// block, so one build reports all of them.
struct DocumentBuilder {
    let context: ReportContext
    let data: DataBlocks
    /// False when the front matter says `zero_sentences: keep`.
    var dropsZeroSentences = true
    /// The parsed body, for blocks that describe the whole report (the methods appendix).
    var body: [MarkdownBlock] = []

    func blocks(_ markdown: [MarkdownBlock]) throws -> [Block] {
        var out: [Block] = []
        var errors: [ReportError] = []
        for b in markdown {
            do { out += try block(b) }
            catch let e as ReportError { errors.append(e) }
            catch let e as ReportErrors { errors += e.errors }
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw ReportErrors(errors: errors) }
        return out
    }

    func block(_ b: MarkdownBlock) throws -> [Block] {
        switch b {
        case .heading(let level, let inlines, _):
            let r = try runs(inlines)
            return r.plainText.allSatisfy(\.isWhitespace) ? [] : [.heading(level: min(level, 3), text: r)]
        case .paragraph(let inlines, _):
            let r = try runs(inlines, sentences: true)
            return r.plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? [] : [.paragraph(r)]
        case .list(let ordered, let start, let items, _):
            // An item whose text the data leaves empty (`- {% if … %}…{% endif %}`) is left out.
            let listItems = try items.map(listItem).filter { !$0.text.plainText.allSatisfy(\.isWhitespace) || !$0.children.isEmpty }
            guard !listItems.isEmpty else { return [] }
            return [ordered ? .numberedList(listItems, start: start) : .bulletList(listItems)]
        case .quote(let children, _):
            let paragraphs = try children.flatMap { try chosen($0) }.compactMap { child -> [InlineRun]? in
                if case .paragraph(let inlines, _) = child { return try runs(inlines, sentences: true) }
                return nil
            }.filter { !$0.plainText.allSatisfy(\.isWhitespace) }
            guard !paragraphs.isEmpty else { return [] }
            // A last paragraph starting with a dash is the attribution ("— Name").
            if let last = paragraphs.last, paragraphs.count > 1, let first = last.first?.text, first.hasPrefix("—") || first.hasPrefix("--") {
                return [.blockQuote(Array(paragraphs.dropLast()), attribution: last)]
            }
            return [.blockQuote(paragraphs)]
        case .table(let header, let rows, let alignments, let loc):
            let columns = alignments.map { a -> Table.Column in
                switch a {
                case .right: return .number
                case .center: return Table.Column(alignment: .center)
                default: return .text
                }
            }
            let head = try header.map { try runs($0) }
            let body = try rows.map { row in try row.map { try runs($0) } }
            guard body.allSatisfy({ $0.count == head.count }) else {
                throw ReportError(loc, "every table row needs \(head.count) cells, as in the header")
            }
            return [.table(Table(columns: columns, header: head, rows: body))]
        case .fenced(let info, let yaml, let loc):
            if info.split(separator: " ").first == "methods" {
                return try MethodsAppendix.blocks(yaml, at: loc, body: body, context: context)
            }
            return try data.block(kind: info, yaml: yaml, at: loc, context: context)
        case .thematicBreak:
            // `---` between sections starts a new page, as in most Markdown-to-print tools.
            return [.pageBreak]
        case .conditional(let branches, _):
            return try blocks(context.arm(branches)?.content ?? [])
        }
    }

    /// The blocks a block stands for once conditionals are decided.
    func chosen(_ b: MarkdownBlock) throws -> [MarkdownBlock] {
        guard case .conditional(let branches, _) = b else { return [b] }
        return try (context.arm(branches)?.content ?? []).flatMap(chosen)
    }

    func listItem(_ blocks: [MarkdownBlock]) throws -> ListItem {
        var text: [InlineRun] = []
        var children: [ListItem] = []
        var numbered = false
        for b in try blocks.flatMap(chosen) {
            switch b {
            case .paragraph(let inlines, _):
                let r = try runs(inlines, sentences: true)
                if r.plainText.allSatisfy(\.isWhitespace) { continue }
                if !text.isEmpty { text.append(InlineRun(" ")) }
                text += r
            case .list(let ordered, _, let items, _):
                numbered = ordered
                // Layout nests one level; deeper lists are flattened into the child.
                children += try items.map { try listItem($0) }.map { ListItem($0.text) }.filter { !$0.text.plainText.allSatisfy(\.isWhitespace) }
            default:
                break
            }
        }
        return ListItem(text, children: children, childrenNumbered: numbered)
    }

    /// One printed stretch of inline text, and the number behind it when an expression made it.
    struct Piece {
        var run: InlineRun
        var number: Double?
        var isExpression: Bool
    }

    /// Inline Markdown with expressions evaluated and conditionals decided. With `sentences`,
    /// a sentence whose every number is zero is left out ("0 working groups were established").
    func runs(_ inlines: [MarkdownInline], sentences: Bool = false) throws -> [InlineRun] {
        var p = try pieces(inlines)
        if sentences && dropsZeroSentences { p = Self.droppingZeroSentences(p) }
        return Self.merge(p.map(\.run))
    }

    func pieces(_ inlines: [MarkdownInline], bold: Bool = false, italic: Bool = false, link: String? = nil) throws -> [Piece] {
        var out: [Piece] = []
        for inline in inlines {
            switch inline {
            case .text(let t):
                out.append(Piece(run: InlineRun(t.text.replacingOccurrences(of: "\n", with: " "), bold: bold, italic: italic, link: link), number: nil, isExpression: false))
            case .expression(let e):
                let value = try context.value(of: e)
                let text = try Formatters.apply(e.filters, to: value, name: e.name, verbs: context.verbs)
                out.append(Piece(run: InlineRun(text, bold: bold, italic: italic, link: link), number: value.number, isExpression: true))
            case .conditional(let branches, _):
                if let arm = try context.arm(branches) {
                    out += try pieces(arm.content, bold: bold, italic: italic, link: link)
                }
            case .code(let t, _):
                out.append(Piece(run: InlineRun(t, bold: bold, italic: italic, code: true, link: link), number: nil, isExpression: false))
            case .emphasis(let c): out += try pieces(c, bold: bold, italic: true, link: link)
            case .strong(let c): out += try pieces(c, bold: true, italic: italic, link: link)
            case .link(let url, let c): out += try pieces(c, bold: bold, italic: italic, link: url)
            case .softBreak: out.append(Piece(run: InlineRun(" ", bold: bold, italic: italic, link: link), number: nil, isExpression: false))
            case .lineBreak: out.append(Piece(run: InlineRun("\n", bold: bold, italic: italic, link: link), number: nil, isExpression: false))
            }
        }
        return out
    }

    /// Splits pieces into sentences (at ".", "!" or "?" before a space or the end) and leaves
    /// out those whose numbers, all printed by expressions, are all zero.
    static func droppingZeroSentences(_ pieces: [Piece]) -> [Piece] {
        var sentences: [[Piece]] = [[]]
        for piece in pieces {
            guard !piece.isExpression else { sentences[sentences.count - 1].append(piece); continue }
            var rest = Substring(piece.run.text)
            while let end = sentenceEnd(in: rest) {
                var head = piece
                head.run.text = String(rest[..<end])
                sentences[sentences.count - 1].append(head)
                sentences.append([])
                rest = rest[end...]
            }
            if !rest.isEmpty {
                var tail = piece
                tail.run.text = String(rest)
                sentences[sentences.count - 1].append(tail)
            }
        }
        let kept = sentences.filter { s in
            let numbers = s.compactMap { $0.isExpression ? $0.number : nil }
            return numbers.isEmpty || numbers.contains { $0 != 0 }
        }
        var out = kept.flatMap { $0 }
        // A dropped last sentence leaves the previous one's trailing space.
        if kept.count < sentences.count, var last = out.popLast() {
            last.run.text = String(last.run.text.reversed().drop(while: \.isWhitespace).reversed())
            if !last.run.text.isEmpty { out.append(last) }
        }
        return out
    }

    /// The index just after a sentence's end and the spaces that follow it.
    static func sentenceEnd(in text: Substring) -> Substring.Index? {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if ".!?".contains(c), next == text.endIndex || text[next].isWhitespace {
                var j = next
                while j < text.endIndex, text[j].isWhitespace { j = text.index(after: j) }
                // "e.g. " and "No. 3" are not ends; a sentence ends before a capital or the end.
                if j == text.endIndex || text[j].isUppercase || text[j] == "*" { return j }
            }
            i = next
        }
        return nil
    }

    /// Neighbouring runs with the same style read as one (fewer items to shape and draw).
    static func merge(_ runs: [InlineRun]) -> [InlineRun] {
        var out: [InlineRun] = []
        for r in runs where !r.text.isEmpty {
            if var last = out.last, last.bold == r.bold, last.italic == r.italic, last.code == r.code, last.link == r.link, last.smallCaps == r.smallCaps {
                last.text += r.text
                out[out.count - 1] = last
            } else {
                out.append(r)
            }
        }
        return out
    }
}
