#!/usr/bin/env bash
# Benchmark: 200 charts of mixed types (every gallery chart type and edge case, in turn) compiled
# by the Charts module, laid out as figures and written to one PDF by `almanac gallery --bench 200`.
# Whole-process wall time: hyperfine median of at least 5 runs; in-process chart compilation: the
# `--timings` line; peak memory: /usr/bin/time -v.
# Goal (issue 6): 200 charts into a PDF in under 0.5 s.
# Usage: bash bench/40-charts.sh path/to/almanac
set -euo pipefail
ALMANAC=${1:-.build/release/almanac}
OUT=bench/data
RUNS=10
mkdir -p "$OUT"
echo
echo "### almanac gallery --bench (charts → layout → PDF)"
echo
echo "| charts | pages | median wall time (s) | median chart compilation (s) | peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for n in 200; do
  pdf="$OUT/charts-$n.pdf"
  cmd="$ALMANAC gallery --bench $n --out $pdf"
  hyperfine --runs "$RUNS" --warmup 1 --style none --export-json "$OUT/charts.json" "$cmd" > /dev/null
  median=$(python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$OUT/charts.json")
  compile=$(for _ in $(seq 5); do $cmd --timings 2>&1 >/dev/null | sed -n 's/^.*charts: \([0-9.]*\) s.*/\1/p'; done \
    | python3 -c "import statistics,sys; print('%.3f' % statistics.median(float(x) for x in sys.stdin))")
  rss_kb=$(/usr/bin/time -v $cmd 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  printf "| %s | %s | %s | %s | %s |\n" "$n" "$pages" "$median" "$compile" "$((rss_kb / 1024))"
done
