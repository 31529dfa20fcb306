#!/usr/bin/env python3
"""Ratios to the raw JCA floor from JMH JSON results (python3 standard library only).

Usage: ratios.py RESULTS.json [MORE.json ...] [--csv OUT.csv]

Prints a Markdown table: throughput, its 99.9% error, the ratio to RawJcaFloor for the same
algorithm in the same file (of the means, and of the medians of the measurement iterations,
which is less moved by a burst of load from other processes), the JVM's CPU time per operation
and the floor's over it (from dev.gatehouse.bench.CpuTimeProfiler, steadier still on a shared
machine), and bytes allocated per operation (from -prof gc). Several files may
be given; each ratio is always computed within one file (one run), so that a re-run of a noisy
pair (for example 'RawJcaFloor|Gatehouse' -p alg=ES256) replaces both numbers together. Later
files win over earlier ones for the same benchmark and algorithm.
"""
import json
import statistics
import sys

FLOOR = "RawJcaFloor"
# Gatehouse goals from the issue: uncached verification as a share of the floor.
GOALS = {"RS256": 0.95, "PS256": 0.90, "ES256": 0.90}
# Cache hit goals: at least this many times the RS256 floor's throughput, under this many B/op.
CACHE_HIT = "GatehouseCacheHit"
CACHE_GOAL_RATIO = 30.0
CACHE_GOAL_BYTES = 1024
ORDER = ["RawJcaFloor", "Gatehouse", CACHE_HIT, "Jose4jConsumer", "NimbusProcessor",
         "SpringNimbusJwtDecoder", "Auth0JavaJwt", "SmallRyeJwt"]
ALGS = ["RS256", "PS256", "ES256"]


def number(value):
    """JMH writes "NaN" (a string) for the error of fewer than three iterations."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if x != x else x


def load(path):
    rows = {}
    with open(path) as f:
        for r in json.load(f):
            name = r["benchmark"].rsplit(".", 2)[-2]
            alg = r.get("params", {}).get("alg", "-")
            pm = r["primaryMetric"]
            secondary = r.get("secondaryMetrics", {})
            # JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a middle dot before it.
            gc = secondary.get("gc.alloc.rate.norm") or secondary.get("\u00b7gc.alloc.rate.norm")
            cpu = secondary.get("cpu.time.norm")  # from dev.gatehouse.bench.CpuTimeProfiler
            iterations = sorted(x for fork in pm.get("rawData", []) for x in fork)
            rows[(name, alg)] = {
                "score": pm["score"],
                "median": statistics.median(iterations) if iterations else pm["score"],
                "error": number(pm["scoreError"]),
                "unit": pm["scoreUnit"],
                "bytes": gc["score"] if gc else None,
                "cpu_ns": cpu["score"] if cpu else None,
                "jdk": r.get("jdkVersion", "?"),
            }
    for (name, alg), row in rows.items():
        floor = rows.get((FLOOR, alg))
        row["ratio"] = row["score"] / floor["score"] if floor else None
        row["median_ratio"] = row["median"] / floor["median"] if floor else None
        # Floor CPU time over this CPU time: like the throughput ratio, higher is better.
        row["cpu_ratio"] = (floor["cpu_ns"] / row["cpu_ns"]
                            if floor and floor["cpu_ns"] and row["cpu_ns"] else None)
    return rows


def merged(paths):
    rows = {}
    for p in paths:
        rows.update(load(p))
    return rows


def sort_key(key):
    name, alg = key
    return (ALGS.index(alg) if alg in ALGS else 99,
            ORDER.index(name) if name in ORDER else 99, name)


def judge(throughput_ratio, cpu_ratio, goal):
    """Met only when throughput and, if measured, CPU time both reach the goal.

    When they disagree, other processes most likely took CPU from some benchmarks of the run:
    the throughput ratio is then not trustworthy, and the pair should be run again.
    """
    tp = throughput_ratio >= goal
    if cpu_ratio is None or (cpu_ratio >= goal) == tp:
        return "met" if tp else "NOT met"
    return "inconclusive (throughput and CPU-time ratios disagree: load during the run? re-run)"


def fmt_ratio(x):
    if x is None:
        return "n/a"
    return f"{x:.1f}x" if x >= 10 else f"{x:.2f}x"


def main(argv):
    csv_out = None
    if "--csv" in argv:
        i = argv.index("--csv")
        csv_out = argv[i + 1]
        del argv[i:i + 2]
    if not argv:
        sys.exit(__doc__)
    rows = merged(argv)
    jdks = sorted({r["jdk"] for r in rows.values()})
    print(f"JDK: {', '.join(jdks)}\n")
    print("| alg | benchmark | ops/s | \u00b1 (99.9%) | ratio to floor | ratio of medians"
          " | CPU \u00b5s/op | CPU ratio | B/op |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for key in sorted(rows, key=sort_key):
        r = rows[key]
        ratio = fmt_ratio(r["ratio"])
        mratio = fmt_ratio(r["median_ratio"])
        cpu = f"{r['cpu_ns'] / 1000:,.1f}" if r["cpu_ns"] is not None else "n/a"
        cratio = fmt_ratio(r["cpu_ratio"])
        b = f"{r['bytes']:,.0f}" if r["bytes"] is not None else "n/a"
        name = f"**{key[0]}**" if key[0].startswith("Gatehouse") else key[0]
        print(f"| {key[1]} | {name} | {r['score']:,.0f} | {r['error']:,.0f} | {ratio} | {mratio} | {cpu} | {cratio} | {b} |")
    print()
    for alg, goal in GOALS.items():
        g = rows.get(("Gatehouse", alg))
        if g and g["ratio"] is not None:
            verdict = judge(g["ratio"], g["cpu_ratio"], goal)
            cpu = f", CPU {g['cpu_ratio']:.2f}x" if g["cpu_ratio"] is not None else ""
            print(f"- Gatehouse {alg}: {g['ratio']:.2f}x the floor (medians {g['median_ratio']:.2f}x{cpu}),"
                  f" goal {goal:.2f}x: {verdict}")
    hit = rows.get((CACHE_HIT, "RS256"))
    if hit and hit["ratio"] is not None:
        small = hit["bytes"] is not None and hit["bytes"] < CACHE_GOAL_BYTES
        verdict = judge(hit["ratio"], hit["cpu_ratio"], CACHE_GOAL_RATIO) if small else "NOT met"
        cpu = f", CPU {hit['cpu_ratio']:.1f}x" if hit["cpu_ratio"] is not None else ""
        print(f"- Gatehouse cache hit: {hit['ratio']:.1f}x the RS256 floor{cpu}"
              f" (goal {CACHE_GOAL_RATIO:.0f}x) and {hit['bytes']:,.0f} B/op"
              f" (goal < {CACHE_GOAL_BYTES}): {verdict}")
    if csv_out:
        with open(csv_out, "w") as f:
            f.write("alg,benchmark,ops_per_s,error,ratio,median_ratio,cpu_ns_per_op,cpu_ratio,"
                    "bytes_per_op\n")
            for key in sorted(rows, key=sort_key):
                r = rows[key]
                f.write(f"{key[1]},{key[0]},{r['score']:.1f},{r['error']:.1f},"
                        f"{'' if r['ratio'] is None else round(r['ratio'], 4)},"
                        f"{'' if r['median_ratio'] is None else round(r['median_ratio'], 4)},"
                        f"{'' if r['cpu_ns'] is None else round(r['cpu_ns'])},"
                        f"{'' if r['cpu_ratio'] is None else round(r['cpu_ratio'], 4)},"
                        f"{'' if r['bytes'] is None else round(r['bytes'])}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
