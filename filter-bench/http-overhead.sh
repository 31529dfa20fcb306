#!/usr/bin/env bash
# HTTP overhead of the filter: the same Jetty 12 endpoint with and without GatehouseFilter, driven by
# wrk on 127.0.0.1 with a bearer token on every request drawn from a pool (1,000 reused tokens, then
# 20,000 distinct ones, more than the token cache holds). The two variants alternate for ROUNDS
# rounds (default 3), so a disturbance of the shared machine hits both; each case is 8 s warm-up +
# 20 s measured. Besides requests/s and latency, the server's own CPU time per request is recorded
# (from /proc/<pid>/stat over the measured 20 s), which other load on the machine hardly moves.
# Needs wrk (apt-get install wrk) and the benchmarks jar (filter-bench/run.sh builds it, or:
# mvn -B -q -Pbench -pl filter-bench -am package -DskipTests). Server and wrk share the cores.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=${OUT:-target/http-results/$(date -u +%Y%m%dT%H%M%SZ)}
PORT=${PORT:-18300}
ROUNDS=${ROUNDS:-3}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Jetty's per-connection header field cache churns when every request carries another
# Authorization value (up to 10x the CPU per request, at random); both variants run without it
# unless JAVA_OPTS says otherwise, e.g. JAVA_OPTS= for Jetty's default.
JAVA_OPTS=${JAVA_OPTS--Dbench.headerCacheSize=0}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }
# No CPU pinning: a JVM pinned to one CPU sizes itself for one (serial GC, starved JIT), which
# distorts the comparison far more than sharing the two cores with wrk does.
TICKS=$(getconf CLK_TCK)

cpu_ticks() { # utime + stime of a process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

run() { # mode pool-size label
  local tokens="$OUT/tokens-$2.txt"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" -Xmx1g $JAVA_OPTS -cp "$JAR" dev.gatehouse.bench.http.HttpOverheadServer "$1" "$PORT" "$tokens" "$2" \
    > "$OUT/$3.server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do grep -q ready "$OUT/$3.server.log" && break; sleep 0.5; done
  grep -q ready "$OUT/$3.server.log" || { echo "server did not start: $OUT/$3.server.log" >&2; exit 1; }
  wrk -t2 -c64 -d8s -s http-tokens.lua "http://127.0.0.1:$PORT/api/hello" "$tokens" > /dev/null
  local before load
  before=$(cpu_ticks "$pid")
  wrk -t2 -c64 -d20s --latency -s http-tokens.lua "http://127.0.0.1:$PORT/api/hello" "$tokens" \
    > "$OUT/$3.txt"
  local used=$(( $(cpu_ticks "$pid") - before ))
  load=$(cut -d' ' -f1 /proc/loadavg)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local rps requests
  rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/$3.txt")
  requests=$(awk '/requests in/ { print $1 }' "$OUT/$3.txt")
  local cpu_us=$(( used * 1000000 / TICKS / requests ))
  local p99
  p99=$(sed -n 's/.*p99_us=\([0-9]*\).*/\1/p' "$OUT/$3.txt")
  printf '%s,%s,%s,%s,%s,%s\n' "$3" "$rps" "$p99" "$cpu_us" "$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' "$OUT/$3.txt")" "$load" \
    | tee -a "$OUT/summary.csv"
}

echo "case,requests_per_s,p99_us,server_cpu_us_per_request,non2xx,load_1min" | tee "$OUT/summary.csv"
for round in $(seq 1 "$ROUNDS"); do
  run plain 1000 "plain-pool1000-r$round"
  run filter 1000 "filter-pool1000-r$round"
done
run plain 20000 plain-distinct
run filter 20000 filter-distinct
echo "results in $OUT"
