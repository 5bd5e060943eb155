#!/usr/bin/env bash
# Load test (issue 6): N closed-loop clients for T seconds against `parallax serve`
# over a store, story and search endpoints (API and pages), with an ingest probe.
#
#   bench/load/run.sh [DATA_DIR]          # default /tmp/parallax-100k
#   CLIENTS=10 DURATION=20 bench/load/run.sh /tmp/load-small
#   WAIT_READY=1 bench/load/run.sh        # first wait for DATA_DIR.READY (written by bench/scale/run.sh)
#   SKIP_BUILD=1 bench/load/run.sh        # use the release binaries already built
#
# Builds release, starts `parallax serve --addr 127.0.0.1:0 --data DATA_DIR`, reads the bound
# address from its `parallax: serving DIR on http://ADDR` line, runs `parallax-loadgen` (which
# warms up, measures and prints the table), then stops the server. Also reports the server's
# start-up time (until it listens), its CPU time and peak RSS, and the generator's CPU time.
# Outputs go to bench/out/load/ (gitignored): report.json, server.log, loadgen-time.log.
# Exit status: the generator's (0 passed, 1 ran but failed a target or had errors, 2 could not run).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
DATA_DIR=${1:-/tmp/parallax-100k}
CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-5}
INGEST_INTERVAL=${INGEST_INTERVAL:-5}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-1800}
OUT=${OUT:-$REPO/bench/out/load}
mkdir -p "$OUT"
cd "$REPO"

if [[ ${WAIT_READY:-0} == 1 ]]; then
    echo "waiting for $DATA_DIR.READY …" >&2
    until [[ -e "$DATA_DIR.READY" ]]; do sleep 30; done
fi
if [[ ! -e "$DATA_DIR/parallax.db" ]]; then
    echo "no store at $DATA_DIR (expected $DATA_DIR/parallax.db); build one with" >&2
    echo "  cargo run --release -p parallax-cli -- --data $DATA_DIR ingest examples/articles" >&2
    exit 2
fi

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    cargo build --release -p parallax-cli -p parallax-loadgen
fi
PARALLAX=$REPO/target/release/parallax
LOADGEN=$REPO/target/release/parallax-loadgen
CLOCK_TICKS=$(getconf CLK_TCK)

# utime + stime of a process, in seconds.
cpu_seconds() {
    awk -v ticks="$CLOCK_TICKS" '{ sub(/^.*\) /, ""); print ($12 + $13) / ticks }' "/proc/$1/stat"
}

started=$(date +%s.%N)
"$PARALLAX" serve --addr 127.0.0.1:0 --data "$DATA_DIR" 2>"$OUT/server.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT

ADDR=
until [[ -n $ADDR ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "the server exited before listening:" >&2
        cat "$OUT/server.log" >&2
        exit 2
    fi
    if awk -v now="$(date +%s.%N)" -v t0="$started" -v limit="$STARTUP_TIMEOUT" 'BEGIN { exit !(now - t0 > limit) }'; then
        echo "the server did not listen within $STARTUP_TIMEOUT s" >&2
        exit 2
    fi
    ADDR=$(sed -n 's/^parallax: serving .* on http:\/\/\([^ ]*\)$/\1/p' "$OUT/server.log" | head -n 1)
    [[ -n $ADDR ]] || sleep 0.2
done
listening=$(date +%s.%N)
echo "server listening on $ADDR after $(awk -v a="$started" -v b="$listening" 'BEGIN { printf "%.2f", b - a }') s (pid $SERVER_PID, store $DATA_DIR)"

server_cpu_before=$(cpu_seconds "$SERVER_PID")
status=0
/usr/bin/time -v -o "$OUT/loadgen-time.log" "$LOADGEN" \
    --base-url "http://$ADDR" \
    --queries "$REPO/bench/load/queries.tsv" \
    --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" \
    --ingest-interval "$INGEST_INTERVAL" \
    --json "$OUT/report.json" || status=$?
server_cpu_after=$(cpu_seconds "$SERVER_PID")
server_rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
loadgen_cpu=$(awk -F': ' '/User time|System time/ { sum += $2 } END { printf "%.1f", sum }' "$OUT/loadgen-time.log")

awk -v a="$server_cpu_before" -v b="$server_cpu_after" -v rss="$server_rss_kb" -v gen="$loadgen_cpu" \
    'BEGIN { printf "server CPU during the run %.1f s, server peak RSS %.0f MB; generator CPU %s s\n", b - a, rss / 1024, gen }'
echo "report: $OUT/report.json; server log: $OUT/server.log"
exit "$status"
