# Shared helpers for bench/NN-*.sh (sourced, not run). Each script passes the almanac binary as $1.
ALMANAC=${1:-.build/release/almanac}
DATA=bench/data
mkdir -p "$DATA"

# The sample database of N members, generated once and cached; a file cached by an older almanac
# is upgraded to the current schema (a current one is untouched).
sample_db() {
  local db="$DATA/members-$1.db"
  [ -f "$db" ] || "$ALMANAC" sample "$db" --members "$1" > /dev/null
  "$ALMANAC" init "$db" > /dev/null
  echo "$db"
}

# hyperfine's median from its --export-json file, in seconds (or scaled: median_of FILE 1000).
median_of() {
  python3 -c "import json,sys; print('%.${3:-3}f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * float(sys.argv[2])))" "$1" "${2:-1}"
}

# Peak resident memory of one run of a command, in MB.
peak_rss_mb() {
  local kb
  kb=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
  echo $((kb / 1024))
}

# The page count of a PDF.
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
