#!/usr/bin/env bash
# Import time of a 100,000-member CiviCRM membership export with the civicrm preset into a fresh
# `init` database: hyperfine median of 5 whole-process runs, and the peak resident memory.
set -euo pipefail
source bench/lib.sh
N=${N:-100000}
CSV="$DATA/civicrm-$N.csv"
[ -f "$CSV" ] || python3 bench/generate-civicrm.py "$N" > "$CSV"
DB="$DATA/import.db"
prepare="rm -f $DB && $ALMANAC init $DB > /dev/null"
cmd="$ALMANAC import $DB members $CSV --preset civicrm"
hyperfine --runs 5 --prepare "$prepare" --style none --export-json "$DATA/import-$N.json" "$cmd" > /dev/null
eval "$prepare"
rss=$(peak_rss_mb $ALMANAC import "$DB" members "$CSV" --preset civicrm)
echo "import $N CiviCRM members (civicrm preset): median $(median_of "$DATA/import-$N.json") s, peak ${rss} MB"
