#!/usr/bin/env bash
# Syndication (copy detection) benchmark: generates copies of PolNeAR and BASIL
# texts (seeded, into /tmp, never into the repo), runs parallax-link and a
# datasketch MinHash-LSH baseline (word 2-grams, threshold 0.45) on the same
# documents, and prints pairwise precision/recall/F1 and speed for both.
# Usage: bench/syndication/run.sh [SEED]
# Reads $PARALLAX_SHARED (default ../shared beside the repo). Needs python3;
# installs datasketch into a venv under /tmp on first run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${PARALLAX_SHARED:-$root/../shared}"
seed="${1:-20261122}"
out="${TMPDIR:-/tmp}/parallax-syndication-$seed"
venv="${TMPDIR:-/tmp}/parallax-syndication-venv"
cd "$root"

python3 bench/syndication/generate.py "$shared" "$out" --seed "$seed"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet datasketch
fi
cargo run --quiet --release -p parallax-link --example syndication_eval -- "$out/docs.jsonl" "$out/parallax.tsv"
"$venv/bin/python" bench/syndication/minhash_baseline.py "$out/docs.jsonl" "$out/minhash.tsv"
python3 bench/syndication/score.py "$out/docs.jsonl" parallax="$out/parallax.tsv" minhash-0.45="$out/minhash.tsv"
