/// The colours of a document's text, rules, table fills and good/bad changes: part of the
/// report's theme, read by layout and charts alike. Every key of a theme file's `colors` is optional.
public struct ColorScheme: Sendable, Hashable, Codable {
    public var text = Color(red: 0x1d, green: 0x24, blue: 0x2c)
    public var muted = Color(red: 0x5f, green: 0x6b, blue: 0x76)
    public var heading = Color(red: 0x12, green: 0x4a, blue: 0x72)
    public var accent = Color(red: 0x1f, green: 0x6f, blue: 0xa8)
    public var link = Color(red: 0x17, green: 0x5e, blue: 0xa8)
    public var rule = Color(red: 0xc9, green: 0xd1, blue: 0xd8)
    public var tableHeader = Color(red: 0xe3, green: 0xeb, blue: 0xf2)
    public var zebra = Color(red: 0xf5, green: 0xf7, blue: 0xf9)
    public var tile = Color(red: 0xee, green: 0xf3, blue: 0xf7)
    public var positive = Color(red: 0x1a, green: 0x7f, blue: 0x37)
    public var negative = Color(red: 0xb4, green: 0x23, blue: 0x18)
    public init() {}
}

// Partial decoding: any missing key keeps its default.
extension ColorScheme {
    enum CodingKeys: String, CodingKey { case text, muted, heading, accent, link, rule, tableHeader, zebra, tile, positive, negative }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        text = try c.decodeIfPresent(Color.self, forKey: .text) ?? text
        muted = try c.decodeIfPresent(Color.self, forKey: .muted) ?? muted
        heading = try c.decodeIfPresent(Color.self, forKey: .heading) ?? heading
        accent = try c.decodeIfPresent(Color.self, forKey: .accent) ?? accent
        link = try c.decodeIfPresent(Color.self, forKey: .link) ?? link
        rule = try c.decodeIfPresent(Color.self, forKey: .rule) ?? rule
        tableHeader = try c.decodeIfPresent(Color.self, forKey: .tableHeader) ?? tableHeader
        zebra = try c.decodeIfPresent(Color.self, forKey: .zebra) ?? zebra
        tile = try c.decodeIfPresent(Color.self, forKey: .tile) ?? tile
        positive = try c.decodeIfPresent(Color.self, forKey: .positive) ?? positive
        negative = try c.decodeIfPresent(Color.self, forKey: .negative) ?? negative
    }
}
