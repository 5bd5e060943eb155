#!/usr/bin/env bash
# Date / title / author benchmark: Parallax's HTML metadata reader against
# Python htmldate and trafilatura on the WCXB dev pages.
#   bench/dates/run.sh            (PARALLAX_SHARED defaults to ../shared)
# The Python baselines take ~2.5 minutes; their output is cached in
# bench/out/dates/baselines.jsonl (delete it, or set REFRESH=1, to rerun them).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${PARALLAX_SHARED:-$ROOT/../shared}
DATA=$SHARED/data/extraction/wcxb-dev
VENV=$ROOT/bench/.venv
OUT=$ROOT/bench/out/dates
mkdir -p "$OUT"

if [ ! -d "$DATA/ground-truth" ]; then
  echo "no WCXB dev pages at $DATA (set PARALLAX_SHARED)" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import htmldate, trafilatura" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet "htmldate==1.11.0" "trafilatura==2.3.1"
fi

(cd "$ROOT" && cargo build --quiet --release -p parallax-extract --example metadata_bench)
"$ROOT/target/release/examples/metadata_bench" "$DATA" > "$OUT/parallax.jsonl"

if [ "${REFRESH:-0}" = 1 ] || [ ! -s "$OUT/baselines.jsonl" ]; then
  "$VENV/bin/python" "$ROOT/bench/dates/baselines.py" "$DATA" "$OUT/baselines.jsonl"
fi
"$VENV/bin/python" "$ROOT/bench/dates/score.py" "$DATA" "$OUT/parallax.jsonl" "$OUT/baselines.jsonl"
