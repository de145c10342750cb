import ReportSyntax

/// Checks every `{{ expression }}` and `{% if %}` condition of a parsed definition against the
/// data before anything is built, so that every unknown name or formatter is reported at its
/// exact line and column — all of them at once — and no PDF is written when any fails.
/// It walks the same tree the builder renders and the lint reads.
enum ReportValidator {
    static func check(_ definition: ReportDefinition, context: ReportContext) throws {
        var errors: [ReportError] = []
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch let e as ReportError { errors.append(e) } catch {}
        }
        for (_, setting) in definition.settings.values.sorted(by: { $0.key < $1.key }) {
            for e in setting.template.expressions { attempt { _ = try context.format(e) } }
        }
        ReportTree.walk(definition.body, context: context,
                        expression: { e, taken in
                            attempt {
                                // An arm the data does not take may name values that are missing
                                // now (growth from zero); its names and formatters must still exist.
                                if taken { _ = try context.format(e) }
                                else { _ = try context.value(of: e); try Formatters.checkStatically(e.filters) }
                            }
                        },
                        condition: { c in attempt { for (name, loc) in c.names { _ = try context.value(named: name, at: loc) } } })
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw ReportErrors(errors: errors) }
    }
}

/// Walks a parsed body in reading order, deciding conditionals with the data: the one traversal
/// the validator and the lint share.
enum ReportTree {
    /// Calls `expression` for every expression (with whether its arm is taken), `condition`
    /// for every condition, and `text` for every text run of a taken arm (with its block's
    /// sentence context).
    static func walk(_ body: [MarkdownBlock], context: ReportContext, taken: Bool = true,
                     expression: (Expression, Bool) -> Void,
                     condition: (Condition) -> Void = { _ in }) {
        // The arm the data takes; a condition that cannot be evaluated takes none (its error is reported by `condition`).
        func chosenIndex<T>(_ branches: [Branch<T>]) -> Int? {
            guard let arm = (try? context.arm(branches)) ?? nil else { return nil }
            return branches.firstIndex(of: arm)
        }
        func inlines(_ list: [MarkdownInline], _ taken: Bool) {
            for i in list {
                switch i {
                case .expression(let e): expression(e, taken)
                case .conditional(let branches, _):
                    let chosen = taken ? chosenIndex(branches) : nil
                    for (k, b) in branches.enumerated() {
                        if let c = b.condition { condition(c) }
                        inlines(b.content, k == chosen)
                    }
                case .emphasis(let c), .strong(let c), .link(_, let c): inlines(c, taken)
                case .text, .code, .softBreak, .lineBreak: break
                }
            }
        }
        func blocks(_ list: [MarkdownBlock], _ taken: Bool) {
            for b in list {
                switch b {
                case .heading(_, let c, _), .paragraph(let c, _): inlines(c, taken)
                case .list(_, _, let items, _): items.forEach { blocks($0, taken) }
                case .quote(let c, _): blocks(c, taken)
                case .table(let header, let rows, _, _):
                    header.forEach { inlines($0, taken) }
                    rows.forEach { $0.forEach { inlines($0, taken) } }
                case .fenced, .thematicBreak: break
                case .conditional(let branches, _):
                    let chosen = taken ? chosenIndex(branches) : nil
                    for (k, b) in branches.enumerated() {
                        if let c = b.condition { condition(c) }
                        blocks(b.content, k == chosen)
                    }
                }
            }
        }
        blocks(body, taken)
    }
}
