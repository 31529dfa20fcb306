#!/usr/bin/env bash
# HTTP overhead of the filter: the same Jetty 12 endpoint with and without GatehouseFilter, driven
# by wrk on 127.0.0.1 with a bearer token on every request drawn round-robin from a pool.
#
# Both variants live in one server JVM (HttpOverheadServer both): /api/hello behind the filter,
# /plain/hello the same servlet without it, so they run on the same JIT-compiled Jetty code;
# separate JVMs differed by up to 25% in CPU per request between identical runs, more than the
# effect measured. After a warm-up of both paths, the two alternate for ROUNDS rounds (default 6,
# the order flipping each round), DURATION seconds each (default 15), with the pool of 1,000
# reused tokens. Then a second server with 20,000 tokens and a token cache of 1,000 entries, so
# nearly every request is a new token to verify, runs one pair. Besides requests/s and p99, the
# server's own CPU time per request is recorded (from /proc/<pid>/stat over each run).
# Needs wrk (apt-get install wrk) and the benchmarks jar (filter-bench/run.sh builds it, or:
# mvn -B -q -Pbench -pl filter-bench -am package -DskipTests). Server and wrk share the cores.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=${OUT:-target/http-results/$(date -u +%Y%m%dT%H%M%SZ)}
PORT=${PORT:-18300}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-15}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Jetty's per-connection header field cache churns when every request carries another
# Authorization value (up to 10x the CPU per request, at random); the server runs without it
# unless JAVA_OPTS says otherwise, e.g. JAVA_OPTS= for Jetty's default.
JAVA_OPTS=${JAVA_OPTS--Dbench.headerCacheSize=0}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }
# No CPU pinning: a JVM pinned to one CPU sizes itself for one (serial GC, starved JIT), which
# distorts the comparison far more than sharing the two cores with wrk does.
TICKS=$(getconf CLK_TCK)
SERVER=

cpu_ticks() { # utime + stime of a process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

start_server() { # pool-size label [java options]
  local tokens="$OUT/tokens-$1.txt"
  # shellcheck disable=SC2086 # JAVA_OPTS and $3 are lists of options
  "$JAVA" -Xmx1g $JAVA_OPTS ${3:-} -cp "$JAR" dev.gatehouse.bench.http.HttpOverheadServer both \
    "$PORT" "$tokens" "$1" > "$OUT/$2.server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do grep -q ready "$OUT/$2.server.log" && break; sleep 0.5; done
  grep -q ready "$OUT/$2.server.log" || { echo "server did not start: $OUT/$2.server.log" >&2; exit 1; }
}

stop_server() {
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

load() { # path pool-size seconds [output]
  wrk -t2 -c64 "-d$3s" --latency -s http-tokens.lua "http://127.0.0.1:$PORT$1" "$OUT/tokens-$2.txt" \
    > "${4:-/dev/null}"
}

measure() { # path pool-size label
  local before
  before=$(cpu_ticks "$SERVER")
  load "$1" "$2" "$DURATION" "$OUT/$3.txt"
  local used=$(( $(cpu_ticks "$SERVER") - before ))
  local rps requests p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/$3.txt")
  requests=$(awk '/requests in/ { print $1 }' "$OUT/$3.txt")
  p99=$(sed -n 's/.*p99_us=\([0-9]*\).*/\1/p' "$OUT/$3.txt")
  non2xx=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' "$OUT/$3.txt")
  printf '%s,%s,%s,%s,%s,%s\n' "$3" "$rps" "$p99" $(( used * 1000000 / TICKS / requests )) \
    "$non2xx" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/summary.csv"
}

pair() { # pool-size suffix round
  if (( $3 % 2 == 1 )); then
    measure /plain/hello "$1" "plain-$2"; measure /api/hello "$1" "filter-$2"
  else
    measure /api/hello "$1" "filter-$2"; measure /plain/hello "$1" "plain-$2"
  fi
}

echo "case,requests_per_s,p99_us,server_cpu_us_per_request,non2xx,load_1min" | tee "$OUT/summary.csv"
start_server 1000 pool1000
load /plain/hello 1000 8; load /api/hello 1000 8
for round in $(seq 1 "$ROUNDS"); do
  pair 1000 "pool1000-r$round" "$round"
done
stop_server
start_server 20000 distinct -Dbench.tokenCacheEntries=1000
load /plain/hello 20000 8; load /api/hello 20000 8
pair 20000 distinct 1
stop_server
python3 - "$OUT/summary.csv" <<'PY' | tee "$OUT/ratios.txt"
import csv, statistics, sys
rows = {r["case"]: r for r in csv.DictReader(open(sys.argv[1]))}
rounds = sorted({c.split("-", 1)[1] for c in rows if c.startswith("plain-pool")})
ratios = [float(rows["filter-" + r]["requests_per_s"]) / float(rows["plain-" + r]["requests_per_s"]) for r in rounds]
cpu = [int(rows["filter-" + r]["server_cpu_us_per_request"]) - int(rows["plain-" + r]["server_cpu_us_per_request"]) for r in rounds]
print("pool of 1,000: filter/plain requests/s per round: " + " ".join(f"{x:.2f}" for x in ratios))
print(f"  median {statistics.median(ratios):.2f}, mean {statistics.mean(ratios):.2f}, "
      f"ratio of the summed requests/s {sum(float(rows['filter-' + r]['requests_per_s']) for r in rounds) / sum(float(rows['plain-' + r]['requests_per_s']) for r in rounds):.2f}")
print("  server CPU per request added by the filter (us): " + " ".join(str(x) for x in cpu))
d = float(rows["filter-distinct"]["requests_per_s"]) / float(rows["plain-distinct"]["requests_per_s"])
print(f"distinct tokens (20,000, cache of 1,000): filter/plain {d:.2f}")
PY
echo "results in $OUT"
