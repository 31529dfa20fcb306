#!/usr/bin/env bash
# HTTP overhead of the filter: the same Jetty 12 endpoint with and without GatehouseFilter, driven by
# wrk on 127.0.0.1 with a bearer token on every request drawn from a pool (1,000 reused tokens, then
# 20,000 distinct ones, more than the token cache holds). Bounded: 8 s warm-up + 20 s measured per case. Needs wrk (apt-get install
# wrk) and the benchmarks jar (filter-bench/run.sh builds it, or: mvn -B -q -Pbench -pl filter-bench
# -am package -DskipTests). Server and wrk share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=${OUT:-target/http-results/$(date -u +%Y%m%dT%H%M%SZ)}
PORT=${PORT:-18300}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }
# No CPU pinning: a JVM pinned to one CPU sizes itself for one (serial GC, starved JIT), which
# distorts the comparison far more than sharing the two cores with wrk does.
pin() { exec "${@:2}"; }

run() { # mode pool-size label
  local tokens="$OUT/tokens-$2.txt"
  (pin 0 "$JAVA" -Xmx1g -cp "$JAR" dev.gatehouse.bench.http.HttpOverheadServer "$1" "$PORT" "$tokens" "$2" \
    > "$OUT/$3.server.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 120); do grep -q ready "$OUT/$3.server.log" && break; sleep 0.5; done
  grep -q ready "$OUT/$3.server.log" || { echo "server did not start: $OUT/$3.server.log" >&2; exit 1; }
  (pin 1 wrk -t2 -c64 -d8s -s http-tokens.lua "http://127.0.0.1:$PORT/api/hello" "$tokens") > /dev/null
  (pin 1 wrk -t2 -c64 -d20s --latency -s http-tokens.lua "http://127.0.0.1:$PORT/api/hello" "$tokens") \
    > "$OUT/$3.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-22s %s  %s\n' "$3" "$(grep 'Requests/sec' "$OUT/$3.txt")" "$(grep non2xx "$OUT/$3.txt")"
}

run plain 1000 plain-pool1000
run filter 1000 filter-pool1000
run plain 20000 plain-distinct
run filter 20000 filter-distinct
echo "results in $OUT"
