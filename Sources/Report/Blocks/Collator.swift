import CCollation

/// Orders text as people of a language sort it (ICU's collation: "Ángela" with the A's, case
/// and accents second), through sort keys computed once per string: comparing keys is a byte
/// comparison, so a directory of 100,000 names sorts in a fraction of the time that comparing
/// strings through the collator again and again takes.
final class Collator {
    private let collator: UnsafeMutableRawPointer?

    /// The collator of `language` (a BCP 47 tag such as "en", "fr", "th"); ICU falls back to its
    /// root order for a language it has no rules for.
    init(language: String) {
        collator = almanac_collator_open(language)
    }

    deinit { almanac_collator_close(collator) }

    /// The sort key of `text`: keys compare (lexicographically, as bytes) as the texts collate.
    func key(_ text: String) -> [UInt8] {
        // Without ICU (it could not open even its root order) texts sort by their UTF-8 bytes.
        guard let collator else { return Array(text.utf8) + [0] }
        let utf16 = Array(text.utf16)
        var key = [UInt8](repeating: 0, count: max(16, utf16.count * 4 + 8))
        var length = utf16.withUnsafeBufferPointer { almanac_collator_sort_key(collator, $0.baseAddress, Int32($0.count), &key, Int32(key.count)) }
        if Int(length) > key.count {
            key = [UInt8](repeating: 0, count: Int(length))
            length = utf16.withUnsafeBufferPointer { almanac_collator_sort_key(collator, $0.baseAddress, Int32($0.count), &key, Int32(key.count)) }
        }
        // The key ends with a zero byte, which orders a prefix first as it should.
        return Array(key.prefix(Int(length)))
    }

    /// `items` sorted by the collation of `text(item)`; equal texts keep their order.
    func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.enumerated().map { (key: key(text($0.element)), offset: $0.offset, item: $0.element) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.offset < $1.offset) }
            .map(\.item)
    }
}
