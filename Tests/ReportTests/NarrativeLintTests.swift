import Metrics
import ReportSyntax
import Store
import Testing
@testable import Report

/// The lint on a corpus of true and false sentences about one hand-made year (numbers like the
/// sample's 2023): every qualifier, noun and phrase the README documents, with recall and false
/// alarms asserted exactly.
@Suite("lint: numbers bound to what they count")
struct NarrativeLintTests {
    static let metrics: MetricSet = {
        func s(_ v: Double?, _ p: Double?) -> ScalarMetric { ScalarMetric(value: v, previous: p) }
        return MetricSet(
            period: Period.year(2023)!, previousPeriod: Period.year(2022)!,
            scalars: [
                "members.start": s(1076, 320), "members.end": s(1639, 1076), "members.new": s(594, 780), "members.lapsed": s(31, 24),
                "members.growth": s(0.5232, 2.3625), "members.retention": s(0.982, 0.97), "countries.count": s(96, 90),
                "working_groups.established": s(7, 0), "working_groups.total": s(7, 0), "activities.count": s(80, 60),
                "activities.participants": s(3397, 2500), "activities.without_participants": s(12, 10), "partners.engaged": s(12, 9),
                "engagement.rate": s(0.45, 0.40),
            ],
            groups: ["activities.by_kind": [
                GroupRow(key: "webinar", value: 10, share: 0.125, previous: 6), GroupRow(key: "convening", value: 9, share: 0.11, previous: 3),
                GroupRow(key: "newsletter", value: 6, share: 0.075, previous: 6),
            ]])
    }()

    static let trueSentences = [
        "We have 1,639 members.", "We have over 1,600 members.", "We have more than 1,600 members.", "We have nearly 1,650 members.",
        "We have almost 1,640 members.", "We have about 1,600 members.", "We have at least 1,639 members.", "We have fewer than 1,700 members.",
        "Members came from 96 countries.", "Members came from over 90 countries.", "We held 10 webinars.", "We held nearly 10 webinars.",
        "We held about 80 activities.", "Activities drew 3,397 participants.", "Activities drew more than 3,000 participants.",
        "7 working groups were established.", "We welcomed 594 new members.", "Membership grew 52%.", "Membership grew over 50%.",
        "Retention of 98% shows loyalty.", "We ended with 1,639 members, up from 1,076 a year earlier.", "A year earlier we had 1,076 members.",
        "We worked with 12 partners.", "We held 9 convenings.", "We held fewer than 100 activities.", "About 45% of members took part in an activity.",
        "Membership rose to 1,639 members.", "31 members left during the year.", "In 2023 we held 80 activities.",
        "We reached members in at least 90 countries.", "Participation was strong: 3,397 participants.", "Membership grew from 1,076 to 1,639 members.",
    ]

    static let falseSentences = [
        "We have 1,500 members.", "We have over 1,700 members.", "We have more than 1,650 members.", "We have nearly 1,500 members.",
        "We have almost 1,800 members.", "We have about 1,200 members.", "We have at least 1,700 members.", "We have fewer than 1,600 members.",
        "Members came from 90 countries.", "Members came from over 100 countries.", "We held 12 webinars.", "We held more than 10 webinars.",
        "We held about 60 activities.", "Activities drew 3,000 participants.", "Activities drew more than 4,000 participants.",
        "5 working groups were established.", "We welcomed 700 new members.", "Membership grew 60%.", "Membership grew over 55%.",
        "Retention of 90% shows loyalty.", "We ended with 1,639 members, up from 1,000 a year earlier.", "A year earlier we had 1,200 members.",
        "We worked with 20 partners.", "We held 3 convenings.", "We held fewer than 50 activities.", "About 60% of members took part in an activity.",
        "Membership fell to 1,639 members.", "40 members left during the year.", "In 2023 we held 100 activities.",
        "We reached members in at least 100 countries.", "Participation was strong: 3,500 participants.", "Membership declined 52%.",
    ]

    static func flagged(_ sentence: String) throws -> NarrativeLint.Result {
        let definition = try ReportDefinition.parse("---\ntitle: Corpus\n---\n\(sentence)\n", file: "corpus.md")
        let context = ReportContext(metrics: metrics, settings: definition.settings)
        return NarrativeLint.check(definition, context: context)
    }

    @Test func corpusCoversTheQualifiersAndNouns() {
        let all = (Self.trueSentences + Self.falseSentences).joined(separator: " ").lowercased()
        for word in ["over", "more than", "nearly", "almost", "about", "at least", "fewer than", "members", "countries", "webinars",
                     "participants", "working groups", "grew", "retention", "up from", "a year earlier"] {
            #expect(all.contains(word), "the corpus never says '\(word)'")
        }
        #expect(Self.trueSentences.count >= 30 && Self.falseSentences.count >= 30)
    }

    @Test func recallAndFalseAlarmsOnTheCorpus() throws {
        let caught = try Self.falseSentences.filter { try !Self.flagged($0).problems.isEmpty }
        let alarms = try Self.trueSentences.filter { try !Self.flagged($0).problems.isEmpty }
        let missed = Self.falseSentences.filter { !caught.contains($0) }
        #expect(caught.count == 32, "missed: \(missed)")
        let details = try alarms.map { "\($0) → \(try Self.flagged($0).problems.map(\.message))" }
        #expect(alarms.isEmpty, "false alarms: \(details)")
    }

    @Test func everyTrueSentenceIsBoundNotSkipped() throws {
        for s in Self.trueSentences {
            let r = try Self.flagged(s)
            #expect(r.unchecked.isEmpty, "\(s): \(r.unchecked.map(\.message))")
            #expect(r.checked >= 1 || s.contains("rose to"), "\(s): nothing checked")
        }
    }

    @Test func anUnbindableNumberIsReportedAsUnchecked() throws {
        let r = try Self.flagged("Our score was 42 this time.")
        #expect(r.problems.isEmpty)
        #expect(r.unchecked.count == 1)
        #expect(r.unchecked.first?.description.hasPrefix("corpus.md:4:15: unchecked: cannot tell what 42 counts") == true, "\(r.unchecked)")
    }

    @Test func aHardCodedVerbOverAFallIsFlaggedAtItsWord() throws {
        let falling = MetricSet(period: Period.year(2023)!, previousPeriod: Period.year(2022)!,
                                scalars: ["members.growth": ScalarMetric(value: -0.33, previous: 0.1), "members.end": ScalarMetric(value: 720, previous: 1076)],
                                groups: [:])
        let definition = try ReportDefinition.parse("---\ntitle: T\n---\nMembership grew {{ members.growth | over_percent }} over the year.\n", file: "r.md")
        let r = NarrativeLint.check(definition, context: ReportContext(metrics: falling, settings: definition.settings))
        #expect(r.problems.map(\.location.description) == ["r.md:4:12"], "\(r.problems)")
        #expect(r.problems.first?.message.contains("members.growth fell") == true)
    }

    @Test func theLintReadsOnlyTheArmTheDataTakes() throws {
        let definition = try ReportDefinition.parse("---\ntitle: T\n---\n{% if members.growth < 0 %}Membership fell 12%.{% else %}We have 1,639 members.{% endif %}\n", file: "r.md")
        let r = NarrativeLint.check(definition, context: ReportContext(metrics: Self.metrics, settings: definition.settings))
        #expect(r.problems.isEmpty && r.checked == 1, "\(r.problems)")
    }
}
