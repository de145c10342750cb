#!/usr/bin/env python3
"""Writes Sources/Store/Reference/CountryTable.swift: every ISO 3166-1 country (plus Kosovo, XK),
its UN M49 sub-region, intermediate region and continent, and the spellings imports accept.

Run at development time, not at build time:
    apt-get install iso-codes unicode-cldr-core
    python3 scripts/generate-countries.py > Sources/Store/Reference/CountryTable.swift

Sources (README, "Countries and regions"):
  - Debian iso-codes, /usr/share/iso-codes/json/iso_3166-1.json (LGPL-2.1-or-later): codes,
    ISO short, official and common names.
  - Unicode CLDR, Debian unicode-cldr-core, /usr/share/unicode/cldr/common (Unicode License):
    English territory names and their short/variant forms, names in each country's official
    languages (endonyms), and territory containment, which follows UN M49.
  - CURATED below: abbreviations and exonyms seen in CRM exports.
"""
import json
import sys
import unicodedata
import xml.etree.ElementTree as ET

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
CLDR = "/usr/share/unicode/cldr/common"

# UN M49 names of the regions CLDR's containment uses.
M49 = {
    "002": "Africa", "019": "Americas", "142": "Asia", "150": "Europe", "009": "Oceania",
    "015": "Northern Africa", "202": "Sub-Saharan Africa", "419": "Latin America and the Caribbean",
    "021": "Northern America", "143": "Central Asia", "030": "Eastern Asia", "035": "South-eastern Asia",
    "034": "Southern Asia", "145": "Western Asia", "151": "Eastern Europe", "154": "Northern Europe",
    "039": "Southern Europe", "155": "Western Europe", "053": "Australia and New Zealand",
    "054": "Melanesia", "057": "Micronesia", "061": "Polynesia", "QO": "Outlying Oceania",
    "011": "Western Africa", "014": "Eastern Africa", "017": "Middle Africa", "018": "Southern Africa",
    "029": "Caribbean", "013": "Central America", "005": "South America",
}
INTERMEDIATE_PARENT = {"011": "202", "014": "202", "017": "202", "018": "202",
                       "029": "419", "013": "419", "005": "419"}

# Spellings real exports use that neither source lists. Checked by CountryMatcherTests.
CURATED = {
    "US": ["USA", "U.S.A.", "U.S.", "US of A", "United States of America", "America", "Etats-Unis", "EEUU", "EE.UU."],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland",
           "United Kingdom of Great Britain and Northern Ireland", "Grande-Bretagne", "Reino Unido"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["Democratic Republic of the Congo", "DRC", "DR Congo", "D.R. Congo", "D.R.C.", "Congo DRC", "Democratic Republic of Congo",
           "Congo, Democratic Republic", "Congo, Democratic Republic of the", "Congo-Kinshasa", "Zaire"],
    "CG": ["Republic of Congo", "Republic of the Congo", "Congo Republic", "Congo-Brazzaville", "Congo, Republic of the"],
    "CN": ["PRC", "P.R.C.", "P.R. China", "PR China", "Mainland China", "China, People's Republic of"],
    "LA": ["Lao PDR", "Lao", "Lao People's Democratic Republic", "Lao P.D.R."],
    "ZA": ["RSA", "S. Africa", "Republic of South Africa"],
    "NL": ["Holland", "The Netherlands", "Nederland", "Netherlands, Kingdom of the"],
    "TL": ["East Timor", "Timor Leste"],
    "KR": ["Korea", "S. Korea", "Korea, South", "Korea (South)", "Republic of Korea", "ROK", "Korea Rep.", "Korea, Rep."],
    "KP": ["North Korea", "Korea, North", "Korea (North)", "DPRK", "Korea, Dem. People's Rep.", "Korea DPR"],
    "RU": ["Russia", "Russian Federation", "Rossiya"],
    "VN": ["Vietnam", "Viet Nam", "Viet-Nam"],
    "IR": ["Iran", "Iran, Islamic Rep.", "Persia"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "TZ": ["Tanzania", "United Republic of Tanzania", "Tanzania, United Republic of"],
    "BO": ["Bolivia"], "VE": ["Venezuela", "Venezuela, RB"], "MD": ["Moldova", "Republic of Moldova"],
    "TR": ["Turkiye", "Türkiye", "Turkey", "Republic of Türkiye"],
    "CZ": ["Czech Republic", "Czechia", "Czech Rep."],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d’Ivoire"],
    "MK": ["Macedonia", "North Macedonia", "FYROM", "Republic of North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"], "MM": ["Burma"], "CV": ["Cape Verde", "Cabo Verde"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "West Bank and Gaza", "Gaza"],
    "VA": ["Vatican", "Vatican City", "Holy See"], "FM": ["Micronesia", "Micronesia, Fed. Sts."],
    "HK": ["Hong Kong SAR", "Hong Kong, China", "HKSAR"], "MO": ["Macau", "Macao SAR", "Macau SAR"],
    "TW": ["Taiwan", "Taiwan, Province of China", "Republic of China", "Chinese Taipei"],
    "BS": ["Bahamas", "Bahamas, The"], "GM": ["Gambia", "Gambia, The"],
    "EG": ["Egypt, Arab Rep."], "YE": ["Yemen, Rep."], "KG": ["Kyrgyz Republic"], "SK": ["Slovak Republic"],
    "XK": ["Kosovo", "Republic of Kosovo"], "BN": ["Brunei"], "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LC": ["St Lucia", "St. Lucia"], "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "DE": ["Germany", "Deutschland", "BRD"], "ES": ["España", "Espana"], "MX": ["México"], "BR": ["Brasil"],
    "PE": ["Perú"], "SN": ["Sénégal"], "HT": ["Haïti"], "MA": ["Maroc"], "IN": ["Bharat"],
    "CH": ["Suisse", "Schweiz", "Svizzera"], "BE": ["Belgique", "België"], "JP": ["Nippon", "Nihon"], "LB": ["Liban"],
}

# Spellings that name different countries in different sources: resolved by hand, not by order.
CONFLICTS_ACCEPTED = set()


def norm(s):
    """Approximates CountryMatcher.normalize (Swift), only to detect collisions here."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("&", " and ")
    s = "".join("" if c in ".'" else (" " if not c.isalnum() else c) for c in s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def main():
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    countries = {c["alpha_2"]: c for c in iso}
    countries["XK"] = {"alpha_2": "XK", "alpha_3": "XKX", "name": "Kosovo"}

    supp = ET.parse(f"{CLDR}/supplemental/supplementalData.xml").getroot()
    parent = {}
    for g in supp.iter("group"):
        if g.get("status") in ("deprecated", "grouping") or g.get("grouping") == "true":
            continue
        for child in g.get("contains").split():
            parent.setdefault(child, g.get("type"))

    official = {}
    for t in supp.find("territoryInfo"):
        langs = [lp.get("type") for lp in t.findall("languagePopulation")
                 if lp.get("officialStatus") in ("official", "de_facto_official", "official_regional")]
        official[t.get("type")] = langs

    def territory_names(locale):
        try:
            root = ET.parse(f"{CLDR}/main/{locale}.xml").getroot()
        except (FileNotFoundError, ET.ParseError):
            return {}
        out = {}
        for t in root.iter("territory"):
            if t.text:
                out.setdefault(t.get("type"), []).append((t.get("alt"), t.text))
        return out

    english = territory_names("en")
    cache = {}

    rows = []
    for code in sorted(countries):
        c = countries[code]
        inter = parent.get(code)
        if inter is None:
            sys.exit(f"{code}: no M49 region in CLDR containment")
        sub = INTERMEDIATE_PARENT.get(inter, inter)
        continent = parent.get(sub) or parent[inter]
        if sub == "QO":
            continent = "009"
        en = english.get(code, [])
        display = next((n for alt, n in en if alt is None), c.get("common_name") or c["name"])
        # Tier 1: codes and ISO names; tier 2: CLDR English; tier 3: curated; tier 4: endonyms.
        tiers = {1: [code, c["alpha_3"], c["name"]] + [c[k] for k in ("official_name", "common_name") if k in c],
                 2: [n for _, n in en],
                 3: CURATED.get(code, []),
                 4: []}
        for lang in official.get(code, []):
            for locale in (lang, f"{lang}_{code}"):
                if locale not in cache:
                    cache[locale] = territory_names(locale)
                # Short all-capital forms in other languages ("RA", "DU") read as codes: skip them.
                tiers[4] += [n for _, n in cache[locale].get(code, [])
                             if not (len(n) <= 3 and n.isascii() and n.isupper())]
        rows.append((code, display, M49[sub], M49[inter], M49[continent], tiers))

    # Drop any spelling that two countries claim within the same or across tiers, unless an
    # earlier tier of one of them settles it (the ISO name beats someone's endonym).
    owner = {}
    for tier in (1, 2, 3, 4):
        claims = {}
        for code, *_, tiers in rows:
            for s in tiers[tier]:
                k = norm(s)
                if k and k not in owner:
                    claims.setdefault(k, set()).add(code)
        for k, codes in claims.items():
            if len(codes) == 1:
                owner[k] = next(iter(codes))
            else:
                owner[k] = None  # ambiguous: never guessed
                print(f"dropped ambiguous spelling {k!r}: {sorted(codes)}", file=sys.stderr)

    out = []
    w = out.append
    w("// Generated by scripts/generate-countries.py from Debian iso-codes (ISO 3166-1, LGPL-2.1+) and")
    w("// Unicode CLDR (territory names, endonyms and M49 containment, Unicode License). Do not edit.")
    w("")
    w("/// Every ISO 3166-1 country plus Kosovo (XK): code, English name, UN M49 sub-region,")
    w("/// intermediate region (the sub-region where M49 has none) and continent, and the spellings")
    w("/// imports accept, best source first.")
    w("enum CountryTable {")
    w("    struct Entry: Sendable {")
    w("        let code: String, name: String, subregion: String, intermediate: String, continent: String")
    w("        let spellings: [String]")
    w("    }")
    w("")
    w("    static let entries: [Entry] = [")
    total = 0
    for code, display, sub, inter, cont, tiers in rows:
        seen, spell = set(), []
        for tier in (1, 2, 3, 4):
            for s in tiers[tier]:
                k = norm(s)
                if k and owner.get(k) == code and s not in seen:
                    seen.add(s)
                    spell.append(s)
        total += len(spell)
        lit = ", ".join(json.dumps(s, ensure_ascii=False) for s in spell)
        w(f"        Entry(code: {json.dumps(code)}, name: {json.dumps(display, ensure_ascii=False)}, subregion: {json.dumps(sub)}, "
          f"intermediate: {json.dumps(inter)}, continent: {json.dumps(cont)},")
        w(f"              spellings: [{lit}]),")
    w("    ]")
    w("}")
    print("\n".join(out))
    print(f"{len(rows)} countries, {total} spellings", file=sys.stderr)


main()
