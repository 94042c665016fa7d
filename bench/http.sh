#!/usr/bin/env bash
# keyplan against the machine's limit (issue 18): wrk against keyplan and
# against nginx serving the exact same bytes as static files, in alternation,
# with the ratios printed per page.
#
#   bench/http.sh           builds the release binary, seeds the demo and
#                           10,000 accounts, 3 rounds of 10 s per server
#   bench/http.sh --smoke   the binary in $KEYPLAN_BIN (else the debug build),
#                           1,000 accounts, 1 round of 2 s: proves the script
#                           works and asserts no timing (about a minute)
#   bench/http.sh --hot-code  (as root) builds and seeds as the full mode, then
#                           restarts keyplan with its binary out of the page
#                           cache, runs the same pages, and writes the
#                           functions it ran to crates/keyplan-cli/hot-code.txt,
#                           which the release build lays out first and together
#                           (see crates/keyplan-cli/build.rs); run it again
#                           after large changes to the code or the dependencies
#
# Traffic goes to 127.0.0.1 only. Everything the script starts (keyplan, nginx)
# is stopped on exit; nginx runs in the foreground with its own configuration.
# wrk and nginx come from the distribution's packages, installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
if [ "${1:-}" = "--smoke" ]; then MODE=smoke; fi
if [ "${1:-}" = "--hot-code" ]; then MODE=hot; fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/keyplan-target}"
if [ "$MODE" != smoke ]; then
  ACCOUNTS=10000; ROUNDS=3; SECONDS_PER_RUN=10; EXPORTS=20
else
  ACCOUNTS=1000; ROUNDS=1; SECONDS_PER_RUN=2; EXPORTS=3
fi
KP_PORT=18437
NG_PORT=18438
MANAGER=martin.keller@northwind.example
PASSWORD=keyplan-demo

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
if ! command -v wrk >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then
  nginx_was_running=""
  if pgrep -x nginx >/dev/null 2>&1; then nginx_was_running=yes; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk nginx-core >/dev/null
  # The package may start its own service on port 80: stop what we did not want.
  if [ -z "$nginx_was_running" ] && pgrep -x nginx >/dev/null 2>&1; then
    $SUDO nginx -s quit 2>/dev/null || true
  fi
fi

WORK="$(mktemp -d)"
chmod 755 "$WORK"
KP_PID=""
NG_PID=""
READ_AHEAD_FILE=""
READ_AHEAD_WAS=""
cleanup() {
  if [ -n "$READ_AHEAD_FILE" ]; then echo "$READ_AHEAD_WAS" >"$READ_AHEAD_FILE"; fi
  if [ -n "$KP_PID" ]; then kill "$KP_PID" 2>/dev/null || true; wait "$KP_PID" 2>/dev/null || true; fi
  if [ -n "$NG_PID" ]; then kill "$NG_PID" 2>/dev/null || true; wait "$NG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$MODE" != smoke ]; then
  cargo build --release -p keyplan-cli --locked
  BIN="$CARGO_TARGET_DIR/release/keyplan"
else
  BIN="${KEYPLAN_BIN:-$CARGO_TARGET_DIR/debug/keyplan}"
  if [ ! -x "$BIN" ]; then cargo build -p keyplan-cli --locked; fi
fi
DB="sqlite://$WORK/bench.db"

ms_now() { date +%s%N | cut -c1-13; }
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# Starts keyplan on the database; START_MS: the milliseconds to the first good /healthz.
start_keyplan() {
  local started
  started=$(date +%s%N)
  "$BIN" serve --db "$DB" --bind "127.0.0.1:$KP_PORT" "$@" >>"$WORK/keyplan.log" 2>&1 &
  KP_PID=$!
  for _ in $(seq 1 2000); do
    if curl -fsS "http://127.0.0.1:$KP_PORT/healthz" >/dev/null 2>&1; then break; fi
    sleep 0.005
  done
  curl -fsS "http://127.0.0.1:$KP_PORT/healthz" >/dev/null
  START_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# --- keyplan with the demo (the first start seeds it)
start_keyplan --demo
seed_ms=$START_MS

# --- the organisation grown to $ACCOUNTS accounts through the CRM import
awk -v n="$ACCOUNTS" 'BEGIN {
  split("DACH Nordics Benelux Iberia UK France Italy Poland", region, " ")
  split("Automotive Chemicals Retail Logistics Energy Machinery Food Pharma", industry, " ")
  print "Id,Name,Region,Industry,Revenue,Spend,Potential"
  for (i = 0; i < n; i++) {
    revenue = (i * 7919 % 900 + 100) * 1000
    spend = (i % 10 == 3) ? "" : revenue * (2 + i % 7)
    potential = (i % 13 == 7) ? "" : revenue * 3.5
    printf "BX-%06d,Bench %s %05d,%s,%s,%d,%s,%s\n", i, industry[i % 8 + 1], i, region[int(i / 3) % 8 + 1], industry[i % 8 + 1], revenue, spend, potential
  }
}' >"$WORK/accounts.csv"
cat >"$WORK/mapping.json" <<'JSON'
{"kind": "accounts",
 "columns": {"Id": "crm_id", "Name": "name", "Region": "region", "Industry": "industry",
             "Revenue": "current_revenue", "Spend": "total_spend", "Potential": "potential"}}
JSON
"$BIN" crm import "$WORK/accounts.csv" --as "$MANAGER" --preset generic --mapping "$WORK/mapping.json" --db "$DB" --json >"$WORK/import.json"
grep -q '"created": *'"$ACCOUNTS" "$WORK/import.json" || { echo "the import did not create $ACCOUNTS accounts:"; cat "$WORK/import.json"; exit 1; }

# --- a session cookie and an API token for the demo's sales manager
TOKEN="$("$BIN" token create --email "$MANAGER" --name bench --db "$DB" 2>/dev/null | tail -n1)"
JAR="$WORK/cookies"
csrf="$(curl -fsS -c "$JAR" "http://127.0.0.1:$KP_PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)"
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$MANAGER" \
  --data-urlencode "password=$PASSWORD" "http://127.0.0.1:$KP_PORT/login"
SESSION="$(awk '$6 == "kp_session" {print $7}' "$JAR")"
[ -n "$SESSION" ] || { echo "sign-in failed"; exit 1; }
PLAN=1
ACCOUNT="$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$KP_PORT/api/v1/plans/$PLAN" \
  | sed -n 's/.*"account_id": *\([0-9]*\).*/\1/p' | head -n1)"
[ -n "$ACCOUNT" ] || { echo "the demo plan $PLAN was not found"; exit 1; }

# name | path | how it signs in
PAGES="plan-page|/plans/$PLAN|cookie
plan-api|/api/v1/plans/$PLAN|token
accounts|/accounts|cookie
account-page|/accounts/$ACCOUNT|cookie
portfolio|/portfolio|cookie
cockpit|/cockpit|cookie
one-page-pdf|/api/v1/plans/$PLAN/export?format=pdf|token"

auth_header() { if [ "$1" = cookie ]; then echo "Cookie: kp_session=$SESSION"; else echo "Authorization: Bearer $TOKEN"; fi; }

# --- the functions a loaded server runs, for the linker (--hot-code)
if [ "$MODE" = hot ]; then
  [ "$(id -u)" = 0 ] || { echo "--hot-code empties the page cache: run it as root"; exit 1; }
  device="$(basename "$(df --output=source "$BIN" | tail -n1)")"
  for f in "/sys/class/block/$device/queue/read_ahead_kb" "/sys/class/block/$device/../queue/read_ahead_kb"; do
    if [ -z "$READ_AHEAD_FILE" ] && [ -w "$f" ]; then READ_AHEAD_FILE="$f"; READ_AHEAD_WAS="$(cat "$f")"; fi
  done
  # Without read-ahead and with the binary out of the page cache, a page of
  # code becomes resident only when the server runs it.
  [ -n "$READ_AHEAD_FILE" ] && echo 0 >"$READ_AHEAD_FILE"
  kill "$KP_PID"; wait "$KP_PID" 2>/dev/null || true
  sync; echo 1 >/proc/sys/vm/drop_caches
  start_keyplan
  csrf="$(curl -fsS -c "$JAR" "http://127.0.0.1:$KP_PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)"
  curl -fsS -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$MANAGER" \
    --data-urlencode "password=$PASSWORD" "http://127.0.0.1:$KP_PORT/login"
  while IFS='|' read -r name path how; do
    wrk -t2 -c16 -d2s -H "$(auth_header "$how")" "http://127.0.0.1:$KP_PORT$path" >/dev/null
  done <<<"$PAGES"
  python3 bench/hot_code.py "$KP_PID" "$(readlink -f "$BIN")" crates/keyplan-cli/hot-code.txt
  exit 0
fi

# --- the same bytes, as static files for nginx
mkdir -p "$WORK/static" "$WORK/nginx-tmp"
while IFS='|' read -r name path how; do
  code=$(curl -sS -o "$WORK/static/$name" -w '%{http_code}' -H "$(auth_header "$how")" "http://127.0.0.1:$KP_PORT$path")
  [ "$code" = 200 ] || { echo "$name: $path answered $code"; exit 1; }
done <<<"$PAGES"
chmod -R a+rX "$WORK/static"
cat >"$WORK/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/octet-stream;
  sendfile on;
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NG_PORT;
    root $WORK/static;
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" &
NG_PID=$!
for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$NG_PORT/accounts" 2>/dev/null; then break; fi
  sleep 0.05
done

# --- wrk, keyplan and nginx in alternation
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }'; }
run_wrk() { # url header -> "req/s p50 p99 non2xx"
  local out
  if [ -n "$2" ]; then out=$(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -H "$2" "$1"); else out=$(wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency "$1"); fi
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  echo "$rps $p50 $p99 ${bad:-0}"
}

printf '\n%-14s %10s %9s %9s %12s %8s  %s\n' page "keyplan/s" "p50 ms" "p99 ms" "nginx/s" ratio bytes
failed=0
while IFS='|' read -r name path how; do
  best_k=""; best_n=""
  # A second of warm-up, not counted: the pool opens its connections and
  # prepares its statements, and the code is paged in.
  wrk -t2 -c16 -d1s -H "$(auth_header "$how")" "http://127.0.0.1:$KP_PORT$path" >/dev/null
  for _ in $(seq 1 "$ROUNDS"); do
    k=$(run_wrk "http://127.0.0.1:$KP_PORT$path" "$(auth_header "$how")")
    n=$(run_wrk "http://127.0.0.1:$NG_PORT/$name" "")
    # The round with keyplan's best throughput is reported.
    if [ -z "$best_k" ] || awk -v a="${k%% *}" -v b="${best_k%% *}" 'BEGIN { exit !(a > b) }'; then best_k="$k"; fi
    if [ -z "$best_n" ] || awk -v a="${n%% *}" -v b="${best_n%% *}" 'BEGIN { exit !(a > b) }'; then best_n="$n"; fi
  done
  read -r k_rps k_p50 k_p99 k_bad <<<"$best_k"
  read -r n_rps _ _ _ <<<"$best_n"
  ratio=$(awk -v k="$k_rps" -v n="$n_rps" 'BEGIN { if (n > 0) printf "%.1f%%", 100 * k / n; else print "-" }')
  printf '%-14s %10s %9s %9s %12s %8s  %s\n' "$name" "$k_rps" "$k_p50" "$k_p99" "$n_rps" "$ratio" "$(stat -c %s "$WORK/static/$name")"
  if [ "$k_bad" != 0 ]; then echo "  $name: $k_bad answers were not 2xx"; failed=1; fi
done <<<"$PAGES"
# The allocator is trimmed within a second of the last PDF.
sleep 3
loaded_rss=$(rss_mib "$KP_PID")

# --- the one-page PDF in the server, one request at a time (a document not seen before each time: nothing is cached)
# The demo plan's own layout is the one-page plan, fitted to its page; the
# compact layout (several pages, "page X of Y") is measured beside it.
pdf_median() { # layout query -> median ms
  local times=()
  for _ in $(seq 1 "$EXPORTS"); do
    times+=("$(curl -sS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$KP_PORT/api/v1/plans/$PLAN/export?format=pdf$1" | awk '{printf "%.1f", $1 * 1000}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
pdf_median=$(pdf_median "")
compact_median=$(pdf_median "&layout=compact")

# --- a cold start on the seeded database, and the memory of an idle server
# Five starts, the median reported (a single start varies by tens of ms on a
# shared machine); the last server stays up for the idle memory.
starts=()
for i in 1 2 3 4 5; do
  kill "$KP_PID"; wait "$KP_PID" 2>/dev/null || true
  start_keyplan
  starts+=("$START_MS")
done
cold_ms=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
sleep 2
idle_rss=$(rss_mib "$KP_PID")

# --- the one-page PDF as a whole process
times=()
for _ in $(seq 1 "$EXPORTS"); do
  t0=$(ms_now)
  "$BIN" export plan "$PLAN" --format pdf --db "$DB" >"$WORK/plan.pdf"
  times+=($(( $(ms_now) - t0 )))
done
head -c 4 "$WORK/plan.pdf" | grep -q '%PDF' || { echo "the export is not a PDF"; failed=1; }
export_median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')

echo
echo "first start, seeding the demo: ${seed_ms} ms; cold start on the seeded database to the first /healthz: ${cold_ms} ms (median of 5: ${starts[*]})"
echo "RSS 3 s after the runs above: ${loaded_rss} MiB; idle RSS after a cold start: ${idle_rss} MiB"
echo "one-page PDF in the server, one at a time, median of $EXPORTS: ${pdf_median} ms (compact layout: ${compact_median} ms)"
echo "keyplan export plan --format pdf, whole process, median of $EXPORTS: ${export_median} ms"
echo "mode: $MODE ($ACCOUNTS accounts, $ROUNDS round(s) of ${SECONDS_PER_RUN} s, 2 threads, 16 connections, uncompressed)"
exit "$failed"
