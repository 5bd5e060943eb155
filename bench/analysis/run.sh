#!/usr/bin/env bash
# Per-article analysis throughput on one core: 10,000 articles (PolNeAR
# train + dev texts, cycled), median of 3 passes, with the length distribution.
# Usage: bench/analysis/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PARALLAX_SHARED="${PARALLAX_SHARED:-$(cd .. && pwd)/shared}"
cargo build --release -q -p parallax-analyze --example analysis_throughput
taskset -c 0 target/release/examples/analysis_throughput "${1:-10000}"
