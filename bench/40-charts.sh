#!/usr/bin/env bash
# Benchmark: 200 charts of mixed types (every gallery chart type and edge case, in turn) compiled
# by the Charts module, laid out as figures and written to one PDF by `almanac gallery --bench 200`.
# Whole-process wall time: hyperfine median of at least 5 runs; in-process chart compilation: the
# `--timings` line; peak memory: /usr/bin/time -v.
# Goal (issue 6): 200 charts into a PDF in under 0.5 s.
# Usage: bash bench/40-charts.sh path/to/almanac
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=10
echo
echo "### almanac gallery --bench (charts → layout → PDF)"
echo
echo "| charts | pages | median wall time (s) | median chart compilation (s) | peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for n in 200; do
  pdf="$DATA/charts-$n.pdf"
  cmd="$ALMANAC gallery --bench $n --out $pdf"
  hyperfine --runs "$RUNS" --warmup 1 --style none --export-json "$DATA/charts.json" "$cmd" > /dev/null
  median=$(median_of "$DATA/charts.json")
  compile=$(for _ in $(seq 5); do $cmd --timings 2>&1 >/dev/null | sed -n 's/^.*charts: \([0-9.]*\) s.*/\1/p'; done \
    | python3 -c "import statistics,sys; print('%.3f' % statistics.median(float(x) for x in sys.stdin))")
  printf "| %s | %s | %s | %s | %s |\n" "$n" "$(pdf_pages "$pdf")" "$median" "$compile" "$(peak_rss_mb $cmd)"
done
