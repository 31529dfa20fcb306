#!/usr/bin/env bash
# Runs the whole JMH suite once, bounded (about 9 minutes on 2 cores), and writes
#   filter-bench/target/results/<jdk>-<time>/{results.json,jmh.log,ratios.md,ratios.csv,env.txt,load.txt,chart.png}
#
# Usage (from anywhere):
#   filter-bench/run.sh                      # build with Maven, then run everything
#   filter-bench/run.sh --no-build           # reuse filter-bench/target/benchmarks.jar
#   filter-bench/run.sh --no-build -p alg=ES256 'RawJcaFloor|Gatehouse'   # re-run a noisy pair
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 filter-bench/run.sh --no-build   # another JDK
# Arguments after the options are passed to JMH and override the defaults below.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=1
if [[ "${1:-}" == "--no-build" ]]; then
  build=0
  shift
fi

if [[ $build == 1 ]]; then
  # -am builds filter-core from source in the same reactor; its tests are not the point here.
  (cd "$root" && mvn -B -ntp -q -Pbench -pl filter-bench -am package -DskipTests)
fi
jar="$here/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "missing $jar: run without --no-build" >&2; exit 1; }

feature="$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
out="$here/target/results/jdk${feature}-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out/tmp"

# Other processes skew every number (2 cores). Wait, bounded, for the 1-minute load to drop below
# BENCH_QUIET_LOAD (default 1.0) for at most BENCH_QUIET_WAIT seconds (default 300), then go on.
quiet_load="${BENCH_QUIET_LOAD:-1.0}"
deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-300}))
while awk -v max="$quiet_load" '{exit !($1 >= max)}' /proc/loadavg && ((SECONDS < deadline)); do
  echo "waiting for load $(cut -d' ' -f1 /proc/loadavg) < $quiet_load ..." >&2
  sleep 15
done

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $java"
  "$java" -version 2>&1 | sed 's/^/  /'
} > "$out/env.txt"
cat "$out/env.txt"

# The machine may be shared: sample the load every 10 s so noisy stretches can be told apart.
(while sleep 10; do echo "$(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)"; done) > "$out/load.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

# Own tmpdir: JMH takes a global lock in java.io.tmpdir, so two runs on one machine would block.
# Single-threaded, one fork per benchmark and algorithm, 5 x 2 s warm-up, 5 x 2 s measurement.
"$java" -Djava.io.tmpdir="$out/tmp" -jar "$jar" \
  -f 1 -t 1 -wi 5 -w 2s -i 5 -r 2s -tu s -bm thrpt \
  -e '\.stages\.' -prof gc -prof dev.gatehouse.bench.CpuTimeProfiler -rf json -rff "$out/results.json" "$@" 2>&1 | tee "$out/jmh.log"

if grep -q '<failure>' "$out/jmh.log"; then
  echo "WARNING: some benchmarks failed (a sanity check, most likely): see $out/jmh.log" >&2
fi
echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/env.txt"
# JMH alone keeps about 1.2 to 1.5 of the 2 cores busy (benchmark, JIT and GC threads).
max_load="$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$out/load.txt")"
echo "highest 1-minute load during the run: $max_load" >> "$out/env.txt"
if awk -v m="$max_load" 'BEGIN {exit !(m > 2.5)}'; then
  echo "WARNING: load reached $max_load during the run: other processes competed for the 2 cores;" \
    "re-run the affected benchmarks (see $out/load.txt)" >&2
fi
python3 "$here/ratios.py" "$out/results.json" --csv "$out/ratios.csv" | tee "$out/ratios.md"
# A chart when matplotlib is there (Debian: apt-get install -y python3-matplotlib).
for py in python3 /usr/bin/python3; do
  if "$py" -c 'import matplotlib' 2>/dev/null; then
    "$py" "$here/chart.py" "$out/chart.png" "JDK $feature=$out/results.json" && echo "chart: $out/chart.png"
    break
  fi
done
echo "results in $out"
