#!/usr/bin/env python3
"""Benchmark of `tracepaper generate` on synthetic models of N aggregates.

Measures wall time (including JVM start) and peak resident memory of whole `generate` runs into
a fresh folder, next to two floors: the same JVM printing --version, and a JVM writing the same
bytes into a fresh folder (dev.tracepaper.bench.CopyTree, test sources) without and with an
fsync of every file and folder, the durability AtomicTreeWriter gives. The rows of a size run
interleaved (one run of each per round), so that a slow minute of the shared machine hits them
alike; medians after one warm-up round.

Usage: bench/generate_bench.py [--runs 5] [--sizes 10,100,1000] [--launcher] [--java-opts "..."]
Run from the repository root; it builds the jar and the test classes first.
"""
import argparse
import os
import shutil
import subprocess
import tempfile

from benchlib import JAR, LAUNCHER_JVM_OPTS, ROOT, TEST_CLASSES, build, interleaved, synthetic_model


def tree_size(folder):
    files = total = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(parent, name))
    return files, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument(
        "--launcher", action="store_true",
        help="run ./tracepaper (CDS archive, C1, parallel GC) instead of plain java -jar")
    args = parser.parse_args()
    if not args.no_build:
        build()
    java = ["java"] + args.java_opts.split()
    if args.launcher:
        subprocess.run(["./tracepaper", "--version"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        tool = ["./tracepaper"]
        copier = ["java"] + LAUNCHER_JVM_OPTS + args.java_opts.split()
    else:
        tool = java + ["-jar", JAR]
        copier = java
    copier += ["-cp", TEST_CLASSES, "dev.tracepaper.bench.CopyTree"]

    floor = None
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")

        def fresh():
            # Untimed: delete the last run's tree and flush the disk, so that no run pays for
            # the writeback or the deletes of the one before.
            shutil.rmtree(out, ignore_errors=True)
            os.sync()

        for n in [int(s) for s in args.sizes.split(",")]:
            model = os.path.join(tmp, f"model{n}")
            reference = os.path.join(tmp, f"reference{n}")
            synthetic_model(n, model)
            subprocess.run(tool + ["generate", "--quiet", model, "-o", reference], cwd=ROOT, check=True)
            files, size = tree_size(reference)
            def previous():
                # Untimed: the folder as the last generation left it (same content and manifest),
                # so the run must compare every file and write none.
                fresh()
                shutil.copytree(reference, out, symlinks=True)
                os.sync()

            rows = [
                ("JVM start + --version", tool + ["--version"], fresh),
                ("JVM writes the same bytes, no fsync", copier + [reference, out], fresh),
                ("JVM writes the same bytes, fsync per file", copier + [reference, out, "--fsync"], fresh),
                ("generate", tool + ["generate", "--quiet", model, "-o", out], fresh),
                ("regenerate, model unchanged (nothing written)",
                 tool + ["generate", "--quiet", model, "-o", out], previous),
            ]
            results = interleaved([(cmd, before) for _, cmd, before in rows], args.runs)
            floor = results[0]
            table.append(f"| **{n} aggregates**: {files} files, {size / 2**20:.1f} MiB | | | | | |")
            for (label, _, _), (wall, rss, lo, hi, cpu) in zip(rows, results):
                ratio = wall / floor[0]
                table.append(f"| {label} | {wall:.2f} | {lo:.2f}-{hi:.2f} | {cpu:.2f} | {rss:.0f} | {ratio:.1f} |")
            generate, synced = results[3][0], results[2][0]
            table.append(f"| generate minus fsync'd copy (its own work) | {generate - synced:.2f} | | | | |")

    how = "./tracepaper launcher" if args.launcher else "java -jar " + (args.java_opts or "")
    print(f"runs per row: {args.runs} (interleaved, after one warm-up round); command: {how}")
    print("| run | median wall (s) | min-max (s) | median CPU (s) | median peak RSS (MiB) | × --version |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(table))


if __name__ == "__main__":
    main()
