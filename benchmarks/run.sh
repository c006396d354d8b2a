#!/usr/bin/env bash
# RealGuard's benchmark (issue 11, docs/performance.md): one command, one run, alternating rounds, a table with ratios.
#
#   benchmarks/run.sh                      the AppHost in Release, container-free, on the fixed ports (IAM 8080, web 5080,
#                                          gateway 5100, services 5201-5203)
#   RG_BENCH_STACK=free benchmarks/run.sh  the same AppHost on free ports (Aspire.Hosting.Testing), beside other stacks
#
# Settings (environment): DURATION=8 (seconds measured per point, split over the rounds), WARMUP=2, ROUNDS=2,
# CONNS="1 16", REFRESH_SESSIONS=50, REFRESH_LIFETIME=10 (s), REFRESH_LIFETIMES=3.
# Exits non-zero on any non-2xx answer or socket error, and when the refresh-under-load run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH="$PATH:$HOME/.dotnet/tools"

DURATION=${DURATION:-8}
WARMUP=${WARMUP:-2}
ROUNDS=${ROUNDS:-2}
CONNS=${CONNS:-"1 16"}
STACK_MODE=${RG_BENCH_STACK:-apphost}
OUT=$(mktemp -d /tmp/realguard-bench.XXXXXX)
SLICE=$(( DURATION / ROUNDS ))
(( SLICE >= 1 )) || SLICE=1
CORES=$(nproc)
BENCH="dotnet $ROOT/benchmarks/RealGuard.Benchmarks/bin/Release/net10.0/RealGuard.Benchmarks.dll"
FLOORS="dotnet $ROOT/benchmarks/Floors/bin/Release/net10.0/Floors.dll"
ACME_SYSTEM=c0000000-0000-0000-0000-000000000001
GLOBEX_SYSTEM=c0000000-0000-0000-0000-000000000002
FAILURES=0
PIDS=()
PARTS="keycloak customer_service notification_service security_system_service gateway web"

say() { echo "$*" >&2; }
fail() { say "FAILED: $*"; FAILURES=$((FAILURES + 1)); }

cleanup() {
  local pid part
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  # Parts the stack runner left behind (found by their path in this repository when the stack started).
  for part in $PARTS; do pid="pid_$part"; [[ -n ${!pid:-} ]] && kill -TERM "${!pid}" 2>/dev/null || true; done
}
trap cleanup EXIT

# --- tools and build ------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian)..."
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
if ! command -v dotnet-counters >/dev/null; then
  say "installing dotnet-counters (dotnet tool)..."
  dotnet tool install -g dotnet-counters >/dev/null
fi

say "building Release (floors, benchmark console, the AppHost and every part)..."
dotnet build benchmarks/Floors/Floors.csproj -c Release -nologo -clp:ErrorsOnly -v:q >&2
dotnet build benchmarks/RealGuard.Benchmarks/RealGuard.Benchmarks.csproj -c Release -nologo -clp:ErrorsOnly -v:q >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_healthy() { # url timeout_s
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsS -o /dev/null "$1/health" 2>/dev/null; do
    (( $(date +%s) < deadline )) || { say "not healthy in $2 s: $1"; return 1; }
    sleep 0.2
  done
}

# --- the stack: the one place that knows how it is started ------------------------------------------------------------
# Sets url_<part> and pid_<part> for keycloak customer_service notification_service security_system_service gateway web.
# Each part's process, found by its build output in this repository (run as "dotnet X.dll" or as its apphost "X").
declare -A DLL=(
  [keycloak]=services/identity-provider/bin/Release/net10.0/RealGuard.IdentityProvider
  [customer_service]=services/customer-service/bin/Release/net10.0/RealGuard.CustomerService
  [notification_service]=services/notification-service/bin/Release/net10.0/RealGuard.NotificationService
  [security_system_service]=services/security-system-service/bin/Release/net10.0/RealGuard.SecuritySystemService
  [gateway]=services/gateway/bin/Release/net10.0/RealGuard.Gateway
  [web]=web/bin/Release/net10.0/RealGuard.Web
)
# The benchmark's clients are exempt from the gateway's per-client rate limit: the point is the gateway's cost.
STACK_ENV=(
  "Gateway__RateLimit__Clients__realguard-mobile__PermitLimit=100000000"
  "Gateway__RateLimit__Clients__acme-integration__PermitLimit=100000000"
)

start_stack() {
  local started; started=$(date +%s.%N)
  case $STACK_MODE in
    apphost)
      env "${STACK_ENV[@]}" dotnet run -c Release --no-build --project RealGuard.AppHost -- RealGuard:UseContainers=false \
        >"$OUT/stack.log" 2>&1 &
      PIDS+=($!)
      url_keycloak=http://localhost:8080; url_web=http://localhost:5080; url_gateway=http://localhost:5100
      url_customer_service=http://localhost:5201; url_security_system_service=http://localhost:5202
      url_notification_service=http://localhost:5203
      ;;
    free)
      env "${STACK_ENV[@]}" $BENCH free-stack "$OUT/stack.env" >"$OUT/stack.log" 2>&1 &
      PIDS+=($!)
      until [[ -s $OUT/stack.env ]]; do kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -20 "$OUT/stack.log" >&2; exit 1; }; sleep 0.2; done
      source "$OUT/stack.env"
      ;;
    *) say "RG_BENCH_STACK must be apphost or free"; exit 2 ;;
  esac
  for part in $PARTS; do local url="url_$part"; wait_healthy "${!url}" 180; done
  COLD_START=$(echo "$(date +%s.%N) - $started" | bc)
  for part in $PARTS; do
    local pid; pid=$(pgrep -f "$ROOT/${DLL[$part]}" | head -1 || true)
    [[ -n $pid ]] || { say "no process for $part"; exit 1; }
    printf -v "pid_$part" %s "$pid"
  done
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }

# --- IAM calls: the identity provider's request counter (EventCounters), one session per measured block --------------
# The counter counts from the moment the session enables it; its CSV is complete once dotnet-counters has exited.
iam_count_start() { dotnet-counters collect -p "$pid_keycloak" --counters "Microsoft.AspNetCore.Hosting[total-requests]" \
  --format csv -o "$OUT/iam-$1.csv" --refresh-interval 1 >"$OUT/iam-$1.log" 2>&1 & IAM_COUNTER=$!; sleep 3; }
iam_count_stop() { # sets IAM_LAST
  sleep 1.5; kill -INT "$IAM_COUNTER" 2>/dev/null || true; wait "$IAM_COUNTER" 2>/dev/null || true
  IAM_LAST=$(awk -F, '/Total Requests/ { n = $5; seen = 1 } END { if (seen) print n + 0 }' "$OUT/iam-$1.csv" 2>/dev/null || true)
  [[ -n $IAM_LAST ]] || { fail "no IAM request count for $1 (dotnet-counters: $(tail -1 "$OUT/iam-$1.log"))"; IAM_LAST=0; }
}

# --- wrk ----------------------------------------------------------------------------------------------------------------
cat >"$OUT/report.lua" <<'EOF'
-- response() runs in the connection thread, done() in the main one: a non-2xx answer is written to stderr (the first
-- few with their body), where run.sh counts them; done() reports wrk's own count of 4xx/5xx and socket errors.
local bad = 0
response = function(status, headers, body)
  if on_response then on_response(status, body) end
  if status < 200 or status > 299 then
    bad = bad + 1
    io.stderr:write("non-2xx: " .. status .. (bad <= 3 and (" " .. string.sub(body or "", 1, 300)) or "") .. "\n")
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.1f %.1f %d %d\n", summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
EOF
# PUT /securitysystems/{id}: ARM then DISARM, alternately, on one connection: the next action follows the state the
# last answer gave (wrk builds one request it never sends, so a counter would not do).
cat >"$OUT/armdisarm.lua" <<'EOF'
local action = "ARM"
request = function() return wrk.format("PUT", nil, nil, '{"action":"' .. action .. '"}') end
on_response = function(status, body)
  if string.find(body or "", '"state":"ARMED"', 1, true) then action = "DISARM" else action = "ARM" end
end
EOF
# The refresh grant: each answer's refresh token is the next request's (the identity provider, like OpenIddict,
# refuses a refresh token redeemed more than its reuse leeway ago); concurrent connections share the newest.
cat >"$OUT/refresh-chain.lua" <<'EOF'
request = function() return wrk.format() end
on_response = function(status, body)
  local token = string.match(body or "", '"refresh_token"%s*:%s*"([^"]+)"')
  if token then wrk.body = "grant_type=refresh_token&client_id=realguard-mobile&refresh_token=" .. token end
end
EOF
cat "$OUT/report.lua" >>"$OUT/armdisarm.lua"

post_lua() { # file body [more lua]
  { echo "wrk.method = \"POST\""; echo "wrk.body = \"$2\""
    echo 'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"'; [[ -n ${3:-} ]] && cat "$3"; cat "$OUT/report.lua"; } >"$1"
}

# Point definitions: name -> "url|header1|header2|lua"; headers use tokens resolved at run time.
declare -A POINT
ORDER=()
point() { POINT[$1]="$2"; ORDER+=("$1"); }

run_wrk() { # name conns seconds round(0 = warm-up)
  local name=$1 c=$2 d=$3 round=$4 spec url lua args=()
  IFS='|' read -r url h1 h2 lua <<<"$(eval echo "\"${POINT[$name]}\"")"
  [[ -n $h1 ]] && args+=(-H "$h1")
  [[ -n $h2 ]] && args+=(-H "$h2")
  [[ $name == put-arm-disarm ]] && reset_globex
  [[ $name == iam-refresh ]] && new_refresh_chain
  local line non2xx
  line=$(wrk -t1 -c"$c" -d"${d}s" --timeout 10s -s "${lua:-$OUT/report.lua}" "${args[@]}" "$url" 2>"$OUT/wrk.err" | grep '^RESULT' || true)
  non2xx=$(grep -c '^non-2xx' "$OUT/wrk.err" || true)
  (( non2xx == 0 )) || { fail "$name c=$c round $round: $non2xx non-2xx answers"; grep -m3 '^non-2xx: [0-9]* .' "$OUT/wrk.err" >&2 || true; }
  [[ -n $line ]] || { fail "$name c=$c: wrk printed no result"; return; }
  set -- $line
  (( $6 == 0 && $7 == 0 )) || fail "$name c=$c round $round: $6 4xx/5xx answers, $7 socket errors"
  (( round == 0 )) || echo "$name $c $round $2 $3 $4 $5 $6 $7" >>"$OUT/results"
}

# --- start everything -----------------------------------------------------------------------------------------------
say "starting the floors..."
$FLOORS key "$OUT/floor-key.pem"
FLOOR_TOKEN=$($FLOORS token "$OUT/floor-key.pem")
FLOOR_API_PORT=$(free_port); FLOOR_PROXY_PORT=$(free_port)
$FLOORS api "$OUT/floor-key.pem" --urls "http://127.0.0.1:$FLOOR_API_PORT" >"$OUT/floor-api.log" 2>&1 & PIDS+=($!); pid_floor_api=$!
$FLOORS proxy "$OUT/floor-key.pem" "http://127.0.0.1:$FLOOR_API_PORT" --urls "http://127.0.0.1:$FLOOR_PROXY_PORT" >"$OUT/floor-proxy.log" 2>&1 & PIDS+=($!); pid_floor_proxy=$!
wait_healthy "http://127.0.0.1:$FLOOR_API_PORT" 60; wait_healthy "http://127.0.0.1:$FLOOR_PROXY_PORT" 60

say "starting the stack ($STACK_MODE)..."
start_stack
say "every part healthy after ${COLD_START} s"
declare -A RSS_IDLE RSS_AFTER
for part in $PARTS floor_api floor_proxy; do pid="pid_$part"; RSS_IDLE[$part]=$(rss_mb "${!pid}"); done

TOKEN_URL="$url_keycloak/realms/realguard/protocol/openid-connect/token"
ACME_BASIC=$(printf '%s' 'acme-integration:acme-integration-dev-secret' | base64 -w0)
read -r BOB_AT BOB_RT < <($BENCH user-token "$url_keycloak" bob bob-dev-password)
read -r ERIN_AT ERIN_RT < <($BENCH user-token "$url_keycloak" erin erin-dev-password)
BFF_COOKIE=$($BENCH bff-session "$url_web" bob bob-dev-password)

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
refresh() { # refresh_token -> "access refresh"
  curl -fsS "$TOKEN_URL" -d grant_type=refresh_token -d client_id=realguard-mobile -d "refresh_token=$1" \
    | python3 -c "import json,sys; t=json.load(sys.stdin); print(t['access_token'], t['refresh_token'])"
}
fresh_tokens() { # access tokens live two minutes: renewed before each round, outside the measured blocks
  read -r BOB_AT BOB_RT < <(refresh "$BOB_RT")
  read -r ERIN_AT ERIN_RT < <(refresh "$ERIN_RT")
  ACME_AT=$(curl -fsS "$TOKEN_URL" -d grant_type=client_credentials -d client_id=acme-integration -d client_secret=acme-integration-dev-secret | json_field access_token)
}
reset_globex() { # the ARM/DISARM point starts from DISARMED
  local state; state=$(curl -fsS -H "Authorization: Bearer $ERIN_AT" "$url_security_system_service/securitysystems/$GLOBEX_SYSTEM" | json_field state)
  [[ $state == DISARMED ]] || curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ERIN_AT" -H 'Content-Type: application/json' \
    -d '{"action":"DISARM"}' "$url_security_system_service/securitysystems/$GLOBEX_SYSTEM"
}
post_lua "$OUT/cc.lua" "grant_type=client_credentials&client_id=acme-integration&client_secret=acme-integration-dev-secret"
new_refresh_chain() { # dave's own login: a refresh token chain of its own, fresh for each refresh point
  local access refresh_token
  read -r access refresh_token < <($BENCH user-token "$url_keycloak" dave dave-dev-password)
  post_lua "$OUT/refresh.lua" "grant_type=refresh_token&client_id=realguard-mobile&refresh_token=$refresh_token" "$OUT/refresh-chain.lua"
}

SS=$url_security_system_service GW=$url_gateway
point floor-api            "http://127.0.0.1:$FLOOR_API_PORT/securitysystems|Authorization: Bearer \$FLOOR_TOKEN||"
point floor-yarp           "http://127.0.0.1:$FLOOR_PROXY_PORT/securitysystems|Authorization: Bearer \$FLOOR_TOKEN||"
point user-list-direct     "$SS/securitysystems|Authorization: Bearer \$BOB_AT||"
point user-list-gateway    "$GW/securitysystems|Authorization: Bearer \$BOB_AT||"
point user-get-direct      "$SS/securitysystems/$ACME_SYSTEM|Authorization: Bearer \$BOB_AT||"
point user-get-gateway     "$GW/securitysystems/$ACME_SYSTEM|Authorization: Bearer \$BOB_AT||"
point client-list-direct   "$SS/securitysystems|Authorization: Bearer \$ACME_AT||"
point client-list-gateway  "$GW/securitysystems|Authorization: Basic $ACME_BASIC||"
point client-get-direct    "$SS/securitysystems/$ACME_SYSTEM|Authorization: Bearer \$ACME_AT||"
point client-get-gateway   "$GW/securitysystems/$ACME_SYSTEM|Authorization: Basic $ACME_BASIC||"
point put-arm-disarm       "$SS/securitysystems/$GLOBEX_SYSTEM|Authorization: Bearer \$ERIN_AT|Content-Type: application/json|$OUT/armdisarm.lua"
API_POINTS=("${ORDER[@]}")
point bff-list             "$url_web/api/security-system-service/securitysystems|Cookie: __realguard=$BFF_COOKIE|X-CSRF: 1|"
point iam-client-credentials "$TOKEN_URL|||$OUT/cc.lua"
point iam-refresh          "$TOKEN_URL|||$OUT/refresh.lua"

conns_for() { [[ $1 == put-arm-disarm ]] && echo 1 || echo "$CONNS"; }

# --- warm-up, then the rounds ------------------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "warm-up: ${WARMUP} s per point and connection count..."
fresh_tokens
for name in "${ORDER[@]}"; do for c in $(conns_for "$name"); do run_wrk "$name" "$c" "$WARMUP" 0; done; done

IAM_API=0 IAM_BFF=0
for round in $(seq 1 "$ROUNDS"); do
  say "round $round of $ROUNDS (${SLICE} s per point)..."
  fresh_tokens
  iam_count_start "api-$round"
  for c in $CONNS; do for name in "${API_POINTS[@]}"; do
    [[ " $(conns_for "$name") " == *" $c "* ]] && run_wrk "$name" "$c" "$SLICE" "$round"
  done; done
  iam_count_stop "api-$round"; IAM_API=$(( IAM_API + IAM_LAST ))
  iam_count_start "bff-$round"
  for c in $CONNS; do run_wrk bff-list "$c" "$SLICE" "$round"; done
  iam_count_stop "bff-$round"; IAM_BFF=$(( IAM_BFF + IAM_LAST ))
  for c in $CONNS; do run_wrk iam-client-credentials "$c" "$SLICE" "$round"; run_wrk iam-refresh "$c" "$SLICE" "$round"; done
done
for part in $PARTS floor_api floor_proxy; do pid="pid_$part"; RSS_AFTER[$part]=$(rss_mb "${!pid}"); done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

say "refresh under load: ${REFRESH_SESSIONS:-50} sessions, ${REFRESH_LIFETIMES:-3} lifetimes of ${REFRESH_LIFETIME:-10} s..."
REFRESH_LINE=$($BENCH refresh-load --sessions "${REFRESH_SESSIONS:-50}" --lifetime "${REFRESH_LIFETIME:-10}" \
  --lifetimes "${REFRESH_LIFETIMES:-3}" 2>"$OUT/refresh.log" | grep '^REFRESH' || true)
[[ -n $REFRESH_LINE ]] || { tail -20 "$OUT/refresh.log" >&2; REFRESH_LINE="REFRESH (no result)"; }
[[ $REFRESH_LINE =~ failed=0\ lost=0 ]] || fail "refresh under load: $REFRESH_LINE"

# --- the table ----------------------------------------------------------------------------------------------------------
# Per point and connection count: req/s over all rounds; p50 = mean of the rounds' p50; p99 = the highest round's p99.
awk '{ k = $1 " " $2; req[k] += $4; us[k] += $5; p50[k] += $6; n[k]++; if ($7 > p99[k]) p99[k] = $7 }
     END { for (k in req) printf "%s %.0f %.3f %.3f %d\n", k, req[k] / (us[k] / 1e6), p50[k] / n[k] / 1000, p99[k] / 1000, req[k] }' \
  "$OUT/results" >"$OUT/summary"
val() { awk -v k="$1 $2" -v f="$3" '$1 " " $2 == k { print $f }' "$OUT/summary"; }   # name conns field(3 rps, 4 p50, 5 p99)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }

{
echo
echo "RealGuard benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), stack: $STACK_MODE, $CORES cores, load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo "wrk, 1 thread; ${DURATION} s per point in $ROUNDS alternating rounds after ${WARMUP} s warm-up"
echo
printf "| %-24s | %5s | %8s | %8s | %8s | %-28s |\n" point conns "req/s" "p50 ms" "p99 ms" "ratio"
printf "|%s|%s|%s|%s|%s|%s|\n" "--------------------------" "------:" "---------:" "---------:" "---------:" "------------------------------"
for name in "${ORDER[@]}"; do for c in $(conns_for "$name"); do
  rps=$(val "$name" "$c" 3); [[ -n $rps ]] || continue
  case $name in
    floor-yarp) r="$(ratio "$rps" "$(val floor-api "$c" 3)") × floor-api" ;;
    user-list-direct|client-list-direct|user-get-direct|client-get-direct) r="$(ratio "$rps" "$(val floor-api "$c" 3)") × floor-api" ;;
    *-gateway) r="$(ratio "$rps" "$(val "${name%-gateway}-direct" "$c" 3)") × direct" ;;
    bff-list) r="$(ratio "$rps" "$(val user-list-gateway "$c" 3)") × user-list-gateway" ;;
    iam-*) r="$(ratio "$rps" "$CORES") per core" ;;
    *) r="" ;;
  esac
  printf "| %-24s | %5s | %8s | %8s | %8s | %-28s |\n" "$name" "$c" "$rps" "$(val "$name" "$c" 4)" "$(val "$name" "$c" 5)" "$r"
done; done
echo
API_REQUESTS=$(awk -v names=" ${API_POINTS[*]} " 'index(names, " " $1 " ") { n += $4 } END { print n + 0 }' "$OUT/results")
echo "IAM calls during the measured API points: $IAM_API over $API_REQUESTS requests (token renewals of the gateway's and the services' own client-credentials tokens, once per lifetime); during the BFF points: $IAM_BFF"
echo "Refresh under load: ${REFRESH_LINE#REFRESH }"
echo "Cold start (stack start to every part healthy): ${COLD_START} s"
echo
printf "| %-24s | %10s | %10s |\n" process "RSS idle MB" "RSS after MB"
printf "|%s|%s|%s|\n" "--------------------------" "-----------:" "-----------:"
for part in $PARTS floor_api floor_proxy; do printf "| %-24s | %10s | %10s |\n" "$part" "${RSS_IDLE[$part]}" "${RSS_AFTER[$part]}"; done

# Issue 11's targets.
target() { printf "| %-66s | %-26s | %-6s |\n" "$1" "$2" "$3"; }
met() { awk "BEGIN { exit !($1) }" && echo met || echo MISSED; }
echo
printf "| %-66s | %-26s | %-6s |\n" target measured ""
printf "|%s|%s|%s|\n" "--------------------------------------------------------------------" "----------------------------" "--------"
d16=$(val user-list-direct 16 3); f16=$(val floor-api 16 3); r=$(ratio "$d16" "$f16")
target "direct GET /securitysystems, 16 conns: >= 0.30 x floor req/s" "$r x floor" "$(met "$r >= 0.30")"
p=$(val user-list-direct 1 4); target "direct GET /securitysystems p50, 1 conn: <= 1 ms" "$p ms" "$(met "$p <= 1")"
g=$(ratio "$(val user-list-gateway 16 3)" "$d16"); target "gateway req/s, 16 conns: >= 0.85 x direct" "$g x direct" "$(met "$g >= 0.85")"
ga=$(awk -v a="$(val user-list-gateway 1 4)" -v b="$(val user-list-direct 1 4)" 'BEGIN { printf "%.3f", a - b }')
ya=$(awk -v a="$(val floor-yarp 1 4)" -v b="$(val floor-api 1 4)" 'BEGIN { printf "%.3f", a - b }')
target "gateway added p50, 1 conn: <= 1.5 x bare YARP's added p50" "$ga ms vs $ya ms" "$(met "$ga <= 1.5 * $ya")"
b=$(ratio "$(val bff-list 16 3)" "$(val user-list-gateway 16 3)"); target "BFF /api req/s, 16 conns: >= 0.7 x gateway" "$b x gateway" "$(met "$b >= 0.7")"
p=$(val put-arm-disarm 1 4); target "PUT ARM/DISARM p50, 1 conn: <= 5 ms" "$p ms" "$(met "$p <= 5")"
for g in iam-client-credentials iam-refresh; do
  best=$(for c in $CONNS; do val "$g" "$c" 3; done | sort -n | tail -1); per=$(ratio "$best" "$CORES")
  target "$g: >= 120 grants/s per vCPU (Keycloak's sizing)" "$per /s per core" "$(met "$per >= 120")"
done
target "IAM calls per API request after warm-up: 0 (< 1 per 10,000)" "$IAM_API / $API_REQUESTS" "$(met "$IAM_API * 10000 < $API_REQUESTS")"
for part in customer_service security_system_service notification_service gateway; do
  target "$part RSS after the run <= 200 MB" "${RSS_AFTER[$part]} MB" "$(met "${RSS_AFTER[$part]} <= 200")"
done
c=$(printf %.1f "$COLD_START"); target "cold start <= 20 s" "$c s" "$(met "$c <= 20")"
} | tee "$OUT/table.md"

say "raw results and logs: $OUT"
(( FAILURES == 0 )) || { say "$FAILURES failure(s): see above"; exit 1; }
