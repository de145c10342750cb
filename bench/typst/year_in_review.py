#!/usr/bin/env python3
"""The Year in Review's content as a Typst document, for the side-by-side benchmark (bench/60-typst.sh).

Reads the same numbers Almanac prints (`almanac metrics --format json`) and the same records
(activities, the member directory) from the database, and writes Typst markup with what the
built-in Year in Review contains: a cover, a contents page, the letter, KPI tiles, a line chart of
members at each month end, grouped bars by region, a region table, sector and activity bars, the
working-group, activity and target tables, and the member directory grouped by region, with a
running header and "Page X of Y". Charts are drawn with Typst's own shapes (no packages, so it
compiles offline). Usage: year_in_review.py METRICS.json DB OUT.typ
"""
import json
import sqlite3
import sys


def esc(text):
    """Text as Typst markup: characters that start markup are escaped."""
    return "".join("\\" + ch if ch in '\\#*_`$<>@[]~/"=-+' else ch for ch in str(text))


def num(x):
    return f"{x:,.0f}" if x is not None else "—"


def pct(x):
    return f"{x * 100:.0f}%" if x is not None else "—"


def bars(rows, width_pt=420, bar_h=14, previous=False):
    """Horizontal bars as a grid of labels and boxes."""
    top = max([r["value"] for r in rows] + [r.get("previous") or 0 for r in rows] + [1])
    cells = []
    for r in rows:
        w = max(0.5, width_pt * r["value"] / top)
        bar = f'box(width: {w:.1f}pt, height: {bar_h}pt, fill: rgb("#0072b2"))'
        if previous and r.get("previous") is not None:
            pw = max(0.5, width_pt * r["previous"] / top)
            bar = f'stack(spacing: 2pt, box(width: {pw:.1f}pt, height: {bar_h * 0.6:.1f}pt, fill: rgb("#a9c6dc")), {bar})'
        cells.append(f'[{esc(r["key"] or "Not stated")}], {bar}, align(right)[{num(r["value"])}]')
    return "#grid(columns: (auto, 1fr, auto), column-gutter: 8pt, row-gutter: 6pt, align: horizon,\n  " + ",\n  ".join(cells) + ")\n"


def line_chart(points, width=440, height=180):
    top = max([p["value"] for p in points] + [1])
    n = max(1, len(points) - 1)
    coords = ", ".join(f"curve.{'move' if i == 0 else 'line'}(({i * width / n:.1f}pt, {height - height * p['value'] / top:.1f}pt))"
                       for i, p in enumerate(points))
    ticks = "\n".join(
        f'  #place(dx: 0pt, dy: {height - height * t / top:.1f}pt, line(length: {width}pt, stroke: 0.3pt + luma(200)))\n'
        f'  #place(dx: -34pt, dy: {height - height * t / top - 4:.1f}pt, text(size: 7pt)[{num(t)}])'
        for t in range(0, int(top) + 1, max(1, int(top / 4) // 100 * 100 or 1)))
    return f"""#box(width: {width}pt, height: {height + 10}pt, inset: (left: 36pt))[
{ticks}
  #place(curve(stroke: 1.5pt + rgb("#0072b2"), {coords}))
]
"""


def table(header, rows, numeric):
    cols = ", ".join("auto" if i in numeric else "1fr" for i in range(len(header)))
    align = "(" + ", ".join("right" if i in numeric else "left" for i in range(len(header))) + ")"
    head = ", ".join(f"[*{esc(h)}*]" for h in header)
    body = ",\n  ".join(", ".join(f"[{esc(c)}]" for c in row) for row in rows)
    return (f"#table(columns: ({cols}), align: {align}, stroke: none, fill: (x, y) => if y == 0 {{ rgb(\"#e3ebf2\") }} "
            f"else if calc.even(y) {{ rgb(\"#f5f7f9\") }},\n  table.header({head}),\n  {body})\n")


def main(metrics_path, db_path, out_path):
    data = json.load(open(metrics_path))
    m = data["metrics"]
    year = data["period"]["start"][:4]
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    org = db.execute("SELECT name FROM organization").fetchone()
    org = org[0] if org else "Our organization"
    end = data["period"]["end"]
    out = []
    w = out.append
    w(f"""#set document(title: "Year in Review {year}", author: "{esc(org)}")
#set text(font: ("Inter", "Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans CJK SC"), size: 10pt)
#set par(justify: false, leading: 0.65em)
#set page(paper: "a4", margin: (x: 64pt, y: 68pt),
  header: context {{ if counter(page).get().first() > 1 [#text(size: 8pt, fill: luma(100))[Year in Review {year} #h(1fr) {esc(org)}]] }},
  footer: context {{ if counter(page).get().first() > 1 [#align(center, text(size: 8pt, fill: luma(100))[Page #counter(page).display() of #counter(page).final().first()])] }})
#show heading.where(level: 1): it => {{ pagebreak(weak: true); text(size: 20pt, fill: rgb("#124a72"), it) }}

#align(center + horizon)[#text(size: 30pt, weight: "bold")[Year in Review {year}] \\ #text(size: 14pt)[{esc(org)}]]
#pagebreak()
#outline(depth: 2)

= Letter from the Executive Director

Dear members, partners and friends,

In {year} membership went from {num(m["members.start"]["value"])} to {num(m["members.end"]["value"])} members
in {num(m["countries.count"]["value"])} countries. We welcomed {num(m["members.new"]["value"])} new members, and
{pct(m["members.retention"]["value"])} of the people who were members at the start of the year are still with us at its end.
We held {num(m["activities.count"]["value"])} activities with {num(m["activities.participants"]["value"])} participants,
and {pct(m["engagement.rate"]["value"])} of our members took part in at least one of them.

Our working groups now number {num(m["working_groups.total"]["value"])}. They meet, publish and advise, and they are
where most of the network's learning happens. Thank you for making this year what it was.

= The year in numbers

#grid(columns: (1fr, 1fr, 1fr), gutter: 10pt,
""")
    tiles = [("Members", "members.end"), ("New members", "members.new"), ("Countries", "countries.count"),
             ("Activities", "activities.count"), ("Participants", "activities.participants"), ("Working groups", "working_groups.total")]
    w(",\n".join(
        f'  box(fill: rgb("#eef3f7"), inset: 10pt, width: 100%)[#text(size: 8pt)[{label}] \\ #text(size: 22pt, weight: "bold")[{num(m[name]["value"])}] \\ '
        f'#text(size: 8pt)[{num(m[name]["previous"])} in {int(year) - 1}]]' for label, name in tiles) + ")\n\n")
    w("== Membership\n\nMembers at each month end\n\n")
    w(line_chart(m["members.monthly"]))
    w("\nMembers by region\n\n")
    w(bars(m["members.by_region"], previous=True))
    w("\n")
    w(table(["Region", str(int(year) - 1), year, "Change", "Share"],
            [[r["key"] or "No region", num(r["previous"]), num(r["value"]), pct(r["change_pct"]), pct(r["share"])] for r in m["members.by_region"]],
            {1, 2, 3, 4}))
    w("\n== Who our members are\n\n")
    w(bars(m["members.by_sector"]))
    w("\n= Activities\n\n")
    w(bars(m["activities.by_kind"]))
    w("\n== Working groups\n\n")
    w(table(["Working group", "Members"], [[r["key"], num(r["value"])] for r in m["working_groups.members"]], {1}))
    w("\n== All activities\n\n")
    acts = db.execute("SELECT held_on, kind, title, participants FROM activities WHERE held_on BETWEEN ? AND ? ORDER BY held_on, title",
                      (data["period"]["start"], end)).fetchall()
    w(table(["Date", "Kind", "Activity", "Participants"], [[a[0], a[1] or "—", a[2], num(a[3])] for a in acts], {3}))
    w("\n== Targets\n\n")
    w(table(["Goal", "Target", "Actual"], [[t["metric"], num(t["target"]), num(t["actual"])] for t in data.get("targets", [])], {1, 2}))
    w("\n= Member directory\n\n")
    rows = db.execute("""SELECT r.name, m.name, c.name, m.sector, substr(m.joined_on, 1, 4)
        FROM members m LEFT JOIN countries c ON c.code = m.country_code LEFT JOIN regions r ON r.id = c.region_id
        WHERE m.joined_on <= ?1 AND (m.left_on IS NULL OR m.left_on > ?1) ORDER BY r.name IS NULL, r.name, m.name, m.id""", (end,)).fetchall()
    group = object()
    batch = []

    def flush():
        if batch:
            w(table(["Name", "Country", "Sector", "Member since"], batch, {3}))

    for region, name, country, sector, joined in rows:
        if region != group:
            flush()
            batch = []
            group = region
            w(f"\n== {esc(region or 'No region')}\n\n")
        batch.append([name, country or "—", (sector or "—").capitalize(), joined])
    flush()
    open(out_path, "w").write("".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:4])
