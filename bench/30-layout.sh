#!/usr/bin/env bash
# Benchmark: the layout engine and PDF writer on synthetic documents made by the specimen command:
#   --bench-pages 100  about 100 A4 pages: paragraphs in seven scripts, a contents page, a long
#                      table per chapter (header repeated on each page), 10 figures
#   --table-rows N     one table; 38,000 rows ≈ 1,000 pages, 76,000 rows ≈ 2,000 pages
# Whole-process wall time: hyperfine median of at least 5 runs; peak memory: /usr/bin/time -v.
# Goals (issue 5): 100 pages < 0.3 s; 2,000 table pages < 3 s and < 300 MB.
# Usage: bash bench/30-layout.sh path/to/almanac
set -euo pipefail
source "$(dirname "$0")/lib.sh"
echo
echo "### almanac specimen (layout + tagged PDF)"
echo
echo "| document | pages | median wall time (s) | peak RSS (MB) |"
echo "| --- | ---: | ---: | ---: |"
run() { # label, runs, specimen arguments...
  local label=$1 runs=$2; shift 2
  local pdf="$DATA/layout-${label// /-}.pdf"
  local cmd="$ALMANAC specimen --out $pdf $*"
  hyperfine --runs "$runs" --warmup 1 --style none --export-json "$DATA/layout.json" "$cmd" > /dev/null
  printf "| %s | %s | %s | %s |\n" "$label" "$(pdf_pages "$pdf")" "$(median_of "$DATA/layout.json")" "$(peak_rss_mb $cmd)"
}
run "specimen" 10
run "mixed 100 pages" 10 --bench-pages 100
run "table 1000 pages" 5 --table-rows 38000
run "table 2000 pages" 5 --table-rows 76000
