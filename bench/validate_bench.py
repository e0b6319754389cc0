#!/usr/bin/env python3
"""Benchmark of `tracepaper validate` on synthetic models of N aggregates.

Measures wall time (including JVM start) and peak resident memory of whole runs of the
shaded jar, as a user meets them, next to the floor (the same JVM printing --version).
Reports medians of several runs, the cost above the floor per aggregate, and the growth
ratio between sizes (10x the aggregates should cost about 10x above the floor: linear).
The rows run interleaved (each round runs every row once, after a warm-up round), so that a
slow minute of a shared machine hits every row alike.

Usage: bench/validate_bench.py [--runs 7] [--sizes 10,100,1000] [--java-opts "..."]
                               [--launcher] [--parse-floor] [--baseline DIR] [--jar JAR]
Run from the repository root; it builds the jar and the synthetic model writer first.
--parse-floor adds, per size, a run that only finds and parses the model's YAML (the floor
of any validator of those files). --baseline DIR adds, per size, the same run of another
checkout's launcher (DIR/tracepaper, e.g. a worktree of main) for a before/after comparison.
--jar measures another build of the generator (e.g. one with a rule's limit lifted, so that a
model past it is validated whole); with --launcher, that jar with the launcher's JVM options and
a class-data archive of its own.
"""
import argparse
import glob
import os
import subprocess
import tempfile

from benchlib import (JAR, LAUNCHER_JVM_OPTS, ROOT, TEST_CLASSES, build, interleaved, launcher_like,
                      synthetic_model)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument(
        "--launcher", action="store_true",
        help="run ./tracepaper (CDS archive, C1, parallel GC) instead of plain java -jar")
    parser.add_argument("--parse-floor", action="store_true")
    parser.add_argument("--baseline", default=None)
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    if not args.no_build:
        build()
    java = ["java"] + args.java_opts.split()
    if args.launcher and not args.jar:
        subprocess.run(["./tracepaper", "--version"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    if args.baseline:
        subprocess.run([os.path.join(args.baseline, "tracepaper"), "--version"], check=True,
                       stdout=subprocess.DEVNULL)
    sizes = [int(s) for s in args.sizes.split(",")]

    if args.jar:
        jar = os.path.abspath(args.jar)
        tool = launcher_like(jar) if args.launcher else java + ["-jar", jar]
    else:
        tool = ["./tracepaper"] if args.launcher else java + ["-jar", JAR]
    parse = parse_only_command(args.launcher, java)
    rows = [("JVM start + --version (floor)", "-", tool + ["--version"])]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            model = os.path.join(tmp, f"model{n}")
            synthetic_model(n, model)
            lines = sum(1 for f in os.listdir(model) for _ in open(os.path.join(model, f)))
            if args.parse_floor:
                rows.append((f"parse the YAML only, {n} aggregates", "-", parse + [model, "--parse-only"]))
            if args.baseline:
                rows.append((f"baseline: validate, {n} aggregates", "-",
                             [os.path.join(args.baseline, "tracepaper"), "validate", "--quiet", model]))
            rows.append((f"validate, {n} aggregates ({lines} lines)", n, tool + ["validate", "--quiet", model]))
        results = interleaved([(cmd, None) for _, _, cmd in rows], args.runs)

    how = "./tracepaper launcher" if args.launcher else "java -jar " + (args.java_opts or "")
    print(f"runs per row: {args.runs}, interleaved; command: {how}")
    print("| run | median wall (s) | min-max (s) | median CPU (s) | median peak RSS (MiB) | wall above floor (s) | per aggregate (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    floor = results[0][0]
    for (label, n, _), (wall, rss, lo, hi, cpu) in zip(rows, results):
        above = wall - floor
        per = f"{1000 * above / n:.2f}" if n != "-" else "-"
        print(f"| {label} | {wall:.2f} | {lo:.2f}-{hi:.2f} | {cpu:.2f} | {rss:.0f} | {above:.2f} | {per} |")
    measured = [(n, r[0] - floor) for (_, n, _), r in zip(rows, results) if n != "-"]
    for (n1, t1), (n2, t2) in zip(measured, measured[1:]):
        if t1 > 0:
            print(f"growth {n1} -> {n2} aggregates ({n2 / n1:.0f}x): {t2 / t1:.1f}x the time above the floor")


def parse_only_command(launcher, java):
    """The JVM of the validate rows, running dev.tracepaper.bench.ValidatePhases --parse-only."""
    classpath = TEST_CLASSES + os.pathsep + JAR
    if not launcher:
        return java + ["-cp", classpath, "dev.tracepaper.bench.ValidatePhases"]
    options = list(LAUNCHER_JVM_OPTS) + ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    archives = glob.glob(os.path.join(ROOT, "generator", "target", "tracepaper-*.jsa"))
    if archives:
        options.append("-XX:SharedArchiveFile=" + archives[0])
    return ["java"] + options + ["-cp", classpath, "dev.tracepaper.bench.ValidatePhases"]


if __name__ == "__main__":
    main()
