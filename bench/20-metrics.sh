#!/usr/bin/env bash
# Benchmark: `almanac metrics DB --year 2023 --format json` (every metric for 2023 beside 2022) on
# sample databases of 1,640 / 100,000 / 1,000,000 members, generated once and cached in bench/data/.
# Whole-process wall time: hyperfine median of 10 runs; in-process computation: median of the
# `--timings` line over 10 runs; CPU time (user + system, hyperfine's mean), which a busy shared
# machine does not inflate the way it inflates wall time; peak memory: /usr/bin/time -v.
# Goals (issue 4): 1,640 members < 20 ms in-process; 1,000,000 members < 1 s and < 100 MB.
# Usage: bash bench/20-metrics.sh path/to/almanac
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=10
echo
echo "### almanac metrics --year 2023 --format json"
echo
echo "| members | median wall time (ms) | median in-process metrics (ms) | CPU time (ms) | peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for n in 1640 100000 1000000; do
  db=$(sample_db "$n")
  cmd="$ALMANAC metrics $db --year 2023 --format json"
  hyperfine --runs "$RUNS" --warmup 2 --style none --export-json "$DATA/metrics-$n.json" "$cmd" > /dev/null
  read -r median cpu < <(python3 -c "import json,sys; r = json.load(open(sys.argv[1]))['results'][0]; print('%.1f %.1f' % (r['median'] * 1000, (r['user'] + r['system']) * 1000))" "$DATA/metrics-$n.json")
  inprocess=$(for _ in $(seq "$RUNS"); do $cmd --timings 2>&1 >/dev/null | sed -n 's/.*metrics computed in \([0-9.]*\) ms.*/\1/p'; done \
    | python3 -c "import statistics,sys; print('%.1f' % statistics.median(float(x) for x in sys.stdin))")
  printf "| %s | %s | %s | %s | %s |\n" "$(python3 -c "print(f'{$n:,}')")" "$median" "$inprocess" "$cpu" "$(peak_rss_mb $cmd)"
done

# Side by side with the metrics as someone would first write them in the sqlite3 shell
# (bench/sql/straightforward-metrics.sql), interleaved on the 1,000,000-member database.
# Goal (issue 15): the straightforward SQL ≥ 5× slower than almanac, almanac ≤ 1 s.
db=$(sample_db 1000000)
echo
echo "### almanac metrics beside the straightforward SQL (1,000,000 members)"
echo
echo "| command | median | min–max |"
echo "| --- | ---: | ---: |"
python3 "$(dirname "$0")/side_by_side.py" --runs 5 --warmup 1 \
  almanac "$ALMANAC metrics $db --year 2023 --format json" \
  "sqlite3 shell" "sqlite3 -readonly $db < $(dirname "$0")/sql/straightforward-metrics.sql"
