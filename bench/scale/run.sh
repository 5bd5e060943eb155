#!/usr/bin/env bash
# Link-stage scale benchmark (issue 5: linking 100,000 articles in bounded
# memory, incrementally; issue 6: a 100k store for the load test).
#
#   bench/scale/run.sh                # N=100000, data in /tmp/parallax-scale
#   N=10000 bench/scale/run.sh        # smaller
#   SKIP_ORDER=1 bench/scale/run.sh   # leave out the shuffled-order check
#
# Steps, each under /usr/bin/time -v (wall time and peak RSS):
#   1. synthesise N articles (bench/scale/make_corpus.py, seed 1) and a
#      disjoint batch of ADD (default 300) more (seed 2);
#   2. ingest stage alone: read → extract → analyse → store (no linking);
#   3. full link: relink with no link cache and no stored stories;
#   4. no-op relink: nothing changed (every entry from the cache);
#   5. incremental: ingest the ADD batch, then relink;
#   6. order check: a 10k subset (or N if smaller) ingested into two data
#      dirs in two different orders, in four chunks each with a relink
#      after each chunk; `parallax stories --json --all` minus the
#      `updated_at` timestamps must be identical.
# The two stages are run through the `scale` example of parallax-pipeline
# (the same library calls as `parallax ingest`, split so each can be timed).
# PARALLAX_SHARED (default ../shared beside the repository) locates the texts.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
n="${N:-100000}"
add="${ADD:-300}"
work="${SCALE_DIR:-/tmp/parallax-scale}"
data="$work/data-$n"
mkdir -p "$work"
[[ -x /usr/bin/time ]] || { echo "GNU time is required at /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "== building (release)" >&2
cargo build --release -p parallax-pipeline --example scale >&2
scale="$root/target/release/examples/scale"

corpus="$work/corpus-$n.jsonl"
extra="$work/corpus-add$add.jsonl"
[[ -e "$corpus" ]] || python3 bench/scale/make_corpus.py -n "$n" -o "$corpus"
[[ -e "$extra" ]] || python3 bench/scale/make_corpus.py -n "$add" --seed 2 --offset "$n" -o "$extra"

# run NAME COMMAND...: runs under /usr/bin/time, keeps the JSON line it prints
# and the time log, and prints one table row.
rows=()
run() {
  local name="$1"; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.json" 2>"$work/$name.err" || {
    echo "$name failed; see $work/$name.err" >&2; tail -n 5 "$work/$name.err" >&2; exit 1; }
  local wall rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")"
  rows+=("$(printf '%-14s %10s %9s MB  %s' "$name" "$wall" "$((rss / 1024))" "$(cat "$work/$name.json")")")
}

rm -rf "$data"
run ingest "$scale" ingest "$data" "$corpus"
run link-full "$scale" link "$data"
run link-noop "$scale" link "$data"
run ingest-add "$scale" ingest "$data" "$extra"
run link-add "$scale" link "$data"

if [[ "${SKIP_ORDER:-0}" != 1 ]]; then
  subset=$(( n < 10000 ? n : 10000 ))
  head -n "$subset" "$corpus" >"$work/order-a.jsonl"
  python3 - "$work/order-a.jsonl" "$work/order-b.jsonl" <<'EOF'
import random, sys
lines = open(sys.argv[1], encoding="utf-8").readlines()
random.Random(7).shuffle(lines)
open(sys.argv[2], "w", encoding="utf-8").writelines(lines)
EOF
  for order in a b; do
    dir="$work/order-$order-data"; rm -rf "$dir"
    split -n l/4 -d "$work/order-$order.jsonl" "$work/order-$order-part"
    for part in "$work/order-$order-part"0*; do
      mv "$part" "$part.jsonl"
      "$scale" ingest "$dir" "$part.jsonl" >/dev/null
      "$scale" link "$dir" >/dev/null
    done
  done
  # The stored stories, without the time they were written.
  stories() { sqlite3 "$1/parallax.db" "SELECT id, title, article_count, outlets, first_published, last_published, report FROM stories ORDER BY id"; }
  if cmp -s <(stories "$work/order-a-data") <(stories "$work/order-b-data"); then
    order_result="identical ($(sqlite3 "$work/order-a-data/parallax.db" 'SELECT COUNT(*) FROM stories') stories)"
  else
    order_result="DIFFERENT"
  fi
fi

echo
printf '%-14s %10s %12s  %s\n' step wall "peak RSS" result
printf '%s\n' "${rows[@]}"
[[ -n "${order_result:-}" ]] && echo "shuffled-order check ($subset articles, 4 chunks, two orders): $order_result"
echo "(data: $data; corpus: $corpus)"
