#!/usr/bin/env bash
# Extraction benchmark: Parallax vs Python trafilatura on Zyte and WCXB-dev,
# each scored by the dataset's own evaluate.py, both pinned to one core.
#
#   bench/extraction/run.sh            # from anywhere; RUNS=3 by default
#
# Reads $PARALLAX_SHARED/data/extraction (default: ../shared beside the repo),
# writes outputs to bench/out/extraction/, prints a P/R/F1/docs-per-second table.
# docs/s is extraction only (pages are read and decompressed before timing),
# process CPU time, median of $RUNS runs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${PARALLAX_SHARED:-$ROOT/../shared}"
DATA="$SHARED/data/extraction"
OUT="$ROOT/bench/out/extraction"
VENV="$ROOT/bench/.venv"
RUNS="${RUNS:-3}"
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
# lxml_html_clean: trafilatura's justext fallback needs it with lxml >= 5.2.
"$VENV/bin/pip" install -q "trafilatura==2.3.1" lxml_html_clean

(cd "$ROOT" && cargo build -q --release -p parallax-extract --example extraction_bench)
BENCH="$ROOT/target/release/examples/extraction_bench"

PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi

: > "$OUT/results.jsonl"
for dataset in zyte wcxb-dev; do
    format="${dataset%%-*}"
    for system in parallax trafilatura; do
        pred="$OUT/$dataset.$system.json"
        if [ "$system" = parallax ]; then
            speed=$("${PIN[@]}" "$BENCH" --format "$format" --pages "$DATA/$dataset/html" --out "$pred" --runs "$RUNS")
        else
            speed=$("${PIN[@]}" "$VENV/bin/python" "$ROOT/bench/extraction/trafilatura_run.py" \
                --format "$format" --pages "$DATA/$dataset/html" --out "$pred" --runs "$RUNS")
        fi
        scores=$(python3 "$ROOT/bench/extraction/score.py" "$DATA/$dataset" "$format" "$pred")
        echo "{\"dataset\": \"$dataset\", \"system\": \"$system\", \"speed\": $speed, \"scores\": $scores}" >> "$OUT/results.jsonl"
    done
done

python3 - "$OUT/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print(f"{'dataset':<10} {'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'docs/s':>8}")
for r in rows:
    s = r["scores"]
    print(f"{r['dataset']:<10} {r['system']:<12} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {r['speed']['docs_per_s']:>8.1f}")
PY
