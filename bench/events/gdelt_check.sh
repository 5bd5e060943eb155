#!/usr/bin/env bash
# GDELT 2.0 export check: ingests articles, writes `parallax export --format gdelt`
# and checks every field of both tables against GDELT's own column specification
# as the `gdelt` package (gdeltPyR, PyPI) ships it: the codebook's 61 Event and
# 16 Mentions columns with their types, and the CAMEO code table with Goldstein
# scores (bench/events/gdelt_check.py says what is checked).
# Usage: bench/events/gdelt_check.sh [ARTICLES…]   (default: the demo articles in
#        examples/articles; PARALLAX_BIN=path skips building the CLI)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/bench/.venv"
OUT="$ROOT/bench/out/gdelt"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import importlib.metadata as m, pandas; m.version('gdelt')" 2>/dev/null; then
  "$VENV/bin/pip" install -q "gdelt==0.1.14"
fi
if [ -z "${PARALLAX_BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release -q -p parallax-cli)
  PARALLAX_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/parallax"
fi
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=("$ROOT/examples/articles")
rm -rf "$OUT" && mkdir -p "$OUT"
"$PARALLAX_BIN" --data "$OUT/store" -q ingest "${inputs[@]}" >/dev/null
"$PARALLAX_BIN" --data "$OUT/store" -q export --format gdelt -o "$OUT/parallax"
"$VENV/bin/python" "$ROOT/bench/events/gdelt_check.py" "$OUT/parallax"
