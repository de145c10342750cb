import Base
import Foundation
import GRDB

/// Generates the sample organization (README "Sample data"): a global network launched in
/// June 2021, about 1,640 members at the end of 2023 after growth of a little over 50%.
///
/// `members` is the size of the network at the end of 2023; everything that grows with the
/// membership (people, working-group members, participants, attendance) scales with it, while
/// the organization's structure (regions, countries, the seven working groups, the calendar of
/// activities) stays the same.
public struct SampleGenerator {
    public static let defaultMembers = 1_640
    public static let defaultSeed: UInt64 = 2023

    public let members: Int
    public let seed: UInt64
    /// Called with (rows written, rows expected) while members are written.
    public var progress: ((Int, Int) -> Void)?

    public init(members: Int = defaultMembers, seed: UInt64 = defaultSeed) {
        self.members = members
        self.seed = seed
    }

    /// The last day of the sample's data.
    static let dataEnd = CalendarDate(year: 2023, month: 12, day: 31)!
    /// A member stays on average this many years (about 3.5% leave a year).
    static let meanMembershipYears = 28.0
    /// Share of the people who ever join that are still members at the end (from the join
    /// curve and the leaving rate), used to size the member table.
    static let activeShareAtEnd = 0.967

    struct Person { let joined: Int; let left: Int?; let country: Int }

    /// Writes the sample into `db`, which must have the current schema and no data.
    public func write(into queue: DatabaseQueue) throws {
        var rng = SplitMix64(seed: seed)
        let scale = Double(members) / Double(Self.defaultMembers)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.inTransaction {
                try writeStructure(db)
                let people = try writeMembers(db, &rng)
                let groups = try writeWorkingGroupMembers(db, people, &rng)
                try writeActivities(db, people, groups, scale: scale, &rng)
                try writeGrantsAndTargets(db, scale: scale)
                return .commit
            }
        }
    }

    // MARK: - Structure

    private func writeStructure(_ db: Database) throws {
        let org = SampleReferenceData.organization
        try db.execute(sql: "INSERT INTO organization (id, name, short_name, founded_on) VALUES (1, ?, ?, ?)",
                       arguments: [org.name, org.shortName, org.foundedOn])
        for (i, region) in SampleReferenceData.regions.enumerated() {
            try db.execute(sql: "INSERT INTO regions (id, name) VALUES (?, ?)", arguments: [i + 1, region.name])
        }
        for c in SampleReferenceData.countries {
            try db.execute(sql: "INSERT INTO countries (code, name, region_id) VALUES (?, ?, ?)", arguments: [c.code, c.name, c.region + 1])
        }
        for (i, name) in SampleReferenceData.partners.enumerated() {
            try db.execute(sql: "INSERT INTO partners (id, name) VALUES (?, ?)", arguments: [i + 1, name])
        }
        for (i, g) in SampleReferenceData.workingGroups.enumerated() {
            try db.execute(sql: "INSERT INTO working_groups (id, name, kind, established_on, region_id) VALUES (?, ?, ?, ?, ?)",
                           arguments: [i + 1, g.name, g.kind, g.established, g.region.map { $0 + 1 }])
        }
    }

    // MARK: - Members

    /// Cumulative weights for picking a country: region share × a within-region weight that
    /// falls with the country's rank (large member countries first).
    private static let countryCumulative: [Double] = {
        var weights: [Double] = []
        for (r, region) in SampleReferenceData.regions.enumerated() {
            let inRegion = SampleReferenceData.countries.enumerated().filter { $0.element.region == r }
            let raw = inRegion.indices.map { 1.0 / Double($0 + 2) }
            let total = raw.reduce(0, +)
            for w in raw { weights.append(region.share * w / total) }
        }
        return cumulative(weights)
    }()

    private static let sectorCumulative = cumulative(SampleReferenceData.sectors.map(\.share))

    private static func cumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var sum = 0.0
        return weights.map { sum += $0; return sum / total }
    }

    private static func index(in cumulative: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < u { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    private func writeMembers(_ db: Database, _ rng: inout SplitMix64) throws -> [Person] {
        let total = Int((Double(members) / Self.activeShareAtEnd).rounded())
        let months = SampleReferenceData.joinsByMonth
        let monthCumulative = Self.cumulative(months.map(\.weight))
        let end = Self.dataEnd.daysSinceEpoch
        let insert = try db.makeStatement(sql: "INSERT INTO members (id, name, email, country_code, sector, joined_on, left_on) VALUES (?, ?, ?, ?, ?, ?, ?)")
        var people: [Person] = []
        people.reserveCapacity(total)
        for i in 0..<total {
            // Evenly spaced quantiles of the join curve keep the calibration exact at any size;
            // the day within the month is random.
            let m = months[Self.index(in: monthCumulative, (Double(i) + 0.5) / Double(total))]
            let first = CalendarDate(year: m.year, month: m.month, day: 1)!
            let joined = first.daysSinceEpoch + rng.int(0..<CalendarDate.daysIn(month: m.month, year: m.year))
            let stay = -log(1 - rng.unit()) * Self.meanMembershipYears * 365.25
            let leftDay = joined + 1 + Int(stay)
            let left: Int? = leftDay <= end ? leftDay : nil
            let country = Self.index(in: Self.countryCumulative, rng.unit())
            let sector = SampleReferenceData.sectors[Self.index(in: Self.sectorCumulative, rng.unit())].name
            let id = i + 1
            let (name, email) = personName(id: id, script: SampleReferenceData.countries[country].script, &rng)
            try insert.execute(arguments: [
                id, name, email, SampleReferenceData.countries[country].code, sector,
                CalendarDate(daysSinceEpoch: joined).iso, left.map { CalendarDate(daysSinceEpoch: $0).iso },
            ])
            people.append(Person(joined: joined, left: left, country: country))
            if id % 50_000 == 0 { progress?(id, total) }
        }
        progress?(total, total)
        return people
    }

    private func personName(id: Int, script: SampleReferenceData.Script, _ rng: inout SplitMix64) -> (String, String) {
        typealias R = SampleReferenceData
        // Most people in Arabic-, Devanagari-, Thai- and Chinese-writing countries are listed in
        // that script; some use a Latin spelling, as real member lists do.
        let native = script != .latin && rng.unit() < 0.75
        guard native else {
            let given = rng.pick(R.latinGiven), family = rng.pick(R.latinFamily)
            let local = "\(given).\(family)".folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            return ("\(given) \(family)", "\(local).\(id)@example.org")
        }
        let email = "member\(id)@example.org"
        switch script {
        case .arabic: return ("\(rng.pick(R.arabicGiven)) \(rng.pick(R.arabicFamily))", email)
        case .devanagari: return ("\(rng.pick(R.devanagariGiven)) \(rng.pick(R.devanagariFamily))", email)
        case .thai: return ("\(rng.pick(R.thaiGiven)) \(rng.pick(R.thaiFamily))", email)
        case .chinese: return ("\(rng.pick(R.chineseFamily))\(rng.pick(R.chineseGiven))", email)
        case .latin: fatalError("unreachable")
        }
    }

    // MARK: - Working groups

    /// Members of each working group with the day they joined it.
    typealias GroupRoster = [(member: Int, joined: Int)]

    private func writeWorkingGroupMembers(_ db: Database, _ people: [Person], _ rng: inout SplitMix64) throws -> [GroupRoster] {
        let insert = try db.makeStatement(sql: "INSERT INTO working_group_members (working_group_id, member_id, joined_on, left_on) VALUES (?, ?, ?, ?)")
        let end = Self.dataEnd.daysSinceEpoch
        var rosters: [GroupRoster] = []
        for (g, group) in SampleReferenceData.workingGroups.enumerated() {
            let established = CalendarDate(iso: group.established)!.daysSinceEpoch
            // Regional groups draw a fifth of their region; thematic groups a tenth of everyone.
            let rate = group.region == nil ? 0.10 : 0.20
            var roster: GroupRoster = []
            for (i, person) in people.enumerated() {
                if let region = group.region, SampleReferenceData.countries[person.country].region != region { continue }
                guard rng.unit() < rate else { continue }
                let joined = max(established, person.joined) + rng.int(0..<60)
                guard joined <= end, person.left.map({ joined < $0 }) ?? true else { continue }
                try insert.execute(arguments: [g + 1, i + 1, CalendarDate(daysSinceEpoch: joined).iso,
                                               person.left.map { CalendarDate(daysSinceEpoch: $0).iso }])
                roster.append((i + 1, joined))
            }
            rosters.append(roster)
        }
        return rosters
    }

    // MARK: - Activities

    private struct Activity {
        let kind: String
        let title: String
        let held: CalendarDate
        var group: Int? = nil
        /// Participants at the default size; nil where nobody counts (newsletters, publications).
        var participants: Int? = nil
        var partners: [Int] = []
    }

    /// The calendar of activities, 2021–2023, at the default size.
    private func calendar(_ rng: inout SplitMix64) -> [Activity] {
        var list: [Activity] = []
        func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

        // 2021: a launch series of regional webinars run with partners.
        let launch = [("Africa", 7, 14), ("Asia-Pacific", 8, 18), ("Latin America & Caribbean", 9, 15),
                      ("Middle East & North Africa", 10, 13), ("Europe & Central Asia", 11, 10), ("North America", 12, 8)]
        for (i, (region, month, d)) in launch.enumerated() {
            list.append(Activity(kind: "webinar", title: "Decentralization in \(region): regional dialogue", held: day(2021, month, d),
                                 participants: 90 + rng.int(0..<150), partners: [1 + i % 4, 1 + (i + 1) % 4]))
        }
        // A newsletter every two months from August 2021.
        var issue = 1
        for y in 2021...2023 {
            for m in stride(from: 2, through: 12, by: 2) where !(y == 2021 && m < 8) {
                list.append(Activity(kind: "newsletter", title: "Alliance Newsletter No. \(issue)", held: day(y, m, 1)))
                issue += 1
            }
        }
        list.append(Activity(kind: "convening", title: "Open planning meeting", held: day(2022, 6, 15), participants: 180, partners: [1, 4]))
        let topics = ["Own-source revenue", "Intergovernmental transfers", "Local public investment", "Subnational borrowing",
                      "Participatory budgeting", "Local government performance", "Service delivery in fragile settings",
                      "Climate finance for local governments", "Digital public services", "Metropolitan governance"]
        for i in 0..<8 {
            list.append(Activity(kind: "webinar", title: "Learning series: \(topics[i])", held: day(2022, 2 + i, 10 + rng.int(0..<15)),
                                 participants: 60 + rng.int(0..<120), partners: i % 3 == 0 ? [5 + i % 4] : []))
        }
        for i in 0..<10 {
            list.append(Activity(kind: "webinar", title: "Learning series: \(topics[(i + 3) % topics.count])", held: day(2023, 1 + i, 8 + rng.int(0..<15)),
                                 participants: 70 + rng.int(0..<140), partners: i % 2 == 0 ? [1 + i % 9] : []))
        }
        for i in 0..<6 {
            list.append(Activity(kind: "online course", title: "Introduction to Fiscal Decentralization, session \(i + 1)",
                                 held: day(2022, 9 + i / 2, 5 + 14 * (i % 2)), participants: 45 + rng.int(0..<20)))
        }
        for i in 0..<8 {
            list.append(Activity(kind: "online course", title: "Local Government Finance in Practice, session \(i + 1)",
                                 held: day(2023, 3 + i / 2, 6 + 14 * (i % 2)), participants: 50 + rng.int(0..<25)))
        }
        let products2022 = ["State of Local Governance brief", "Guide to municipal revenue mapping", "Case studies: participatory budgeting"]
        for (i, title) in products2022.enumerated() {
            list.append(Activity(kind: "knowledge product", title: title, held: day(2022, 4 + 3 * i, 20)))
        }
        let products2023 = ["Fiscal transfers explainer", "Working paper: local climate finance", "Toolkit: digital service delivery",
                            "Regional review: Africa", "Policy note: metropolitan governance"]
        for (i, title) in products2023.enumerated() {
            list.append(Activity(kind: "knowledge product", title: title, held: day(2023, 2 + 2 * i, 25)))
        }
        list.append(Activity(kind: "dataset", title: "Local Government Finance Dataset", held: day(2023, 9, 29)))
        for i in 0..<2 {
            list.append(Activity(kind: "technical support", title: "Peer support: revenue administration reform \(i + 1)",
                                 held: day(2022, 5 + 4 * i, 12), participants: 12 + rng.int(0..<18)))
        }
        for i in 0..<4 {
            list.append(Activity(kind: "technical support", title: "Peer support: local planning \(i + 1)",
                                 held: day(2023, 3 + 2 * i, 16), participants: 10 + rng.int(0..<20)))
        }
        // Working-group meetings: monthly from the month after each group is established.
        for (g, group) in SampleReferenceData.workingGroups.enumerated() {
            let established = CalendarDate(iso: group.established)!
            for month in (established.month + 1)...12 {
                list.append(Activity(kind: "convening", title: "\(group.name) meeting", held: day(2023, month, 20 - g),
                                     group: g + 1, participants: 12 + rng.int(0..<25)))
            }
        }
        list.append(Activity(kind: "convening", title: "Annual Members' Assembly", held: day(2023, 11, 22), participants: 320, partners: [1, 2, 3, 9]))
        return list.sorted { ($0.held, $0.title) < ($1.held, $1.title) }
    }

    private func writeActivities(_ db: Database, _ people: [Person], _ rosters: [GroupRoster], scale: Double, _ rng: inout SplitMix64) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO activities (id, kind, title, held_on, working_group_id, participants) VALUES (?, ?, ?, ?, ?, ?)")
        let partner = try db.makeStatement(sql: "INSERT INTO activity_partners (activity_id, partner_id) VALUES (?, ?)")
        let attend = try db.makeStatement(sql: "INSERT INTO attendance (activity_id, member_id) VALUES (?, ?)")
        // People are in join order, so those who joined by a day are a prefix of the array.
        let joinedDays = people.map(\.joined)
        for (i, activity) in calendar(&rng).enumerated() {
            let id = i + 1
            let participants = activity.participants.map { max(1, Int((Double($0) * scale).rounded())) }
            try insert.execute(arguments: [id, activity.kind, activity.title, activity.held.iso, activity.group, participants])
            for p in Set(activity.partners).sorted() { try partner.execute(arguments: [id, p]) }
            guard let count = participants else { continue }
            // About half of the participants are members who registered with their account.
            let day = activity.held.daysSinceEpoch
            let isActive = { (m: Int) -> Bool in people[m - 1].joined <= day && (people[m - 1].left.map { $0 > day } ?? true) }
            var pool: [Int]
            if let g = activity.group {
                pool = rosters[g - 1].filter { $0.joined <= day && isActive($0.member) }.map(\.member)
            } else {
                pool = []
            }
            let eligible = activity.group == nil ? upperBound(joinedDays, day) : pool.count
            let wanted = min(count / 2, eligible / 2)
            var chosen = Set<Int>()
            var tries = 0
            while chosen.count < wanted && tries < wanted * 20 {
                tries += 1
                let m = activity.group == nil ? 1 + rng.int(0..<eligible) : pool[rng.int(0..<pool.count)]
                if isActive(m) { chosen.insert(m) }
            }
            for m in chosen.sorted() { try attend.execute(arguments: [id, m]) }
        }
    }

    /// The number of elements ≤ `value` in a sorted array.
    private func upperBound(_ sorted: [Int], _ value: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] <= value { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    // MARK: - Grants and targets

    private func writeGrantsAndTargets(_ db: Database, scale: Double) throws {
        try db.execute(sql: """
            INSERT INTO grants (id, funder, title, amount_cents, currency, starts_on, ends_on, purpose)
            VALUES (1, 'Civic Futures Foundation', 'Operating support 2022–2024', 45000000, 'USD', '2022-01-01', '2024-12-31',
                    'General operating support for the secretariat, the working groups and the learning programme')
            """)
        let targets: [(String, Double, String)] = [
            ("members.end", (1_500 * scale).rounded(), "Strategic plan: 1,500 members by the end of 2023"),
            ("members.new", (500 * scale).rounded(), "Recruitment through working groups and the learning series"),
            ("countries.count", 85, "Reach at least 85 countries"),
            ("working_groups.established", 6, "Launch regional and thematic working groups"),
            ("activities.by_kind[webinar]", 8, "Webinars in the learning series"),
            ("activities.count", 60, "All activities, including newsletters and publications"),
        ]
        for (i, t) in targets.enumerated() {
            try db.execute(sql: "INSERT INTO targets (id, metric, starts_on, ends_on, value, note) VALUES (?, ?, '2023-01-01', '2023-12-31', ?, ?)",
                           arguments: [i + 1, t.0, t.1, t.2])
        }
    }
}
