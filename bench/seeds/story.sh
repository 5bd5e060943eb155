#!/usr/bin/env bash
# Seeds story acceptance (issue 5): runs `parallax analyze` on the five seed articles in a
# fresh data directory, exports the story (`parallax story ID --json`) and checks
# bench/seeds/story.tsv against it: the happenings of the timeline (one entry each, dated
# right or left undated, citing every seed that reports it), the statements matched across
# translations and spellings, the Beijing and Vladivostok statements kept apart, the strike
# figures consistent, background kept apart. Prints PASS/FAIL per line; exits 1 when one fails.
# Usage: bench/seeds/story.sh     Reads $PARALLAX_SHARED/data/seeds (default ../shared).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${PARALLAX_SHARED:-$root/../shared}"
cd "$root"
cargo build --release -q -p parallax-cli
parallax="$root/target/release/parallax"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
"$parallax" --data "$data/store" -q analyze "$shared/data/seeds" >/dev/null
"$parallax" --data "$data/store" list --json >"$data/articles.jsonl"
"$parallax" --data "$data/store" stories --json | python3 -c '
import json, sys
for line in sys.stdin:
    if line.strip():
        print(json.loads(line)["id"])
' | while read -r id; do
    "$parallax" --data "$data/store" story "$id" --json >"$data/story-$id.json"
done
python3 bench/seeds/story_check.py bench/seeds/story.tsv "$data/articles.jsonl" "$data"/story-*.json
