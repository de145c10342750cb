import Base
import Layout
import ReportSyntax

/// The first page: a drawn cover (logo or monogram, title, subtitle, organization, period),
/// then a page break. Drawn as one graphic so its composition does not depend on text flow.
enum CoverPage {
    static func blocks(title: String, _ settings: ReportSettings, context: ReportContext, theme: Theme, file: String) throws -> [Block] {
        guard settings.values["title"] != nil || context.overrides["title"] != nil else { return [] }
        let organization = try context.setting("organization"), subtitle = try context.setting("subtitle")
        let logo = try ThemeSettings.logo(settings, file: file)
        var blocks: [Block] = []
        if let logo {
            blocks.append(.figure(Figure(.image(path: logo, width: 120), altText: "Logo of \(organization ?? title)")))
        }
        let cover = graphic(title: title, subtitle: subtitle, organization: organization,
                            period: ReportContext.label(context.metrics.period), monogram: logo == nil, theme: theme)
        blocks.append(.figure(Figure(.graphic(cover), altText: [title, subtitle, organization].compactMap { $0 }.joined(separator: ". "))))
        blocks.append(.pageBreak)
        return blocks
    }

    /// "Local Public Sector Alliance" → "LPSA": the capitalised words' first letters.
    static func initials(_ name: String) -> String {
        let words = name.split(separator: " ").filter { $0.first?.isUppercase == true }
        return String(words.prefix(4).compactMap(\.first))
    }

    static func graphic(title: String, subtitle: String?, organization: String?, period: String, monogram: Bool, theme: Theme) -> Graphic {
        let width = theme.frame.width
        let height = (theme.frame.height * 0.86).rounded()
        var g = Graphic(size: Size(width, height))
        if monogram, let organization {
            // Until a logo is configured (theme.logo), a monogram holds its place.
            g.add(roundedSquare(side: 64, radius: 10, fill: theme.colors.accent))
            let letters = initials(organization)
            let size = letters.count > 3 ? 17.0 : 22.0
            let style = TextStyle(role: .heading, weight: .bold, size: size, color: .white)
            // The monogram is decoration (the organization's name is on the page as text).
            g.add(.beginTag(.artifact))
            g.add(TextItem(text: letters, style: style, x: 0, baseline: style.baseline(top: 0, lineHeight: 64), width: 64, alignment: .center))
            g.add(.endTag(.artifact))
        }
        // Title block at two fifths of the page, over an accent rule.
        var y = (height * 0.40).rounded()
        g.add(.rect(Rect(x: 0, y: y, width: 56, height: 4), fill: theme.colors.accent))
        y += 24
        // Shrink a long title rather than let it run off the page (about 0.55 em per character).
        let titleSize = min(34, max(20, width / (0.56 * Double(max(title.count, 1)))))
        y += titleSize * 0.85
        // Tagged as text (the title a heading), so the cover is read, not described (see FigureFlowable).
        func add(_ tag: StructureTag, _ item: TextItem) {
            g.add(.beginTag(tag))
            g.add(item)
            g.add(.endTag(tag))
        }
        add(.h1, TextItem(text: title, style: TextStyle(role: .heading, weight: .bold, size: titleSize, color: theme.colors.heading),
                          x: 0, baseline: y, width: width))
        if let subtitle {
            y += titleSize * 0.5 + 16
            add(.p, TextItem(text: subtitle, style: TextStyle(role: .body, size: 13, color: theme.colors.muted), x: 0, baseline: y, width: width))
        }
        var bottom = height - 4
        let periodLine = TextItem(text: period, style: TextStyle(role: .body, size: 11, color: theme.colors.muted), x: 0, baseline: bottom, width: width)
        if let organization {
            bottom -= 18
            add(.p, TextItem(text: organization, style: TextStyle(role: .heading, weight: .semibold, size: 13, color: theme.colors.text),
                             x: 0, baseline: bottom, width: width))
        }
        add(.p, periodLine)
        g.add(.line(from: Point(0, bottom - 22), to: Point(width, bottom - 22), color: theme.colors.rule, width: 0.75))
        return g
    }

    static func roundedSquare(side: Double, radius r: Double, fill: Color) -> PathItem {
        let k = 0.5523 * r
        return PathItem([
            .move(Point(r, 0)), .line(Point(side - r, 0)), .curve(Point(side - r + k, 0), Point(side, r - k), Point(side, r)),
            .line(Point(side, side - r)), .curve(Point(side, side - r + k), Point(side - r + k, side), Point(side - r, side)),
            .line(Point(r, side)), .curve(Point(r - k, side), Point(0, side - r + k), Point(0, side - r)),
            .line(Point(0, r)), .curve(Point(0, r - k), Point(r - k, 0), Point(r, 0)), .close,
        ], fill: fill)
    }
}
