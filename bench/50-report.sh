#!/usr/bin/env bash
# Benchmark: `almanac build` of the Year in Review on sample databases of 1,640 and 100,000 members
# (the member directory grows with the membership). Whole-process wall time: hyperfine median of
# at least 5 runs; peak memory: /usr/bin/time -v. Usage: bash bench/50-report.sh path/to/almanac
set -euo pipefail
ALMANAC=${1:-.build/release/almanac}
DATA=bench/data
mkdir -p "$DATA"
echo
echo "### almanac build Reports/year-in-review.md"
echo
echo "| members | pages | median wall time (s) | peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: |"
for n in 1640 100000; do
  db="$DATA/report-$n.db"
  [ -f "$db" ] || "$ALMANAC" sample "$db" --members "$n" > /dev/null
  pdf="$DATA/yir-$n.pdf"
  cmd="$ALMANAC build Reports/year-in-review.md --db $db --out $pdf"
  hyperfine --runs 5 --warmup 1 --style none --export-json "$DATA/yir-$n.json" "$cmd" > /dev/null
  median=$(python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$DATA/yir-$n.json")
  rss_kb=$(/usr/bin/time -v $cmd 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf "| %s | %s | %s | %s |\n" "$n" "$pages" "$median" "$((rss_kb / 1024))"
done
