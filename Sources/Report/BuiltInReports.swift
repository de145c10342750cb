/// The Year in Review that `almanac build` runs when no report is named: a copy of
/// `Reports/year-in-review.md` inside the binary, so it works from any folder. A test keeps the
/// two identical; edit the file in Reports/ and paste it here.
public enum BuiltInReports {
    public static let yearInReviewName = "year-in-review.md (built in)"

    public static let yearInReview = #"""
---
title: "Year in Review {{ year }}"
subtitle: A global network for decentralization and local governance
organization: Local Public Sector Alliance
author: Executive Director, Local Public Sector Alliance
signature: Executive Director
period: 2023
created: 2024-01-31
keywords: annual report, membership, local governance
output: "year-in-review-{{ year }}.pdf"
funder: Civic Futures Foundation
---

```toc
title: Contents
depth: 2
```

---

# Letter from the Executive Director

Dear members, partners and friends,

The Local Public Sector Alliance exists so that the people who make local government work —
officials, researchers, advocates and practitioners — can learn from one another across borders.
In {{ year }} that idea grew faster than ever.

Membership grew {{ members.growth | over_percent }} over the year, to {{ members.end | over }}
members in {{ countries.count | plural: "country", "countries" }}. We welcomed
{{ members.new | plural: "new member" }}, and {{ members.retention | percent }} of the people who
were members at the start of the year are still with us at its end.

This was also the year our members organized themselves. {{ working_groups.established | plural: "working group" }}
were established — regional groups that bring neighbours together and thematic groups that
gather specialists wherever they are. Between them they have already met in
{{ activities.by_kind[convening] | plural: "convening" }}, alongside
{{ activities.by_kind[webinar] | plural: "webinar" }} and a programme of courses and publications:
{{ activities.count | plural: "activity", "activities" }} in all, with
{{ activities.participants | number }} participants recorded.

None of this would be possible without the {{ funder }}, whose operating support carries our
secretariat, nor without the members who volunteer their time to chair groups, speak in
webinars and review our publications. Thank you.

With gratitude,

*{{ signature }}*

---

# The year in numbers

```kpis
- metric: members.end
  label: Members at year end
  sparkline: members.monthly
- metric: members.new
  label: New members
- metric: countries.count
  label: Countries
- metric: activities.count
  label: Activities
```

## Membership

Membership is counted on each month's last day. The network counted
{{ members.end | number }} members at the end of {{ year }}, up from
{{ members.start | number }} a year earlier; {{ members.lapsed | number }} members left during the year.

```chart
type: line
data: members.monthly
title: Members at each month end
source: "Source: membership database, {{ period.end | date }}"
```

```chart
type: grouped-bar
data: members.by_region
title: "Members by region, {{ previous_year }} and {{ year }}"
compare: true
sort: value
```

```table
data: members.by_region
columns: [key, previous, value, change_pct, share]
labels: { key: Region }
totals: true
```

## Who our members are

```chart
type: donut
data: members.by_sector
title: "Members by sector, {{ year }}"
```

# Activities

```chart
type: bar
data: activities.by_kind
title: "Activities by kind, {{ year }}"
sort: value
```

## Working groups

```table
data: working_groups.members
columns: [key, value]
labels: { key: Working group, value: Members }
sort: value
```

## All activities

```table
data: activities
columns: [date, kind, title, participants]
```

## Targets

```table
data: targets
```

---

# Member directory

Members at the end of {{ year }}, by region, sorted by name.

```directory
group: region
columns: [name, country, sector, joined]
```

"""#
}
