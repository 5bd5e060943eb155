#!/usr/bin/env bash
# Event coder benchmarks, one command: PETRARCH unit tests (exact and root share),
# ConfliBERT pentaclass accuracy / macro F1 and coder throughput on one core, the
# seed-story expectations (bench/events/seeds.tsv, PASS/FAIL per issue example) and the
# precision of emitted events on the hand-coded PolNeAR dev / BASIL set
# (bench/events/precision.tsv), then the same scores on the tuning set (bench/events/tuning.tsv,
# PolNeAR train, where rules and lexicons are chosen). The GDELT export's check against GDELT's column
# specification is bench/events/gdelt_check.sh (it builds the CLI).
# PETRARCH2 itself (Python 2) is not run here; its anchor is about 250 sentences/s on
# pre-parsed input.
# Usage: bench/events/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export PARALLAX_SHARED="${PARALLAX_SHARED:-$(cd .. && pwd)/shared}"
target="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p parallax-events --examples
taskset -c 0 "$target"/release/examples/petrarch_unit_tests
taskset -c 0 "$target"/release/examples/events_bench
taskset -c 0 "$target"/release/examples/events_seeds bench/events/seeds.tsv
taskset -c 0 "$target"/release/examples/events_precision bench/events/precision.tsv
taskset -c 0 "$target"/release/examples/events_precision bench/events/tuning.tsv
