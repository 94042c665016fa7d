#!/usr/bin/env bash
# The API contract, checked against a real demo-seeded server:
#   1. the OpenAPI document it serves passes openapi-spec-validator;
#   2. a property-based fuzzer (schemathesis) drives every operation for a
#      bounded time and finds no 5xx, no undocumented status code, no wrong
#      content type and no answer that violates the document.
# Any finding fails the script (non-zero exit).
#
# Usage: scripts/api-contract.sh [PATH_TO_KEYPLAN_BINARY]
# Environment: KEYPLAN_VENV (Python virtual environment, created when missing),
# KEYPLAN_FUZZ_SECONDS (fuzzing budget, default 150), KEYPLAN_FUZZ_SEED.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${1:-${CARGO_TARGET_DIR:-target}/debug/keyplan}"
VENV="${KEYPLAN_VENV:-$HOME/.cache/keyplan-venv}"
FUZZ_SECONDS="${KEYPLAN_FUZZ_SECONDS:-150}"
FUZZ_SEED="${KEYPLAN_FUZZ_SEED:-20261206}"
VALIDATOR_VERSION="0.9.0"
SCHEMATHESIS_VERSION="4.32.5"

[ -x "$BIN" ] || { echo "no keyplan binary at $BIN (build it with: cargo build -p keyplan-cli)" >&2; exit 2; }

if ! "$VENV/bin/python" -c "import openapi_spec_validator, schemathesis" >/dev/null 2>&1 \
  || ! "$VENV/bin/pip" show schemathesis 2>/dev/null | grep -qx "Version: $SCHEMATHESIS_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "openapi-spec-validator==$VALIDATOR_VERSION" "schemathesis==$SCHEMATHESIS_VERSION"
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db="sqlite://$work/demo.db"
port="$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$BIN" serve --db "$db" --bind "127.0.0.1:$port" --demo >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "the server exited" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null

# An administrator of the demo organisation sees and may change the most.
token="$("$BIN" token create --email katrin.vogel@northwind.example --name "api contract" --db "$db" 2>/dev/null | tail -n 1)"
[ -n "$token" ] || { echo "could not create an API token" >&2; exit 1; }

echo "-- OpenAPI document: openapi-spec-validator"
curl -fsS "$base/api/v1/openapi.json" -o "$work/openapi.json"
"$VENV/bin/openapi-spec-validator" --subschema-errors all "$work/openapi.json"

echo "-- fuzzing the API for ${FUZZ_SECONDS}s (seed $FUZZ_SEED)"
status=0
timeout --kill-after=10 "$((FUZZ_SECONDS + 90))" "$VENV/bin/schemathesis" run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-examples 10 \
  --max-time "$FUZZ_SECONDS" \
  --request-timeout 20 \
  --seed "$FUZZ_SEED" \
  --workers 2 \
  --no-color \
  --warnings off || status=$?

# A panic or an internal error in the server's log is a finding too, even when
# the fuzzer saw an answer.
if grep -E "panicked|internal error" "$work/server.log" >&2; then
  echo "the server logged internal errors (above)" >&2
  status=1
fi
kill -0 "$server" 2>/dev/null || { echo "the server died during fuzzing" >&2; tail -n 50 "$work/server.log" >&2; status=1; }
if [ "$status" != 0 ]; then
  echo "API contract: findings (exit $status)" >&2
  exit "$status"
fi
echo "API contract: the document validates and the fuzzer found nothing"
