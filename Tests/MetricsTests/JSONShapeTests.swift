import Foundation
import Testing
@testable import Metrics
import Store

@Suite struct JSONShapeTests {
    @Test func theStableShape() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        let object = try #require(try JSONSerialization.jsonObject(with: m.jsonData()) as? [String: Any])
        #expect(Set(object.keys) == ["period", "previous_period", "metrics", "grants", "targets", "notes"])
        #expect(object["period"] as? [String: String] == ["start": "2023-01-01", "end": "2023-12-31"])
        #expect(object["previous_period"] as? [String: String] == ["start": "2022-01-01", "end": "2022-12-31"])
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(Set(metrics.keys) == Set(MetricCatalogue.names))
        let end = try #require(metrics["members.end"] as? [String: Any])
        #expect(Set(end.keys) == ["value", "previous", "change", "change_pct"])
        #expect(end["value"] as? Int == 4)
        let regions = try #require(metrics["members.by_region"] as? [[String: Any]])
        #expect(regions.allSatisfy { Set($0.keys) == ["key", "value", "share", "previous", "change_pct"] })
        // The row of members with no region has a null key, written out rather than left off.
        #expect(regions.contains { $0["key"] is NSNull })
        let wg = try #require(metrics["working_groups.members"] as? [[String: Any]])
        #expect(wg.first { $0["key"] as? String == "Africa WG" }?["previous"] is NSNull)
        let target = try #require((object["targets"] as? [[String: Any]])?.first)
        #expect(Set(target.keys) == ["id", "metric", "starts_on", "ends_on", "target", "actual", "note"])
        let grant = try #require((object["grants"] as? [[String: Any]])?.first { $0["id"] as? Int == 2 } ?? (object["grants"] as? [[String: Any]])?.first)
        #expect(Set(grant.keys) == ["id", "funder", "title", "amount_cents", "currency", "starts_on", "ends_on", "purpose"])
    }

    @Test func sameDataSameBytesAndARoundTrip() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let a = try f.metrics(year(2023)).jsonData()
        let b = try f.metrics(year(2023)).jsonData()
        #expect(a == b)
        let decoded = try JSONDecoder().decode(MetricSet.self, from: a)
        #expect(decoded == (try f.metrics(year(2023))))
        // Keys are sorted, so the text is stable: "members.end" comes before "members.new".
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.range(of: "\"members.end\"")!.lowerBound < text.range(of: "\"members.new\"")!.lowerBound)
        #expect(!text.contains("NaN") && !text.contains("inf"))
    }
}

@Suite struct MetricReferenceTests {
    @Test func referencesResolveAgainstTheSet() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        #expect(try m.value(of: "members.end") == 4)
        #expect(try m.value(of: "members.end.previous") == 3)
        #expect(try m.value(of: "members.end.change") == 1)
        #expect(try m.value(of: "activities.by_kind[webinar]") == 2)
        #expect(try m.value(of: "activities.by_kind[webinar].share") == 0.5)
        #expect(try m.value(of: "activities.by_kind[webinar].previous") == 1)
        #expect(try m.value(of: "members.by_region[Africa].change_pct") == -1.0 / 3)
        #expect(try m.value(of: "members.by_country[]") == 1)  // member 4 has no country
        // No row: none of that kind in the period.
        #expect(try m.value(of: "activities.by_kind[dataset]") == 0)
        #expect(try m.value(of: "activities.by_kind[dataset].previous") == nil)
    }

    @Test func badReferencesSayWhatIsWrong() {
        #expect(throws: MetricsError("unknown metric 'members.ned' (did you mean members.end?); `almanac metrics --list` shows every name")) {
            try MetricReference(parsing: "members.ned")
        }
        #expect(throws: MetricsError("metric 'members.end[x]': members.end is a single number with no groups; drop the [x]")) {
            try MetricReference(parsing: "members.end[x]")
        }
        #expect(throws: MetricsError("metric 'activities.by_kind[webinar': missing ']' after the group key; write it like activities.by_kind[webinar]")) {
            try MetricReference(parsing: "activities.by_kind[webinar")
        }
        #expect(throws: MetricsError.self) { try MetricReference(parsing: "members.by_region") }
        #expect(throws: MetricsError.self) { try MetricReference(parsing: "members.end.share") }
    }

    @Test func parsing() throws {
        #expect(try MetricReference(parsing: "activities.by_kind[online course]") == MetricReference(name: "activities.by_kind", key: "online course"))
        #expect(try MetricReference(parsing: "members.growth.change_pct") == MetricReference(name: "members.growth", field: .changePct))
        #expect(try MetricReference(parsing: "members.by_region[Africa].share").description == "members.by_region[Africa].share")
    }

    @Test func everyMetricHasADefinition() {
        let stable = ["members.start", "members.end", "members.new", "members.lapsed", "members.growth", "members.retention",
                      "members.monthly", "members.by_region", "members.by_country", "members.by_sector", "countries.count",
                      "working_groups.established", "working_groups.total", "working_groups.members", "activities.count",
                      "activities.by_kind", "activities.by_month", "activities.by_working_group", "activities.participants",
                      "activities.without_participants", "partners.engaged", "engagement.rate"]
        #expect(Set(stable).isSubset(of: Set(MetricCatalogue.names)))
        #expect(Set(MetricCatalogue.names).count == MetricCatalogue.all.count)
        #expect(MetricCatalogue.all.allSatisfy { !$0.definition.isEmpty })
    }
}

@Suite struct OutputTests {
    @Test func csvHasOneRowPerMetricAndGroup() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        let lines = try MetricCSV.render(m).split(separator: "\n").map(String.init)
        #expect(lines.first == "metric,key,value,previous,change,change_pct,share")
        #expect(lines.contains("members.end,,4,3,1,0.3333333333333333,"))
        #expect(lines.contains("members.growth,,0.3333333333333333,0.5,-0.16666666666666669,-0.33333333333333337,"))
        #expect(lines.contains("working_groups.members,Africa WG,1,,,,0.5"))
        #expect(lines.contains("members.by_region,,1,0,1,,0.25"))
        let rows = m.scalars.count + m.groups.values.reduce(0) { $0 + $1.count }
        #expect(lines.count == rows + 1)
    }

    @Test func csvQuotesKeysWithCommas() throws {
        let f = try Fixture(referenceSQL + """
            INSERT INTO members (id, name, country_code, sector, joined_on) VALUES (1, 'A', 'KE', 'research, "think tanks"', '2023-01-05');
            """)
        defer { f.cleanup() }
        #expect(try MetricCSV.render(try f.metrics(year(2023))).contains("members.by_sector,\"research, \"\"think tanks\"\"\",1,0,1,,1\n"))
    }

    @Test func tableIsAlignedWithThousandsSeparators() throws {
        let f = try Fixture.sample()
        defer { f.cleanup() }
        let text = MetricTable.render(try f.metrics(year(2023)))
        #expect(text.hasPrefix("Metrics for 2023-01-01 to 2023-12-31, compared with 2022-01-01 to 2022-12-31\n"))
        let end = try #require(text.split(separator: "\n").first { $0.hasPrefix("members.end ") })
        #expect(end.contains("1,639"))
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("metric ") })
        // Numbers are right-aligned under their heading.
        let column = { (line: Substring, text: String) in line.distance(from: line.startIndex, to: line.range(of: text)!.upperBound) }
        #expect(column(header, "value") == column(end, "1,639"))
        #expect(text.contains("members.by_region\n"))
        // Numbers as reports write them: a true minus, changes of ratios in points.
        #expect(text.split(separator: "\n").first { $0.hasPrefix("members.new ") }?.contains("−180") == true)
        #expect(text.split(separator: "\n").first { $0.hasPrefix("members.retention ") }?.contains("+1.0 pts") == true)
        #expect(text.contains("activities.by_kind[webinar]"))
    }
}
