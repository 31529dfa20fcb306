#!/usr/bin/env python3
"""Bar chart of the ratios to the raw JCA floor, one group per algorithm.

Usage: chart.py [--cpu] OUT.png LABEL=RESULTS.json [LABEL=RESULTS.json ...]

--cpu plots the ratio of CPU time per operation (CpuTimeProfiler) instead of throughput: the
steadier figure when other processes shared the machine during the run.

Needs matplotlib (Debian: apt-get install -y python3-matplotlib, then run with /usr/bin/python3).
With two labelled runs (for example JDK 17 and JDK 25) the bars are drawn side by side.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

import ratios  # noqa: E402

# The cache hit is tens of times the floor: it gets a line in the table, not a bar here.
PEERS = [n for n in ratios.ORDER if n not in (ratios.FLOOR, ratios.CACHE_HIT)]


PALETTE = ["#2c7bb6", "#fdae61", "#1a9641", "#d7191c"]


def ratio_error(row, floor):
    """The ratio's error from both scores' relative errors (first-order propagation)."""
    rel = ((row["error"] / row["score"]) ** 2 + (floor["error"] / floor["score"]) ** 2) ** 0.5
    return row["ratio"] * rel


def main(argv):
    metric = "ratio"
    if argv and argv[0] == "--cpu":
        metric = "cpu_ratio"
        argv = argv[1:]
    if len(argv) < 2:
        sys.exit(__doc__)
    out, runs = argv[0], [a.split("=", 1) for a in argv[1:]]
    data = [(label, ratios.load(path)) for label, path in runs]
    fig, axes = plt.subplots(1, len(ratios.ALGS), figsize=(13, 4.6), sharey=True)
    width = 0.8 / len(data)
    for ax, alg in zip(axes, ratios.ALGS):
        for j, (label, rows) in enumerate(data):
            xs, ys, errs, colors = [], [], [], []
            for i, name in enumerate(PEERS):
                r = rows.get((name, alg))
                if r is None or r[metric] is None:
                    continue
                xs.append(i + (j - (len(data) - 1) / 2) * width)
                ys.append(r[metric])
                errs.append(ratio_error(r, rows[(ratios.FLOOR, alg)]) if metric == "ratio" else 0)
                colors.append("#c0392b" if name == "Gatehouse" else None)
            bars = ax.bar(xs, ys, width, yerr=errs if metric == "ratio" else None,
                          error_kw={"elinewidth": 0.7, "capsize": 2},
                          color=PALETTE[j % len(PALETTE)])
            for bar, c in zip(bars, colors):
                if c:
                    bar.set_edgecolor(c)
                    bar.set_linewidth(2)
            for x, y in zip(xs, ys):
                ax.text(x, y + 0.01, f"{y:.2f}", ha="center", va="bottom", fontsize=7)
        goal = ratios.GOALS[alg]
        ax.axhline(1.0, color="black", linewidth=0.8)
        ax.axhline(goal, color="#c0392b", linestyle="--", linewidth=0.8)
        ax.text(len(PEERS) - 0.5, goal, f"goal {goal}x", color="#c0392b", fontsize=7,
                ha="right", va="bottom")
        ax.set_title(alg)
        ax.set_xticks(range(len(PEERS)))
        ax.set_xticklabels(PEERS, rotation=35, ha="right", fontsize=8)
        ax.set_ylim(0, 1.3)
    axes[0].set_ylabel("throughput / raw JCA floor (same run)" if metric == "ratio"
                       else "floor CPU time / CPU time per op (same run)")
    if len(data) > 1:
        handles = [Patch(color=PALETTE[j % len(PALETTE)], label=label)
                   for j, (label, _) in enumerate(data)]
        fig.legend(handles=handles, loc="upper right", fontsize=8, ncol=len(data))
    what = ("Throughput relative to the raw JCA floor" if metric == "ratio"
            else "CPU cost of the raw JCA floor relative to each verifier's")
    fig.suptitle(what + ", higher is better\nGatehouse outlined in red"
                 + ("; whiskers: 99.9% errors of both scores" if metric == "ratio" else ""),
                 fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 0.92))
    fig.savefig(out, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1:])
