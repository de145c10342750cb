// The built-in specimen document (`almanac specimen`): every block type, every script the sample
// data uses, a long table, a vector graphic and an image. Also the synthetic documents of the
// layout benchmark (`--bench-pages`, `--table-rows`).
import Base
import Foundation

public enum SpecimenDocument {
    /// The specimen. `imagePath` is a PNG to show as the image figure (the CLI generates one).
    public static func document(theme: Theme = Theme(), imagePath: String? = nil, date: Date? = nil) -> Document {
        var b: [Block] = []
        b.append(.heading(level: 1, text: [InlineRun("Almanac type specimen")], inContents: false))
        b.append(.paragraph([
            InlineRun("This document exercises every block the layout engine knows, in every script our members write their names in. "),
            InlineRun("Run it on your machine", bold: true),
            InlineRun(" to check that your fonts and theme work: a box instead of a letter, or a warning on the terminal, means a font is missing. Text can be "),
            InlineRun("italic", italic: true), InlineRun(", "), InlineRun("bold", bold: true), InlineRun(", "),
            InlineRun("code like members.end", code: true), InlineRun(", in "), InlineRun("Small Caps", smallCaps: true),
            InlineRun(", or a link to "), InlineRun("the Pango documentation", link: "https://docs.gtk.org/Pango/"), InlineRun("."),
        ]))
        b.append(.kpiRow([
            KPI(value: "1,640", label: "Members, end of 2023", change: "+568 (+53.0%) vs 2022", direction: .up,
                graphic: sparkline([480, 530, 610, 660, 700, 790, 840, 870, 930, 980, 1040, 1070, 1130, 1190, 1260, 1310, 1360, 1420, 1450, 1490, 1540, 1580, 1610, 1640], theme: theme)),
            KPI(value: "94", label: "Countries represented", change: "±0 vs 2022", direction: .flat),
            KPI(value: "66", label: "Activities", change: "+41 vs 2022", direction: .up),
            KPI(value: "38", label: "Members lapsed", change: "+12 vs 2022", direction: .up, upIsGood: false),
        ]))
        b.append(.tableOfContents(title: "Contents", maxLevel: 2))
        b.append(.pageBreak)

        b.append(.heading(1, "Text"))
        b.append(.paragraph([InlineRun(loremLatin)]))
        b.append(.heading(2, "Lists"))
        b.append(.paragraph("Bulleted lists nest one level; numbered lists may start anywhere:"))
        b.append(.bulletList([
            ListItem("Working groups meet monthly, online or in person."),
            ListItem("Regional groups cover:", children: [ListItem("Africa and the Middle East"), ListItem("Asia–Pacific"), ListItem("Latin America and the Caribbean")]),
            ListItem([InlineRun("A long item wraps with a hanging indent, so the marker stands alone in the margin and the text lines up with itself — as a careful typesetter would set it.")]),
        ]))
        b.append(.numberedList([
            ListItem("Import the membership export."),
            ListItem("Check the data and fix what the report flags."),
            ListItem("Build the report, read it, and send it to the board."),
        ], start: 1))
        b.append(.heading(2, "Quotations"))
        b.append(.blockQuote([[InlineRun("The alliance gave our municipality a peer network we could not have built alone: three of our budget reforms began as conversations in a working group.")]],
                             attribution: [InlineRun("Member survey, 2023")]))
        b.append(.heading(2, "Long paragraphs"))
        for p in [loremLatin2, loremLatin3] { b.append(.paragraph(p)) }

        b.append(.heading(1, "Scripts"))
        b.append(.paragraph("Each line below is set in the body font and falls back to Noto for scripts the body font lacks."))
        for (name, text) in scripts {
            b.append(.heading(level: 2, text: [InlineRun(name)], inContents: false))
            b.append(.paragraph(text))
        }
        b.append(.paragraph([InlineRun("Mixed direction: the Arabic name "), InlineRun("جمعية الحكم المحلي"),
                             InlineRun(" and the Hebrew "), InlineRun("שלום"), InlineRun(" stay in order within an English sentence.")]))

        b.append(.heading(1, "Tables"))
        b.append(.paragraph("Numeric columns are right-aligned with tabular figures; the totals row is set apart by a rule."))
        b.append(.table(Table(
            header: ["Region", "2022", "2023", "Change", "Change %"],
            rows: regions.map { [$0.0, grouped($0.1), grouped($0.2), signed($0.2 - $0.1), percent($0.2 - $0.1, of: $0.1)] },
            columns: [.text, .number, .number, .number, .number],
            totals: ["Total", grouped(regions.reduce(0) { $0 + $1.1 }), grouped(regions.reduce(0) { $0 + $1.2 }),
                     signed(regions.reduce(0) { $0 + $1.2 - $1.1 }),
                     percent(regions.reduce(0) { $0 + $1.2 - $1.1 }, of: regions.reduce(0) { $0 + $1.1 })],
            caption: "Members by region")))
        b.append(.heading(2, "A long table"))
        b.append(.paragraph("The member directory runs over several pages; its header row repeats on each:"))
        b.append(.table(directoryTable(rows: 140)))

        b.append(.heading(1, "Figures"))
        b.append(.paragraph("Figures never split across pages. A vector drawing in its own box (as the Charts module makes them) and a PNG image:"))
        b.append(.figure(Figure(.graphic(barChart(theme: theme)), caption: [InlineRun("Figure 1. Members by region, end of 2023. Source: membership database.")],
                                altText: "Bar chart of members by region, end of 2023: " + regions.map { "\($0.0) \($0.2)" }.joined(separator: ", "))))
        if let imagePath {
            b.append(.figure(Figure(.image(path: imagePath, width: 220), caption: [InlineRun("Figure 2. A PNG image, drawn through Cairo.")],
                                    altText: "A generated test image")))
        }
        b.append(.heading(2, "Spacing"))
        b.append(.paragraph("A spacer of 24 points follows."))
        b.append(.spacer(24))
        b.append(.paragraph("And the document ends here."))

        return Document(metadata: DocumentMetadata(title: "Almanac type specimen", author: "Almanac",
                                                   subject: "Fonts, scripts and block types", keywords: ["specimen", "typography"],
                                                   creationDate: date),
                        theme: theme, blocks: b)
    }

    /// A synthetic document of about `pages` pages: paragraphs in several scripts, a long table per
    /// chapter, and ten figures in all.
    public static func benchmark(pages: Int, theme: Theme = Theme()) -> Document {
        var b: [Block] = [.heading(level: 1, text: [InlineRun("Benchmark document")], inContents: false), .tableOfContents()]
        let chapters = max(1, Int((Double(pages) / 4.6).rounded())) // a chapter sets on about 4.6 A4 pages
        var figures = 0
        for c in 0..<chapters {
            b.append(.heading(1, "Chapter \(c + 1)"))
            for s in 0..<3 {
                b.append(.heading(2, "Section \(c + 1).\(s + 1)"))
                b.append(.paragraph(loremLatin))
                b.append(.paragraph(loremLatin2))
                let script = scripts[(c * 3 + s) % scripts.count]
                b.append(.paragraph(Array(repeating: script.1, count: 3).joined(separator: " ")))
                b.append(.paragraph(loremLatin3))
            }
            if figures < 10 && c % max(1, chapters / 10) == 0 {
                figures += 1
                b.append(.figure(Figure(.graphic(barChart(theme: theme)), caption: [InlineRun("Figure \(figures). Members by region.")], altText: "Bar chart")))
            }
            b.append(.table(directoryTable(rows: 100, seed: c)))
        }
        return Document(metadata: DocumentMetadata(title: "Benchmark document", author: "Almanac"), theme: theme, blocks: b)
    }

    /// One table of `rows` directory rows (about 40 rows per A4 page).
    public static func longTable(rows: Int, theme: Theme = Theme()) -> Document {
        Document(metadata: DocumentMetadata(title: "Member directory", author: "Almanac"), theme: theme,
                 blocks: [.heading(1, "Member directory"), .table(directoryTable(rows: rows))])
    }

    // MARK: Content

    static let scripts: [(String, String)] = [
        ("Latin (with accents)", "Agnieszka Szymańska, Amélie Fournier and Ana Lucía Díaz chaired the Europe & Central Asia group; “quotes”, ‘apostrophes’, en–dash and em—dash, 1,234.56 ½ € £."),
        ("Arabic", "تعمل الجمعية مع البلديات في أربعة وتسعين بلدًا لتحسين الخدمات المحلية وتعزيز اللامركزية المالية."),
        ("Hebrew", "הברית פועלת עם רשויות מקומיות בתשעים וארבע מדינות כדי לשפר את השירותים לתושבים."),
        ("Devanagari", "राम कार्की, लक्ष्मी श्रेष्ठ और विक्रम कार्की ने स्थानीय शासन कार्य समूह की बैठक में भाग लिया।"),
        ("Thai", "กาญจนา กิตติศักดิ์ และ ธนากร บุญมา เข้าร่วมการประชุมคณะทำงานด้านการกระจายอำนาจทางการคลัง"),
        ("Chinese", "孙明、张志强和朱悦参加了亚太区域工作组的会议，讨论地方财政改革。"),
        ("Japanese", "地方自治体の財政分権に関する作業部会は、東京で年次会合を開催しました。ひらがなとカタカナも正しく表示されます。"),
    ]

    static let regions: [(String, Int, Int)] = [
        ("Africa", 349, 546), ("Asia-Pacific", 203, 347), ("Europe & Central Asia", 161, 194),
        ("Latin America & Caribbean", 129, 212), ("Middle East & North Africa", 66, 138), ("North America", 164, 203),
    ]

    static let loremLatin = "Local governments deliver most of the services people meet every day: water, roads, schools, clinics and the permits that let a small business open. Our members are the finance officers, planners and elected leaders who make those services work, and this report describes what they did together in the past year — the working groups they formed, the courses they took and taught, and the peers they met across borders."
    static let loremLatin2 = "Membership grew in every region. The largest gains came from Africa and Asia-Pacific, where new regional working groups gave members a reason to join and a place to contribute. Retention stayed high: most members who joined in earlier years renewed, and those who left often did so because they changed jobs rather than because the alliance stopped being useful to them."
    static let loremLatin3 = "Numbers alone do not tell the story. Behind each activity is a member who volunteered time: to prepare a webinar, to review a knowledge product, to host colleagues from another country. We thank them, and we thank our funders, whose support made the year’s growth possible. The tables and charts that follow are computed directly from the membership database, so every figure can be traced to its source."

    static let names = ["Agnieszka Szymańska", "Aizhan Tokayev", "Alejandro Muñoz", "Amélie Fournier", "Ana Lucía Díaz",
                        "राम कार्की", "लक्ष्मी श्रेष्ठ", "กาญจนา กิตติศักดิ์", "ธนากร บุญมา", "孙明", "张志强", "Ngozi Okafor",
                        "Kwame Mensah", "Fatima Zahra El Amrani", "Nguyễn Văn An", "Siosaia Taufa", "Mariana Oliveira", "David Cohen",
                        "فاطمة الزهراء", "דוד כהן"]
    static let countries = ["Poland", "Kyrgyzstan", "Spain", "France", "Spain", "Nepal", "India", "Thailand", "Thailand", "China", "China",
                            "Nigeria", "Ghana", "Morocco", "Viet Nam", "Tonga", "Brazil", "Israel", "Morocco", "Israel"]
    static let sectors = ["academia", "government", "civil society", "private sector", "development partner", "independent consultant"]

    static func directoryTable(rows: Int, seed: Int = 0) -> Table {
        var body: [[String]] = []
        body.reserveCapacity(rows)
        for i in 0..<rows {
            let k = i + seed * 7
            let name = names[k % names.count] + (i >= names.count ? " \(i / names.count + 1)" : "")
            let day = (k * 37) % 365
            let month = day / 31 + 1, dom = day % 28 + 1
            body.append([name, countries[k % countries.count], sectors[(k / 3) % sectors.count],
                         String(format: "%04d-%02d-%02d", 2021 + k % 3, month, dom), grouped((k * 7919) % 2400)])
        }
        return Table(header: ["Name", "Country", "Sector", "Joined", "Activities"], rows: body,
                     columns: [Table.Column(width: 3.0), Table.Column(width: 1.7), Table.Column(width: 2.9),
                               Table.Column(width: 1.6), Table.Column(alignment: .trailing, width: 1.3, numeric: true)])
    }

    /// A horizontal bar chart drawn by hand (the Charts module makes real ones).
    static func barChart(theme: Theme) -> Graphic {
        let width = 460.0, rowHeight = 22.0, labelWidth = 150.0
        var g = Graphic(size: Size(width, rowHeight * Double(regions.count) + 8))
        let maxValue = Double(regions.map(\.2).max() ?? 1)
        let label = TextStyle(role: .body, size: 8.5, color: theme.colors.text)
        var value = label
        value.tabularFigures = true
        value.color = theme.colors.muted
        for (i, r) in regions.enumerated() {
            let y = Double(i) * rowHeight + 4
            let w = (width - labelWidth - 40) * Double(r.2) / maxValue
            g.add(TextItem(text: r.0, style: label, x: 0, baseline: y + rowHeight / 2 + 3, width: labelWidth - 8, alignment: .end))
            g.add(.rect(Rect(x: labelWidth, y: y + 3, width: w, height: rowHeight - 6), fill: theme.palette.first ?? theme.colors.accent))
            g.add(TextItem(text: grouped(r.2), style: value, x: labelWidth + w + 4, baseline: y + rowHeight / 2 + 3, width: 36))
        }
        g.add(.line(from: Point(labelWidth, 2), to: Point(labelWidth, g.size.height - 2), color: theme.colors.text, width: 0.75))
        return g
    }

    /// A small picture (a page of items) that the CLI renders to PNG for the image figure.
    public static func samplePicture(theme: Theme) -> Page {
        let size = Size(220, 110)
        var items: [PageItem] = [.path(.rect(Rect(x: 0, y: 0, width: size.width, height: size.height), fill: Color(hex: "#f4f1ea")!))]
        for (i, c) in theme.palette.prefix(6).enumerated() {
            let r = 46.0 - Double(i) * 7
            let k = 0.5523 * r, cx = 70.0, cy = 55.0
            items.append(.path(PathItem([.move(Point(cx + r, cy)),
                                         .curve(Point(cx + r, cy + k), Point(cx + k, cy + r), Point(cx, cy + r)),
                                         .curve(Point(cx - k, cy + r), Point(cx - r, cy + k), Point(cx - r, cy)),
                                         .curve(Point(cx - r, cy - k), Point(cx - k, cy - r), Point(cx, cy - r)),
                                         .curve(Point(cx + k, cy - r), Point(cx + r, cy - k), Point(cx + r, cy)), .close], fill: c)))
        }
        items.append(.text(TextItem(text: "PNG", style: TextStyle(role: .heading, weight: .bold, size: 30, color: theme.colors.heading),
                                    x: 128, baseline: 66, width: 80)))
        return Page(size: size, items: items)
    }

    static func sparkline(_ values: [Double], theme: Theme) -> Graphic {
        let w = 100.0, h = 16.0
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        var elements: [PathElement] = []
        for (i, v) in values.enumerated() {
            let p = Point(w * Double(i) / Double(max(1, values.count - 1)), h - 1 - (h - 2) * (v - lo) / max(1, hi - lo))
            elements.append(i == 0 ? .move(p) : .line(p))
        }
        var g = Graphic(size: Size(w, h))
        g.add(PathItem(elements, stroke: theme.colors.accent, lineWidth: 1.2, roundCaps: true))
        return g
    }

    // The specimen's numbers print exactly as a report's do.
    static func grouped(_ n: Int) -> String { NumberText.grouped(Double(n)) }
    static func signed(_ n: Int) -> String { NumberText.signed(Double(n)) }
    static func percent(_ n: Int, of d: Int) -> String {
        d == 0 ? "—" : NumberText.signedPercent(Double(n) / Double(d), decimals: 1)
    }
}
