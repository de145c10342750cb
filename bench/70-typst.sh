#!/usr/bin/env bash
# Side by side with Typst: the Year in Review (with its member directory) through `almanac build`
# and the same content as a Typst document (bench/typst/year_in_review.py writes it from the same
# metrics and records) through the PyPI `typst` package, in a venv this script creates and caches
# in bench/data/typst-venv. Interleaved runs (bench/side_by_side.py), median and min–max, ratio.
# Goals (issue 15): Typst ≥ 4× slower at 1,640 members, ≥ 7× at 100,000 with almanac ≤ 300 MB.
# Usage: bash bench/70-typst.sh path/to/almanac
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5}
VENV=$DATA/typst-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import typst" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "typst==0.15.2"
fi
cat > "$DATA/typst-compile.py" <<'PY'
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2])
PY
echo
echo "### Year in Review: almanac build beside Typst ($("$VENV/bin/pip" show typst | awk '/^Version/ {print $2}'))"
for n in ${SIZES:-1640 100000}; do
  db=$(sample_db "$n")
  "$ALMANAC" metrics "$db" --year 2023 --format json > "$DATA/typst-metrics-$n.json"
  python3 "$(dirname "$0")/typst/year_in_review.py" "$DATA/typst-metrics-$n.json" "$db" "$DATA/yir-$n.typ"
  almanac_cmd="$ALMANAC build Reports/year-in-review.md --db $db --year 2023 --set directory=true --out $DATA/yir-almanac-$n.pdf"
  typst_cmd="$VENV/bin/python $DATA/typst-compile.py $DATA/yir-$n.typ $DATA/yir-typst-$n.pdf"
  $almanac_cmd > /dev/null 2>&1; $typst_cmd
  echo
  echo "$(python3 -c "print(f'{$n:,}')") members: almanac $(pdf_pages "$DATA/yir-almanac-$n.pdf") pages, Typst $(pdf_pages "$DATA/yir-typst-$n.pdf") pages; almanac peak RSS $(peak_rss_mb $almanac_cmd) MB"
  echo
  echo "| command | median | min–max |"
  echo "| --- | ---: | ---: |"
  python3 "$(dirname "$0")/side_by_side.py" --runs "$RUNS" --warmup 1 almanac "$almanac_cmd" typst "$typst_cmd"
done
