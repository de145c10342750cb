#!/usr/bin/env bash
# Benchmark: `almanac build` of the Year in Review on sample databases of 1,640 and 100,000 members
# (the member directory grows with the membership). Whole-process wall time: hyperfine median of
# at least 5 runs; peak memory: /usr/bin/time -v. Usage: bash bench/50-report.sh path/to/almanac
set -euo pipefail
source "$(dirname "$0")/lib.sh"
echo
echo "### almanac build Reports/year-in-review.md"
echo
echo "| members | pages | median wall time (s) | peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: |"
for n in 1640 100000; do
  db=$(sample_db "$n")   # the same cached databases as the metrics benchmark
  pdf="$DATA/yir-$n.pdf"
  cmd="$ALMANAC build Reports/year-in-review.md --db $db --out $pdf"
  hyperfine --runs 5 --warmup 1 --style none --export-json "$DATA/yir-$n.json" "$cmd" > /dev/null
  printf "| %s | %s | %s | %s |\n" "$n" "$(pdf_pages "$pdf")" "$(median_of "$DATA/yir-$n.json")" "$(peak_rss_mb $cmd)"
done
