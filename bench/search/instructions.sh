#!/usr/bin/env bash
# Instructions per search over the load test's queries (bench/load/queries.tsv), counted by
# valgrind's callgrind: a figure that does not move with the machine's load, unlike CPU time
# on a shared 2-core machine. query_latency runs every query once to warm up and then ROUNDS
# times; the script runs it with 1 and with 3 rounds and divides the difference by 2 × the
# number of queries, so start-up (opening the index, the knowledge base) cancels out.
#
#   bench/search/instructions.sh DATA_DIR [LIMIT]     # LIMIT: hits per search, default 50
#
# DATA_DIR must hold a synced search index (`parallax --data DATA_DIR search x` syncs it).
# Needs valgrind (Debian package `valgrind`). Takes about a minute at 100,000 articles.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR=${1:?usage: bench/search/instructions.sh DATA_DIR [LIMIT]}
LIMIT=${2:-50}
QUERIES=bench/load/queries.tsv
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
target="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p parallax-search --example query_latency
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" \
        "$target"/release/examples/query_latency "$DATA_DIR" "$QUERIES" "$1" "$LIMIT" >/dev/null 2>"$out/log.$1"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/log.$1"
}
queries=$(grep -cv -e '^#' -e '^[[:space:]]*$' "$QUERIES")
one=$(instructions 1)
three=$(instructions 3)
echo "$(( (three - one) / 2 / queries )) instructions per search ($queries queries, limit $LIMIT, $DATA_DIR)"
