/// A report body as GitHub-flavoured CommonMark, parsed once by libcmark-gfm into plain values
/// with source locations: text runs already split into text, parsed `{{ expressions }}` and
/// `{% if %}` conditionals. The validator, the lint and the builder all walk this one tree, so
/// they cannot disagree about what the file says.
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
    /// Blocks between `{% if %}`, `{% elif %}`, `{% else %}` and `{% endif %}` paragraphs.
    case conditional([Branch<MarkdownBlock>], SourceLocation)
}

/// One arm of a conditional: shown when `condition` holds (`nil`: the `{% else %}` arm).
public struct Branch<Content: Sendable & Equatable>: Sendable, Equatable {
    public let condition: Condition?
    public let content: [Content]
    public let location: SourceLocation

    public init(condition: Condition?, content: [Content], location: SourceLocation) {
        self.condition = condition
        self.content = content
        self.location = location
    }
}

/// Column alignment in a GFM table.
public enum MarkdownAlignment: Sendable, Equatable { case none, left, center, right }

/// Inline content of a block.
public indirect enum MarkdownInline: Sendable, Equatable {
    /// Text printed as written, with the location of each character.
    case text(LocatedText)
    case expression(Expression)
    case conditional([Branch<MarkdownInline>], SourceLocation)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    /// A code span: printed literally; `{{ }}` inside it is not an expression.
    case code(String, SourceLocation)
    case link(url: String, [MarkdownInline])
    case softBreak
    case lineBreak

    /// The text without markup (expressions as written), for outlines and tests.
    public var plainText: String {
        switch self {
        case .text(let t): return t.text.replacingOccurrences(of: "\n", with: " ")
        case .code(let t, _): return t
        case .expression(let e): return "{{ \(e.name) }}"
        case .conditional(let branches, _): return branches.first.map { $0.content.map(\.plainText).joined() } ?? ""
        case .emphasis(let c), .strong(let c), .link(_, let c): return c.map(\.plainText).joined()
        case .softBreak: return " "
        case .lineBreak: return "\n"
        }
    }
}

/// Folds a flat sequence with `{% if %}`/`{% elif %}`/`{% else %}`/`{% endif %}` markers into
/// nested conditionals, with located errors for tags that do not pair up.
enum ConditionalFolding {
    enum Item<T> { case content(T), tag(Tag) }

    static func fold<T: Sendable & Equatable>(_ items: [Item<T>], where place: String,
                                              make: ([Branch<T>], SourceLocation) -> T) throws -> [T] {
        var stack: [OpenConditional<T>] = []
        var top: [T] = []
        func append(_ t: T) { if stack.isEmpty { top.append(t) } else { stack[stack.count - 1].content.append(t) } }
        for item in items {
            switch item {
            case .content(let t): append(t)
            case .tag(let tag):
                switch tag.kind {
                case .ifTag(let c):
                    stack.append(OpenConditional(ifLocation: tag.location, branches: [], condition: c, branchLocation: tag.location, content: [], sawElse: false))
                case .elif, .elseTag:
                    guard var open = stack.popLast() else {
                        throw ReportError(tag.location, "{% \(tag.kind.word) %} without an {% if %} before it\(place)")
                    }
                    guard !open.sawElse else { throw ReportError(tag.location, "{% \(tag.kind.word) %} after {% else %}; the else arm comes last") }
                    open.branches.append(Branch(condition: open.condition, content: open.content, location: open.branchLocation))
                    if case .elif(let c2) = tag.kind { open.condition = c2 } else { open.condition = nil; open.sawElse = true }
                    open.content = []
                    open.branchLocation = tag.location
                    stack.append(open)
                case .endif:
                    guard var open = stack.popLast() else {
                        throw ReportError(tag.location, "{% endif %} without an {% if %} before it\(place)")
                    }
                    open.branches.append(Branch(condition: open.condition, content: open.content, location: open.branchLocation))
                    append(make(open.branches, open.ifLocation))
                }
            }
        }
        if let open = stack.last {
            throw ReportError(open.ifLocation, "{% if %} is not closed\(place); add {% endif %}")
        }
        return top
    }
}

/// An `{% if %}` being folded: the arms so far and the one being filled.
struct OpenConditional<T: Sendable & Equatable> {
    var ifLocation: SourceLocation
    var branches: [Branch<T>]
    var condition: Condition?
    var branchLocation: SourceLocation
    var content: [T]
    var sawElse: Bool
}

extension Tag.Kind {
    var word: String {
        switch self {
        case .ifTag: return "if"
        case .elif: return "elif"
        case .elseTag: return "else"
        case .endif: return "endif"
        }
    }
}
