#!/usr/bin/env bash
# Property-based conformance test of the JSON API against its own OpenAPI
# description: schemathesis generates requests from crates/serve/openapi.json
# and checks every answer (never a 5xx; body valid against the documented
# schema; documented status code and content type).
#
# It builds `parallax` (debug), ingests examples/articles into a temporary
# data directory, serves it on a free port and runs schemathesis against
# /api/openapi.json. The Python environment lives in bench/out/ (gitignored).
#
# Usage: bench/api/schemathesis.sh [extra schemathesis options]
#   PARALLAX=path/to/parallax   use this binary instead of building one
#   MAX_EXAMPLES=N              examples per operation (default 100)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/bench/out/api"
venv="$root/bench/out/schemathesis-venv"
mkdir -p "$out"

parallax=${PARALLAX:-}
if [ -z "$parallax" ]; then
    (cd "$root" && cargo build -q -p parallax-cli)
    parallax="$root/target/debug/parallax"
fi

if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q schemathesis
fi

data=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$data"
}
trap cleanup EXIT

"$parallax" --quiet --data "$data" ingest "$root/examples/articles" >"$out/ingest.log" 2>&1

"$parallax" --data "$data" serve --addr 127.0.0.1:0 2>"$out/serve.log" &
server_pid=$!
base=
for _ in $(seq 1 150); do
    base=$(grep -o 'http://[0-9.]*:[0-9]*' "$out/serve.log" | head -n 1 || true)
    [ -n "$base" ] && break
    sleep 0.2
done
if [ -z "$base" ]; then
    echo "schemathesis.sh: the server did not start:" >&2
    cat "$out/serve.log" >&2
    exit 2
fi

# One upload through the API so /articles/{id}/original has something to serve.
curl -sf -F "file=@$root/examples/articles/ridgeway-radio-venue-row.txt" "$base/api/ingest" >"$out/upload.json"

echo "schemathesis.sh: testing $base/api/openapi.json" >&2
"$venv/bin/schemathesis" --version >&2
set +e
"$venv/bin/schemathesis" run "$base/api/openapi.json" \
    --url "$base" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "${MAX_EXAMPLES:-100}" \
    --workers 1 \
    "$@" 2>&1 | tee "$out/schemathesis.log"
status=${PIPESTATUS[0]}
set -e
echo "schemathesis.sh: exit status $status (log: bench/out/api/schemathesis.log)" >&2
exit "$status"
