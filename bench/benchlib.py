"""Shared helpers of the benchmarks: build the jar, time whole processes, take medians."""
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "generator", "target", "tracepaper.jar")
TEST_CLASSES = os.path.join(ROOT, "generator", "target", "test-classes")
# The JVM options of ./tracepaper, for helper JVMs that should start like the launcher's.
LAUNCHER_JVM_OPTS = ["-XX:TieredStopAtLevel=1", "-XX:C1MaxInlineSize=15", "-XX:+UseParallelGC", "-Xmn24m", "-XX:-UsePerfData"]


def build():
    subprocess.run(
        ["./mvnw", "-q", "-B", "-DskipTests", "-Dspotless.check.skip=true", "package", "test-compile"],
        cwd=ROOT, check=True)


def synthetic_model(n, folder):
    """Writes SyntheticModel's model of n aggregates into folder."""
    subprocess.run(
        ["java", "-cp", TEST_CLASSES + os.pathsep + JAR, "dev.tracepaper.bench.SyntheticModel",
         str(n), folder], check=True)


def timed(cmd, cwd=ROOT, env=None):
    """Runs cmd under /usr/bin/time; returns (wall s, CPU s, peak RSS MiB, exit code)."""
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M"] + cmd, cwd=cwd, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall, user, system, rss_kib = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss_kib) / 1024, result.returncode


def summary(samples):
    """(median wall, median RSS, min wall, max wall, median CPU) of (wall, CPU, RSS) samples."""
    walls = [s[0] for s in samples]
    return (statistics.median(walls), statistics.median(s[2] for s in samples), min(walls),
            max(walls), statistics.median(s[1] for s in samples))


def measure(cmd, runs, expect_exit=0, before=None):
    """Times cmd runs times after one warm-up run; before() runs untimed ahead of each run."""
    samples = []
    for i in range(runs + 1):
        if before:
            before()
        wall, cpu, rss, code = timed(cmd)
        if code != expect_exit:
            sys.exit(f"{' '.join(cmd)} exited {code}, expected {expect_exit}")
        if i > 0:
            samples.append((wall, cpu, rss))
    return summary(samples)


def interleaved(rows, runs):
    """Times every (cmd, before) of rows once per round, rounds after a warm-up round, so that a
    slow minute of the machine hits every row alike. Returns one summary per row."""
    samples = [[] for _ in rows]
    for round_ in range(runs + 1):
        for i, (cmd, before) in enumerate(rows):
            if before:
                before()
            wall, cpu, rss, code = timed(cmd)
            if code != 0:
                sys.exit(f"{' '.join(cmd)} exited {code}")
            if round_ > 0:
                samples[i].append((wall, cpu, rss))
    return [summary(s) for s in samples]


def launcher_like(jar):
    """The command ./tracepaper runs, for another jar: its JVM options and a class-data archive
    made for that jar by the launcher's training run (generating examples/library)."""
    archive = jar + ".jsa"
    if not os.path.exists(archive) or os.path.getmtime(archive) < os.path.getmtime(jar):
        with tempfile.TemporaryDirectory() as training:
            subprocess.run(
                ["java"] + LAUNCHER_JVM_OPTS + [f"-XX:ArchiveClassesAtExit={archive}", "-jar", jar,
                 "generate", "--quiet", os.path.join(ROOT, "examples", "library"),
                 "-o", os.path.join(training, "library")],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (["java"] + LAUNCHER_JVM_OPTS
            + ["-Xlog:cds=off", "-Xlog:cds+dynamic=off", f"-XX:SharedArchiveFile={archive}", "-jar", jar])
