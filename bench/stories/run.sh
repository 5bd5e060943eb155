#!/usr/bin/env bash
# BASIL 2010-2014 story clustering (B-cubed and pairwise P/R/F1 against the
# triplet-uuid grouping, all 150 articles mixed; leave-one-year-out threshold
# check) and quote-speaker accuracy against BASIL's quote annotations.
# Usage: bench/stories/run.sh     Reads $PARALLAX_SHARED (default ../shared beside the repo).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export PARALLAX_SHARED="${PARALLAX_SHARED:-$root/../shared}"
cd "$root"
cargo run --quiet --release -p parallax-link --example basil_stories
