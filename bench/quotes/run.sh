#!/usr/bin/env bash
# PolNeAR attribution benchmark for the quote finder (crates/analyze/src/quotes).
# Usage: bench/quotes/run.sh [SPLIT] [extra polnear_eval args]   (SPLIT: dev (default) or train)
# Reads $PARALLAX_SHARED/data/quotes/polnear/SPLIT; PARALLAX_SHARED defaults to ../shared beside the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${PARALLAX_SHARED:-$root/../shared}"
split="${1:-dev}"
shift || true
cd "$root"
cargo run --quiet --release -p parallax-analyze --example polnear_eval -- "$shared/data/quotes/polnear/$split" "$@"
