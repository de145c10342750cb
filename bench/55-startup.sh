#!/usr/bin/env bash
# Benchmark: what a build costs before any page — a one-paragraph report (bench/reports/one-page.md,
# a cover and one page) on the 1,640-member sample, beside `almanac --version` (the process alone:
# loading, the Swift runtime). Interleaved runs (bench/side_by_side.py), median and min–max; and the
# median of each phase from `--timings`. Goal (issue 15): the report well under 0.1 s.
# Usage: bash bench/55-startup.sh path/to/almanac
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-20}
db=$(sample_db 1640)
report="$(dirname "$0")/reports/one-page.md"
cmd="$ALMANAC build $report --db $db --year 2023 --out $DATA/one-page.pdf"
$cmd > /dev/null 2>&1
echo
echo "### A one-page report: $(pdf_pages "$DATA/one-page.pdf") pages, peak RSS $(peak_rss_mb $cmd) MB"
echo
echo "| command | median | min–max |"
echo "| --- | ---: | ---: |"
python3 "$(dirname "$0")/side_by_side.py" --runs "$RUNS" --warmup 2 "almanac build" "$cmd" "almanac --version" "$ALMANAC --version"
echo
echo "Phases (median of $RUNS \`--timings\` runs):"
echo
for _ in $(seq "$RUNS"); do $cmd --timings 2>&1 >/dev/null; done | python3 -c '
import re, statistics, sys
phases = {}
for line in sys.stdin:
    m = re.match(r"(\w[\w ]*?)(?: \(\d+ passes?\))?: ([0-9.]+) s$", line.strip())
    if m: phases.setdefault(m.group(1), []).append(float(m.group(2)))
for name, values in phases.items(): print(f"- {name}: {statistics.median(values) * 1000:.1f} ms")
'
