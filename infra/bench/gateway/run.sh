#!/usr/bin/env bash
# Gateway overhead benchmark: the same authenticated GET against a trivial upstream, first directly, then through
# the gateway (JWT validation, Redis rate limit, breaker, tracing, access log: the production configuration),
# in one run. Prints requests/s for both, their ratio, and the latency the gateway adds at p50 and p99.
#
#   infra/bench/gateway/run.sh                      # 16 connections, 2 wrk threads, 15 s per measurement after warm-up
#   CONNECTIONS=64 DURATION=30s infra/bench/gateway/run.sh
#
# GATEWAY_JAVA_OPTS adds JVM options to the gateway (e.g. -XX:StartFlightRecording=filename=/tmp/gw.jfr to profile it).
# Needs: JDK 25, wrk (apt-get install -y wrk), Redis on 127.0.0.1:6379. Builds gateway/target/gateway.jar if absent.
# Figures, not assertions: on a shared 2-core machine wrk, the gateway, the upstream and Redis compete for CPU.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
HERE="$ROOT/infra/bench/gateway"
JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* 2>/dev/null | head -1)}"
[ -x "$JAVA_HOME/bin/java" ] || { echo "JDK 25 not found: set JAVA_HOME" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
REDIS_PORT="${REDIS_PORT:-6379}"
(exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null || { echo "no Redis on 127.0.0.1:$REDIS_PORT" >&2; exit 1; }

UPSTREAM_PORT="${UPSTREAM_PORT:-19901}"
GATEWAY_PORT="${GATEWAY_PORT:-19980}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15s}"
# the gateway is warmed up in 10 s rounds until the JIT has compiled its request path: at least WARMUP_REQUESTS
# requests and a round no faster than the one before (within 5 %), at most MAX_WARMUP_ROUNDS rounds
WARMUP_REQUESTS="${WARMUP_REQUESTS:-100000}"
MAX_WARMUP_ROUNDS="${MAX_WARMUP_ROUNDS:-30}"
WORK="$(mktemp -d /tmp/lormas-gateway-bench.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

JAR="$ROOT/gateway/target/gateway.jar"
if [ ! -f "$JAR" ]; then
  echo "building the gateway..."
  (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -q -o -pl gateway package -DskipTests)
fi

await() { # url
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "$1 did not answer" >&2; exit 1
}

"$JAVA_HOME/bin/java" -Xmx128m -Dsun.net.httpserver.nodelay=true "$HERE/TrivialUpstream.java" "$UPSTREAM_PORT" "http://127.0.0.1:$GATEWAY_PORT" \
  "$WORK/token" > "$WORK/upstream.log" 2>&1 &
UPSTREAM_PID=$!
PIDS+=($UPSTREAM_PID)
await "http://127.0.0.1:$UPSTREAM_PORT/oauth2/jwks"
TOKEN="$(cat "$WORK/token")"

LORMAS_GATEWAY_PORT="$GATEWAY_PORT" LORMAS_PUBLIC_URL="http://127.0.0.1:$GATEWAY_PORT" \
LORMAS_IDENTITY_URL="http://127.0.0.1:$UPSTREAM_PORT" LORMAS_CATALOG_URL="http://127.0.0.1:$UPSTREAM_PORT" \
LORMAS_REDIS_PORT="$REDIS_PORT" \
  "$JAVA_HOME/bin/java" -Xmx256m ${GATEWAY_JAVA_OPTS:-} -jar "$JAR" \
  --lormas.gateway.rate-limit.buckets.default.authenticated.rate=1000000 \
  --lormas.gateway.rate-limit.buckets.default.authenticated.burst=1000000 \
  > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=($GATEWAY_PID)
await "http://127.0.0.1:$GATEWAY_PORT/actuator/health"

PATH_UNDER_TEST="/api/catalog/bench"
DIRECT="http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
VIA="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$VIA")"
[ "$status" = 200 ] || { echo "the gateway answered $status, not 200: see $WORK/gateway.log" >&2; exit 1; }

run_wrk() { # url duration
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -H "Authorization: Bearer $TOKEN" "$1"
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
echo "warming up: direct 10 s, then the gateway until its throughput is stable..."
run_wrk "$DIRECT" 10s > /dev/null
previous=0
total=0
for round in $(seq 1 "$MAX_WARMUP_ROUNDS"); do
  run_wrk "$VIA" 10s > "$WORK/warmup.txt"
  current="$(rps "$WORK/warmup.txt")"
  total=$((total + $(awk '/requests in/ {print $1}' "$WORK/warmup.txt")))
  echo "  round $round: $current requests/s ($total requests so far)"
  if [ "$total" -ge "$WARMUP_REQUESTS" ] && awk -v p="$previous" -v c="$current" 'BEGIN { exit !(c < p * 1.05) }'; then
    break
  fi
  previous="$current"
done
echo "measuring $DURATION each, $CONNECTIONS connections, $THREADS wrk threads..."
# CPU seconds (user + system) a process has used so far: per-request CPU is what the gateway costs whatever else
# the machine is doing, unlike requests/s
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }
u0="$(cpu "$UPSTREAM_PID")"
run_wrk "$DIRECT" "$DURATION" > "$WORK/direct.txt"
u1="$(cpu "$UPSTREAM_PID")"; g1="$(cpu "$GATEWAY_PID")"
run_wrk "$VIA" "$DURATION" > "$WORK/gateway.txt"
u2="$(cpu "$UPSTREAM_PID")"; g2="$(cpu "$GATEWAY_PID")"

errors() { awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors:/ {print "socket errors: " $0}' "$1"; }
# wrk prints percentiles with units (us, ms, s): convert to milliseconds
pct() { awk -v p="$2" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$1"; }

d_rps="$(rps "$WORK/direct.txt")"; g_rps="$(rps "$WORK/gateway.txt")"
d50="$(pct "$WORK/direct.txt" 50%)"; g50="$(pct "$WORK/gateway.txt" 50%)"
d99="$(pct "$WORK/direct.txt" 99%)"; g99="$(pct "$WORK/gateway.txt" 99%)"
echo
printf '%-10s %12s %10s %10s\n' "" "requests/s" "p50 ms" "p99 ms"
printf '%-10s %12.0f %10.3f %10.3f\n' direct "$d_rps" "$d50" "$d99"
printf '%-10s %12.0f %10.3f %10.3f\n' gateway "$g_rps" "$g50" "$g99"
awk -v d="$d_rps" -v g="$g_rps" -v d50="$d50" -v g50="$g50" -v d99="$d99" -v g99="$g99" 'BEGIN {
  printf "ratio gateway/direct: %.2f (target >= 0.70)\n", g / d
  printf "added latency: p50 %+.3f ms (target <= 1 ms), p99 %+.3f ms\n", g50 - d50, g99 - d99
}'
d_n="$(awk '/requests in/ {print $1}' "$WORK/direct.txt")"; g_n="$(awk '/requests in/ {print $1}' "$WORK/gateway.txt")"
awk -v u0="$u0" -v u1="$u1" -v u2="$u2" -v g1="$g1" -v g2="$g2" -v dn="$d_n" -v gn="$g_n" 'BEGIN {
  printf "CPU per request: upstream %.0f us direct, %.0f us behind the gateway; gateway %.0f us\n",
    (u1 - u0) * 1e6 / dn, (u2 - u1) * 1e6 / gn, (g2 - g1) * 1e6 / gn
}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for f in direct gateway; do
  e="$(errors "$WORK/$f.txt")"; [ -z "$e" ] || echo "$f: non-2xx/errors: $e"
done
echo "raw wrk output and logs: $WORK"
