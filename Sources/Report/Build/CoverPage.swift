import Store
import Layout
import ReportSyntax

/// The first page: title, subtitle, organization, period and logo, then a page break.
enum CoverPage {
    static func blocks(title: String, _ settings: ReportSettings, context: ReportContext, theme: Theme, file: String) throws -> [Block] {
        func text(_ key: String) throws -> String? {
            if let o = context.overrides[key] { return o }
            return try settings.values[key].map { try context.render($0.template) }
        }
        guard settings.values["title"] != nil || context.overrides["title"] != nil else { return [] }
        var blocks: [Block] = [.spacer(theme.frame.height * 0.22)]
        if let logo = try ThemeSettings.logo(settings, file: file) {
            blocks.append(.figure(Figure(.image(path: logo, width: 120), altText: "Logo of \(try text("organization") ?? title)")))
        }
        blocks.append(.heading(level: 1, text: [InlineRun(title)], inContents: false))
        if let subtitle = try text("subtitle") { blocks.append(.paragraph([InlineRun(subtitle, italic: true)])) }
        blocks.append(.spacer(18))
        if let org = try text("organization") { blocks.append(.paragraph([InlineRun(org, bold: true)])) }
        blocks.append(.paragraph([InlineRun(ReportContext.label(context.metrics.period))]))
        blocks.append(.pageBreak)
        return blocks
    }
}
