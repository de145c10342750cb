import Base
import Foundation

/// Finds the ISO 3166-1 code a CRM export means by a country value: codes, ISO and CLDR names,
/// abbreviations, endonyms (CountryTable), the database's own country names, and the user's
/// `--country-alias` entries, compared after `normalize`.
///
/// A near-miss is suggested only when it is a plausible typo (`suggestion`): a value that is a
/// known spelling always matches exactly, so "USA" can never be offered as Saudi Arabia.
public struct CountryMatcher: Sendable {
    private var codes: [String: String] = [:]
    private var namesByKey: [String: String] = [:]

    /// `known` are the codes and names in the countries table; `aliases` map a spelling to a code
    /// and win over everything else.
    public init(known: [(code: String, name: String)], aliases: [String: String] = [:]) {
        for entry in CountryTable.entries {
            for s in entry.spellings { add(s, entry.code) }
        }
        for c in known { add(c.code, c.code); add(c.name, c.code) }
        for (spelling, code) in aliases { codes[Self.normalize(spelling)] = code.uppercased() }
    }

    private mutating func add(_ spelling: String, _ code: String) {
        let key = Self.normalize(spelling)
        guard !key.isEmpty, codes[key] == nil else { return }
        codes[key] = code
        namesByKey[key] = spelling
    }

    /// The code for `value`, or nil.
    public func code(for value: String) -> String? { codes[Self.normalize(value)] }

    /// The closest known spelling when `value` is a plausible typo of exactly one country: the
    /// same first letter, at most one edit in 5–8 letters, two from 9 letters on, and no other
    /// country as close ("Ruritania" is two edits from Mauritania and is not suggested).
    public func suggestion(for value: String) -> (spelling: String, code: String)? {
        let key = Self.normalize(value)
        guard key.count >= 5, codes[key] == nil else { return nil }
        let limit = key.count >= 9 ? 2 : 1
        let target = Array(key)
        var best: (key: String, d: Int)?
        var bestCodes: Set<String> = []
        for (candidate, code) in codes where abs(candidate.count - key.count) <= limit && candidate.first == key.first {
            let d = NearMiss.distance(target, Array(candidate))
            guard d <= limit else { continue }
            if best == nil || d < best!.d { best = (candidate, d); bestCodes = [code] }
            else if d == best!.d { bestCodes.insert(code) }
        }
        guard let b = best, bestCodes.count == 1, let code = codes[b.key] else { return nil }
        return (namesByKey[b.key] ?? b.key, code)
    }

    /// Case-folded, accents and punctuation removed, curly apostrophes straightened, a leading
    /// "The" dropped, spaces collapsed: "  The Côte d’Ivoire " → "cote divoire".
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var space = false
        for ch in folded {
            if ch == "." || ch == "'" || ch == "\u{2019}" || ch == "\u{2018}" || ch == "`" { continue }
            if ch == "&" { out += out.isEmpty ? "and" : " and"; space = true; continue }
            if ch.isLetter || ch.isNumber || ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .spacingMark || $0.properties.generalCategory == .nonspacingMark }) {
                if space, !out.isEmpty { out.append(" ") }
                out.append(ch)
                space = false
            } else {
                space = true
            }
        }
        if out.hasPrefix("the ") { out.removeFirst(4) }
        return out
    }
}

extension CountryMatcher {
    /// How many countries `almanac init` seeds.
    public static var countryCount: Int { CountryTable.entries.count }
}
