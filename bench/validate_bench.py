#!/usr/bin/env python3
"""Benchmark of `tracepaper validate` on synthetic models of N aggregates.

Measures wall time (including JVM start) and peak resident memory of whole runs of the
shaded jar, as a user meets them, next to the floor (the same JVM printing --version).
Reports medians of several runs, the cost above the floor per aggregate, and the growth
ratio between sizes (10x the aggregates should cost about 10x above the floor: linear).

Usage: bench/validate_bench.py [--runs 7] [--sizes 10,100,1000] [--java-opts "..."]
Run from the repository root; it builds the jar and the synthetic model writer first.
"""
import argparse
import os
import subprocess
import tempfile

from benchlib import JAR, ROOT, build, measure, synthetic_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument(
        "--launcher", action="store_true",
        help="run ./tracepaper (CDS archive, C1, serial GC) instead of plain java -jar")
    args = parser.parse_args()
    if not args.no_build:
        build()
    java = ["java"] + args.java_opts.split()
    if args.launcher:
        subprocess.run(["./tracepaper", "--version"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    sizes = [int(s) for s in args.sizes.split(",")]

    tool = ["./tracepaper"] if args.launcher else java + ["-jar", JAR]
    floor = measure(tool + ["--version"], args.runs)
    rows = [("JVM start + --version (floor)", "-", floor)]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            model = os.path.join(tmp, f"model{n}")
            synthetic_model(n, model)
            lines = sum(1 for f in os.listdir(model) for _ in open(os.path.join(model, f)))
            result = measure(tool + ["validate", "--quiet", model], args.runs)
            rows.append((f"validate, {n} aggregates ({lines} lines)", n, result))

    how = "./tracepaper launcher" if args.launcher else "java -jar " + (args.java_opts or "")
    print(f"runs per row: {args.runs}; command: {how}")
    print("| run | median wall (s) | min-max (s) | median CPU (s) | median peak RSS (MiB) | wall above floor (s) | per aggregate (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, n, (wall, rss, lo, hi, cpu) in rows:
        above = wall - floor[0]
        per = f"{1000 * above / n:.2f}" if n != "-" else "-"
        print(f"| {label} | {wall:.2f} | {lo:.2f}-{hi:.2f} | {cpu:.2f} | {rss:.0f} | {above:.2f} | {per} |")
    measured = [(n, r[0] - floor[0]) for _, n, r in rows if n != "-"]
    for (n1, t1), (n2, t2) in zip(measured, measured[1:]):
        if t1 > 0:
            print(f"growth {n1} -> {n2} aggregates ({n2 / n1:.0f}x): {t2 / t1:.1f}x the time above the floor")


if __name__ == "__main__":
    main()
