#!/usr/bin/env bash
# HTTP cost of the shared revocation check (issue 17): the same Jetty 12 endpoint behind
# GatehouseFilter with the in-process store (/mem/hello) and with gatehouse.store=hazelcast, near
# cache on (/hz/hello) and off (/hznc/hello), driven by wrk on 127.0.0.1 with a bearer token on
# every request drawn round-robin from a pool of 1,000 (http-tokens.lua, as http-overhead.sh).
#
# All variants live in one server JVM (HttpStoreServer), so they run on the same JIT-compiled
# Jetty code. Each Hazelcast variant is its own cluster of two embedded members in that JVM (the
# filter's and a peer holding about half of the keys; -Dbench.hzMembers=N in JAVA_OPTS changes
# it). Every store holds 1,000 revoked token ids of other tokens and one revoked subject, so the
# check asks the store for the jti, sub and sid of every request; the server refuses to start
# unless a revoked token is refused and a good one accepted on every path. Token cache on.
#
# After a warm-up of every path, the variants run for ROUNDS rounds (default 6, the order flipping
# each round), DURATION seconds each (default 15). Besides requests/s and p99, the server's own CPU
# time per request is recorded (from /proc/<pid>/stat over each run). ratios.txt gives hz/mem (the
# goal: at least 0.85x requests/s with the near cache) and hznc/mem per round, and CPU per request.
# VARIANTS="mem hz" skips the variant without near cache (mem must stay: it is the reference).
# The Hazelcast store answers lookups from its node-local mirror of the revocations, whatever the
# pool; many distinct tokens, with a token cache to hold them:
# POOL=20000 JAVA_OPTS="-Dbench.headerCacheSize=0 -Dbench.tokenCacheEntries=30000".
# Needs wrk (apt-get install wrk) and the benchmarks jar:
#   mvn -B -ntp -q -Pbench -pl filter-bench -am package -DskipTests
# Server and wrk share the cores.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=${OUT:-target/http-results/store-$(date -u +%Y%m%dT%H%M%SZ)}
PORT=${PORT:-18310}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-8}
POOL=${POOL:-1000}
read -r -a VARIANTS <<< "${VARIANTS:-mem hz hznc}"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# As http-overhead.sh: without Jetty's per-connection header field cache unless JAVA_OPTS says.
JAVA_OPTS=${JAVA_OPTS--Dbench.headerCacheSize=0}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 2; }
TICKS=$(getconf CLK_TCK)
TOKENS="$OUT/tokens.txt"
SERVER=

cpu_ticks() { # utime + stime of a process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

start_server() {
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" -Xmx1g $JAVA_OPTS -cp "$JAR" dev.gatehouse.bench.http.HttpStoreServer \
    "$PORT" "$TOKENS" "$POOL" > "$OUT/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do
    grep -q ready "$OUT/server.log" && return
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.5
  done
  echo "server did not start: $OUT/server.log" >&2
  kill "$SERVER" 2>/dev/null || true
  exit 1
}

stop_server() {
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT

load() { # variant seconds [output]
  wrk -t2 -c64 "-d$2s" --latency -s http-tokens.lua "http://127.0.0.1:$PORT/$1/hello" "$TOKENS" \
    > "${3:-/dev/null}"
}

measure() { # variant round
  local label="$1-r$2" before used
  before=$(cpu_ticks "$SERVER")
  load "$1" "$DURATION" "$OUT/$label.txt"
  used=$(( $(cpu_ticks "$SERVER") - before ))
  local rps requests p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/$label.txt")
  requests=$(awk '/requests in/ { print $1 }' "$OUT/$label.txt")
  p99=$(sed -n 's/.*p99_us=\([0-9]*\).*/\1/p' "$OUT/$label.txt")
  non2xx=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' "$OUT/$label.txt")
  printf '%s,%s,%s,%s,%s,%s,%s\n' "$1" "$2" "$rps" "$p99" \
    "$(awk -v u="$used" -v t="$TICKS" -v n="$requests" 'BEGIN { printf "%.1f", u * 1e6 / t / n }')" \
    "$non2xx" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/summary.csv"
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "cpus: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rounds: $ROUNDS x ${DURATION}s, warm-up ${WARMUP}s, pool $POOL, variants ${VARIANTS[*]}"
  echo "JAVA_OPTS: $JAVA_OPTS"
} > "$OUT/env.txt"

echo "variant,round,requests_per_s,p99_us,server_cpu_us_per_request,non2xx,load_1min" \
  | tee "$OUT/summary.csv"
start_server
for v in "${VARIANTS[@]}"; do load "$v" "$WARMUP"; done
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then
    order=("${VARIANTS[@]}")
  else
    order=(); for (( i=${#VARIANTS[@]}-1; i>=0; i-- )); do order+=("${VARIANTS[i]}"); done
  fi
  for v in "${order[@]}"; do measure "$v" "$round"; done
done
stop_server
SERVER=
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/env.txt"
python3 - "$OUT/summary.csv" <<'PY' | tee "$OUT/ratios.txt"
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {(r["variant"], r["round"]): r for r in rows}
rounds = sorted({r["round"] for r in rows}, key=int)
variants = [v for v in ("hz", "hznc") if any(r["variant"] == v for r in rows)]
def col(v, name):
    return [float(by[(v, r)][name]) for r in rounds]
mem_rps, mem_cpu, mem_p99 = col("mem", "requests_per_s"), col("mem", "server_cpu_us_per_request"), col("mem", "p99_us")
bad = sum(int(r["non2xx"]) for r in rows)
print(f"in-process store (mem): requests/s median {statistics.median(mem_rps):.0f}, "
      f"CPU per request median {statistics.median(mem_cpu):.1f} us, p99 median {statistics.median(mem_p99) / 1000:.2f} ms")
for v in variants:
    rps, cpu, p99 = col(v, "requests_per_s"), col(v, "server_cpu_us_per_request"), col(v, "p99_us")
    ratios = [a / b for a, b in zip(rps, mem_rps)]
    print(f"{v}/mem requests/s per round: " + " ".join(f"{x:.2f}" for x in ratios))
    print(f"  median {statistics.median(ratios):.2f}, mean {statistics.mean(ratios):.2f}, "
          f"ratio of the summed requests/s {sum(rps) / sum(mem_rps):.2f}"
          + ("  (goal: at least 0.85)" if v == "hz" else ""))
    print(f"  server CPU per request {v}/mem: " + " ".join(f"{a / b:.2f}" for a, b in zip(cpu, mem_cpu))
          + f"; added (us): " + " ".join(f"{a - b:.1f}" for a, b in zip(cpu, mem_cpu)))
    print(f"  p99 (ms) {v} vs mem: " + " ".join(f"{a / 1000:.2f}/{b / 1000:.2f}" for a, b in zip(p99, mem_p99)))
print(f"non-2xx responses over all runs: {bad}" + ("" if bad == 0 else "  (NOT a valid run)"))
PY
echo "results in $OUT"
