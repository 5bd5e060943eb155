#!/usr/bin/env bash
# Ingest benchmark: build `parallax` in release mode, synthesise the input if it
# is missing, ingest it into a fresh store under /usr/bin/time -v, and print
# articles/s, wall time and peak RSS.
#
#   bench/ingest/run.sh                 # 100,000 articles in one .warc.gz
#   N=20000 bench/ingest/run.sh         # smaller WARC
#   MIXED=1 N=10000 bench/ingest/run.sh # txt/html/jsonl directory tree instead
#   KEEP_DATA=1 bench/ingest/run.sh     # re-ingest into the existing store (measures the duplicate path)
#
# PARALLAX_SHARED (default ../shared next to the repository) locates the pages.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

mixed="${MIXED:-0}"
if [[ "$mixed" == 1 ]]; then n="${N:-10000}"; else n="${N:-100000}"; fi
if (( n % 1000 == 0 )); then label="$((n / 1000))k"; else label="$n"; fi
out_dir="bench/out"
data_dir="$out_dir/data"
if [[ "$mixed" == 1 ]]; then input="$out_dir/synth-mixed-$n"; else input="$out_dir/synth-$label.warc.gz"; fi

[[ -x /usr/bin/time ]] || { echo "GNU time is required at /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "== building parallax (release)" >&2
cargo build --release -p parallax-cli >&2

if [[ ! -e "$input" ]]; then
  echo "== synthesising $input" >&2
  if [[ "$mixed" == 1 ]]; then
    python3 bench/ingest/synth.py --mixed -n "$n" -o "$input"
  else
    python3 bench/ingest/synth.py -n "$n" -o "$input"
  fi
fi

# A fresh store unless asked otherwise: a second ingest of the same input is
# all duplicates and measures a different path.
if [[ "${KEEP_DATA:-0}" != 1 ]]; then rm -rf "$data_dir"; fi
mkdir -p "$data_dir"

time_log="$out_dir/ingest-time.log"
run_log="$out_dir/ingest-output.log"
echo "== ingesting $input" >&2
/usr/bin/time -v -o "$time_log" target/release/parallax --data "$data_dir" ingest "$input" >"$run_log" 2>&1 || {
  echo "parallax ingest failed; last lines of $run_log:" >&2
  tail -n 20 "$run_log" >&2
  exit 1
}

summary="$(grep -Eo 'read [0-9]+, new [0-9]+(, [a-z]+ [0-9]+)*' "$run_log" | tail -n 1 || true)"
wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$time_log")"
rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$time_log")"
cpu="$(sed -n 's/.*Percent of CPU this job got: //p' "$time_log")"
# h:mm:ss or m:ss(.ss) -> seconds
wall_s="$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$wall")"
read_n="$(grep -Eo 'read [0-9]+' <<<"$summary" | grep -Eo '[0-9]+' || echo "$n")"
rate="$(awk -v n="$read_n" -v s="$wall_s" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')"

echo "input:       $input ($(du -sh "$input" | cut -f1))"
echo "summary:     ${summary:-<no summary line found in $run_log>}"
echo "wall time:   $wall (${wall_s} s), CPU ${cpu}"
echo "articles/s:  $rate"
echo "peak RSS:    $((rss_kb / 1024)) MB"
echo "store size:  $(du -sh "$data_dir" | cut -f1)"
echo "machine:     $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d)"
