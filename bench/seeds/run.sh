#!/usr/bin/env bash
# Seeds acceptance check (issue 3): reads, extracts and analyses the five seed
# articles as `parallax inspect` does and checks bench/seeds/expected.tsv.
# Prints PASS/FAIL per line and a summary by kind; exits 1 when a line fails.
# Usage: bench/seeds/run.sh [--dump SEED]
# Reads $PARALLAX_SHARED/data/seeds; PARALLAX_SHARED defaults to ../shared beside the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${PARALLAX_SHARED:-$root/../shared}"
cd "$root"
cargo build --release -q -p parallax-analyze --example seeds_check
target/release/examples/seeds_check bench/seeds/expected.tsv "$shared/data/seeds" "$@"
