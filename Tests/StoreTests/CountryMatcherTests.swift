import Base
import Testing
@testable import Store

/// Country values as CRM exports write them, each with the ISO code it must become.
@Suite("Country matcher")
struct CountryMatcherTests {
    static let matcher = CountryMatcher(known: [])

    /// "spelling|CODE" lines: codes, ISO short and official names, CLDR names and variants,
    /// abbreviations, exonyms, endonyms, and the same with other case, accents, apostrophes,
    /// spaces and a leading "The".
    static let table = """
        US|US
        USA|US
        usa|US
        U.S.A.|US
        U.S.|US
        United States|US
        United States of America|US
        the united states|US
        America|US
        USA |US
        GB|GB
        GBR|GB
        UK|GB
        U.K.|GB
        United Kingdom|GB
        the United Kingdom|GB
        Great Britain|GB
        Britain|GB
        England|GB
        Scotland|GB
        Wales|GB
        Northern Ireland|GB
        ENGLAND|GB
        scotland|GB
        United Kingdom of Great Britain and Northern Ireland|GB
        AE|AE
        ARE|AE
        UAE|AE
        U.A.E.|AE
        United Arab Emirates|AE
        the United Arab Emirates|AE
        Emirates|AE
        CD|CD
        COD|CD
        DRC|CD
        DR Congo|CD
        D.R. Congo|CD
        Democratic Republic of the Congo|CD
        Congo, The Democratic Republic of the|CD
        Congo - Kinshasa|CD
        Congo (DRC)|CD
        Zaire|CD
        Democratic Republic of Congo|CD
        CG|CG
        COG|CG
        Congo|CG
        Republic of the Congo|CG
        Congo - Brazzaville|CG
        Congo (Republic)|CG
        Congo-Brazzaville|CG
        CN|CN
        CHN|CN
        China|CN
        PRC|CN
        P.R.C.|CN
        People's Republic of China|CN
        People’s Republic of China|CN
        中国|CN
        Mainland China|CN
        LA|LA
        LAO|LA
        Laos|LA
        Lao PDR|LA
        Lao People's Democratic Republic|LA
        Lao People’s Democratic Republic|LA
        ZA|ZA
        ZAF|ZA
        South Africa|ZA
        RSA|ZA
        Republic of South Africa|ZA
        NL|NL
        NLD|NL
        Netherlands|NL
        The Netherlands|NL
        Holland|NL
        Nederland|NL
        Kingdom of the Netherlands|NL
        TL|TL
        TLS|TL
        Timor-Leste|TL
        East Timor|TL
        Timor Leste|TL
        KR|KR
        KOR|KR
        South Korea|KR
        Korea, Republic of|KR
        Republic of Korea|KR
        Korea (South)|KR
        대한민국|KR
        KP|KP
        PRK|KP
        North Korea|KP
        Korea, Democratic People's Republic of|KP
        DPRK|KP
        VN|VN
        VNM|VN
        Vietnam|VN
        Viet Nam|VN
        Việt Nam|VN
        Socialist Republic of Viet Nam|VN
        TR|TR
        TUR|TR
        Turkey|TR
        Türkiye|TR
        Turkiye|TR
        TÜRKIYE|TR
        Republic of Türkiye|TR
        CZ|CZ
        CZE|CZ
        Czechia|CZ
        Czech Republic|CZ
        Česko|CZ
        Cesko|CZ
        CI|CI
        CIV|CI
        Côte d'Ivoire|CI
        Côte d’Ivoire|CI
        Cote d'Ivoire|CI
        cote divoire|CI
        Ivory Coast|CI
        Republic of Côte d'Ivoire|CI
        HK|HK
        HKG|HK
        Hong Kong|HK
        Hong Kong SAR|HK
        Hong Kong SAR China|HK
        香港|HK
        TW|TW
        TWN|TW
        Taiwan|TW
        Taiwan, Province of China|TW
        台灣|TW
        MO|MO
        MAC|MO
        Macao|MO
        Macau|MO
        BO|BO
        BOL|BO
        Bolivia|BO
        Bolivia (Plurinational State of)|BO
        Plurinational State of Bolivia|BO
        VE|VE
        VEN|VE
        Venezuela|VE
        Venezuela (Bolivarian Republic of)|VE
        IR|IR
        IRN|IR
        Iran|IR
        Iran (Islamic Republic of)|IR
        Islamic Republic of Iran|IR
        ایران|IR
        SY|SY
        SYR|SY
        Syria|SY
        Syrian Arab Republic|SY
        سوريا|SY
        TZ|TZ
        TZA|TZ
        Tanzania|TZ
        United Republic of Tanzania|TZ
        Tanzania, United Republic of|TZ
        MD|MD
        MDA|MD
        Moldova|MD
        Republic of Moldova|MD
        Moldova, Republic of|MD
        RU|RU
        RUS|RU
        Russia|RU
        Russian Federation|RU
        Россия|RU
        DE|DE
        DEU|DE
        Germany|DE
        Deutschland|DE
        Federal Republic of Germany|DE
        ES|ES
        ESP|ES
        Spain|ES
        España|ES
        Espana|ES
        Kingdom of Spain|ES
        BR|BR
        BRA|BR
        Brazil|BR
        Brasil|BR
        Federative Republic of Brazil|BR
        MX|MX
        MEX|MX
        Mexico|MX
        México|MX
        United Mexican States|MX
        PE|PE
        PER|PE
        Peru|PE
        Perú|PE
        Republic of Peru|PE
        SN|SN
        SEN|SN
        Senegal|SN
        Sénégal|SN
        Republic of Senegal|SN
        HT|HT
        HTI|HT
        Haiti|HT
        Haïti|HT
        MA|MA
        MAR|MA
        Morocco|MA
        Maroc|MA
        Kingdom of Morocco|MA
        المغرب|MA
        EG|EG
        EGY|EG
        Egypt|EG
        مصر|EG
        Arab Republic of Egypt|EG
        IN|IN
        IND|IN
        India|IN
        भारत|IN
        Republic of India|IN
        Bharat|IN
        TH|TH
        THA|TH
        Thailand|TH
        ไทย|TH
        Kingdom of Thailand|TH
        JP|JP
        JPN|JP
        Japan|JP
        日本|JP
        FR|FR
        FRA|FR
        France|FR
        French Republic|FR
        IT|IT
        ITA|IT
        Italy|IT
        Italia|IT
        PT|PT
        PRT|PT
        Portugal|PT
        GR|GR
        GRC|GR
        Greece|GR
        Ελλάδα|GR
        Hellenic Republic|GR
        CH|CH
        CHE|CH
        Switzerland|CH
        Schweiz|CH
        Suisse|CH
        Svizzera|CH
        AT|AT
        AUT|AT
        Austria|AT
        Österreich|AT
        Osterreich|AT
        BE|BE
        BEL|BE
        Belgium|BE
        Belgique|BE
        België|BE
        SE|SE
        SWE|SE
        Sweden|SE
        Sverige|SE
        NO|NO
        NOR|NO
        Norway|NO
        Norge|NO
        DK|DK
        DNK|DK
        Denmark|DK
        Danmark|DK
        FI|FI
        FIN|FI
        Finland|FI
        Suomi|FI
        PL|PL
        POL|PL
        Poland|PL
        Polska|PL
        UA|UA
        UKR|UA
        Ukraine|UA
        Україна|UA
        HU|HU
        HUN|HU
        Hungary|HU
        Magyarország|HU
        RO|RO
        ROU|RO
        Romania|RO
        România|RO
        HR|HR
        HRV|HR
        Croatia|HR
        Hrvatska|HR
        RS|RS
        SRB|RS
        Serbia|RS
        Србија|RS
        MK|MK
        MKD|MK
        North Macedonia|MK
        Macedonia|MK
        XK|XK
        Kosovo|XK
        IE|IE
        IRL|IE
        Ireland|IE
        Éire|IE
        NG|NG
        NGA|NG
        Nigeria|NG
        Federal Republic of Nigeria|NG
        KE|KE
        KEN|KE
        Kenya|KE
        GH|GH
        GHA|GH
        Ghana|GH
        ET|ET
        ETH|ET
        Ethiopia|ET
        UG|UG
        UGA|UG
        Uganda|UG
        RW|RW
        RWA|RW
        Rwanda|RW
        CM|CM
        CMR|CM
        Cameroon|CM
        Cameroun|CM
        BF|BF
        BFA|BF
        Burkina Faso|BF
        ML|ML
        MLI|ML
        Mali|ML
        NE|NE
        NER|NE
        Niger|NE
        BJ|BJ
        BEN|BJ
        Benin|BJ
        Bénin|BJ
        DZ|DZ
        DZA|DZ
        Algeria|DZ
        Algérie|DZ
        TN|TN
        TUN|TN
        Tunisia|TN
        Tunisie|TN
        SZ|SZ
        SWZ|SZ
        Eswatini|SZ
        Swaziland|SZ
        CV|CV
        CPV|CV
        Cabo Verde|CV
        Cape Verde|CV
        MM|MM
        MMR|MM
        Myanmar|MM
        Burma|MM
        Myanmar (Burma)|MM
        PS|PS
        PSE|PS
        Palestine|PS
        Palestine, State of|PS
        State of Palestine|PS
        VA|VA
        VAT|VA
        Holy See|VA
        Vatican City|VA
        FM|FM
        FSM|FM
        Micronesia|FM
        Micronesia (Federated States of)|FM
        BS|BS
        BHS|BS
        Bahamas|BS
        The Bahamas|BS
        GM|GM
        GMB|GM
        Gambia|GM
        The Gambia|GM
        PH|PH
        PHL|PH
        Philippines|PH
        The Philippines|PH
        Pilipinas|PH
        ID|ID
        IDN|ID
        Indonesia|ID
        BD|BD
        BGD|BD
        Bangladesh|BD
        বাংলাদেশ|BD
        PK|PK
        PAK|PK
        Pakistan|PK
        پاکستان|PK
        NP|NP
        NPL|NP
        Nepal|NP
        नेपाल|NP
        LK|LK
        LKA|LK
        Sri Lanka|LK
        KH|KH
        KHM|KH
        Cambodia|KH
        AU|AU
        AUS|AU
        Australia|AU
        NZ|NZ
        NZL|NZ
        New Zealand|NZ
        Aotearoa|NZ
        CA|CA
        CAN|CA
        Canada|CA
        AR|AR
        ARG|AR
        Argentina|AR
        CL|CL
        CHL|CL
        Chile|CL
        CO|CO
        COL|CO
        Colombia|CO
        EC|EC
        ECU|EC
        Ecuador|EC
        SA|SA
        SAU|SA
        Saudi Arabia|SA
        المملكة العربية السعودية|SA
        IL|IL
        ISR|IL
        Israel|IL
        ישראל|IL
        JO|JO
        JOR|JO
        Jordan|JO
        LB|LB
        LBN|LB
        Lebanon|LB
        Liban|LB
        KG|KG
        KGZ|KG
        Kyrgyzstan|KG
        Kyrgyz Republic|KG
        SK|SK
        SVK|SK
        Slovakia|SK
        Slovak Republic|SK
        KN|KN
        KNA|KN
        Saint Kitts and Nevis|KN
        St. Kitts & Nevis|KN
        St Kitts and Nevis|KN
        LC|LC
        LCA|LC
        Saint Lucia|LC
        St. Lucia|LC
        BN|BN
        BRN|BN
        Brunei|BN
        Brunei Darussalam|BN
        """

    static var rows: [(spelling: String, code: String)] {
        table.split(separator: "\n").map { line in
            let parts = line.split(separator: "|")
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func theTableHasAtLeast300Spellings() {
        #expect(Self.rows.count >= 300, "\(Self.rows.count) spellings")
    }

    @Test func everySpellingFindsItsCountry() {
        for row in Self.rows {
            #expect(Self.matcher.code(for: row.spelling) == row.code, "\(row.spelling)")
        }
    }

    @Test func knownAliasesNeverSuggestAnotherCountry() {
        for value in ["USA", "England", "Tanzania", "South Korea", "UAE", "Holland"] {
            #expect(Self.matcher.suggestion(for: value) == nil, "\(value) is known: matched, never suggested")
            #expect(Self.matcher.code(for: value) != nil)
        }
    }

    @Test func typosAreSuggestedOnlyWhenClose() {
        #expect(Self.matcher.suggestion(for: "Germnay")?.code == "DE")
        #expect(Self.matcher.suggestion(for: "Keyna")?.code == "KE")
        #expect(Self.matcher.suggestion(for: "Phillipines")?.code == "PH")
        #expect(Self.matcher.suggestion(for: "Ruritania") == nil)
        #expect(Self.matcher.suggestion(for: "Atlantis") == nil)
        #expect(Self.matcher.suggestion(for: "Xyz") == nil, "short values are never guessed")
    }

    @Test func aliasesWinAndReferenceDataIsComplete() {
        let m = CountryMatcher(known: [], aliases: ["Ruritania": "RU", "Georgia": "US"])
        #expect(m.code(for: "ruritania") == "RU")
        #expect(m.code(for: "Georgia") == "US")
        #expect(CountryTable.entries.count == 250)
        #expect(CountryTable.entries.contains { $0.code == "XK" })
        #expect(Set(CountryTable.entries.map(\.subregion)).count == 18)
        #expect(Set(CountryTable.entries.map(\.continent)) == ["Africa", "Americas", "Asia", "Europe", "Oceania"])
    }
}
