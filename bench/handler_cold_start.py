#!/usr/bin/env python3
"""Cold start of a generated command handler: from a fresh JVM to the first handled command.

Starts moto_server, creates the event-store table (pk S, sk N, stream NEW_IMAGE) with boto3,
then runs a tiny driver, compiled on the fly, on the classpath of the shaded Lambda jar:
`new BookCommandHandler().handleRequest(...)` (the constructor the Lambda runtime calls, so the
DynamoDB client is built from the environment) with an AppSync-shaped `registerBook` event, twice.
The driver prints the clock when main starts and after each answer; the script subtracts the time
it spawned the JVM. Variants: default JVM, C1 only, a class-data sharing archive (dynamic, written
by a training run), both, and JDK 25's AOT cache. These are local stand-ins for Lambda tuning;
SnapStart (a restored snapshot of an initialised JVM) cannot be measured here.

Usage: bench/handler_cold_start.py PROJECT [--runs 7] [--java JAVA_HOME]
PROJECT is a project generated from examples/library and built (./mvnw -B -o package -DskipTests).
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import boto3

DRIVER = r"""
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

public class Driver {
  static long micros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  static String event(String isbn) {
    return "{\"arguments\":{\"input\":{\"isbn\":\"" + isbn + "\",\"title\":\"Dune\",\"copies\":2}},"
        + "\"identity\":{\"sub\":\"sub-bench\",\"username\":\"bench\",\"groups\":[\"librarian\"],"
        + "\"claims\":{\"cognito:username\":\"bench\",\"cognito:groups\":[\"librarian\"]}},"
        + "\"info\":{\"fieldName\":\"registerBook\"}}";
  }

  public static void main(String[] args) throws Exception {
    System.out.println("main " + micros());
    com.example.library.book.BookCommandHandler handler =
        new com.example.library.book.BookCommandHandler();
    for (int i = 0; i < args.length; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(event(args[i]).getBytes(StandardCharsets.UTF_8)), out, null);
      long at = micros();
      String answer = out.toString(StandardCharsets.UTF_8);
      if (!answer.contains("\"version\":1")) {
        throw new IllegalStateException("unexpected answer: " + answer);
      }
      System.out.println("answer " + at);
    }
  }
}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("moto_server did not start")


def isbn(run, command):
    return f"978{run:06d}{command:04d}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--java", default=os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"))
    args = parser.parse_args()
    jar = os.path.join(os.path.abspath(args.project), "target", "library-lambda.jar")
    java, javac = os.path.join(args.java, "bin", "java"), os.path.join(args.java, "bin", "javac")

    port = free_port()
    moto = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(port)
        endpoint = f"http://127.0.0.1:{port}"
        env = dict(os.environ, EVENT_STORE_TABLE="bench-events", AWS_REGION="us-east-1",
                   AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_ENDPOINT_URL=endpoint)
        boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                     aws_access_key_id="test", aws_secret_access_key="test").create_table(
            TableName="bench-events", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "N"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})

        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "Driver.java"), "w") as f:
                f.write(DRIVER)
            classes = os.path.join(tmp, "classes")
            driver = os.path.join(tmp, "driver.jar")  # a jar: CDS refuses folders on the classpath
            subprocess.run([javac, "-cp", jar, "-d", classes, os.path.join(tmp, "Driver.java")], check=True)
            subprocess.run([os.path.join(args.java, "bin", "jar"), "cf", driver, "-C", classes, "."], check=True)
            base = [java, "-XX:-UsePerfData", "-cp", jar + os.pathsep + driver]
            counter = iter(range(1, 1_000_000))

            def run(opts):
                n = next(counter)
                started = time.time()
                done = subprocess.run(base[:1] + opts + base[1:] + ["Driver", isbn(n, 1), isbn(n, 2)],
                                      env=env, capture_output=True, text=True)
                if done.returncode != 0:
                    sys.exit(f"the driver failed with {' '.join(opts)}:\n{done.stdout}{done.stderr}")
                marks = [int(line.split()[1]) / 1e6 - started for line in done.stdout.splitlines()
                         if line.startswith(("main ", "answer "))]
                return marks  # main reached, first answer, second answer (s after spawn)

            cds = os.path.join(tmp, "app.jsa")
            aot = os.path.join(tmp, "app.aot")
            run([f"-XX:ArchiveClassesAtExit={cds}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"])
            run([f"-XX:AOTCacheOutput={aot}", "-Xlog:aot=off", "-Xlog:cds=off"])
            variants = [
                ("default JVM (C2, G1)", []),
                ("C1 only (-XX:TieredStopAtLevel=1)", ["-XX:TieredStopAtLevel=1"]),
                ("CDS archive of the app (-XX:SharedArchiveFile)", [f"-XX:SharedArchiveFile={cds}", "-Xlog:cds=off"]),
                ("CDS archive + C1 only", [f"-XX:SharedArchiveFile={cds}", "-Xlog:cds=off", "-XX:TieredStopAtLevel=1"]),
                ("JDK 25 AOT cache (-XX:AOTCache)", [f"-XX:AOTCache={aot}", "-Xlog:aot=off", "-Xlog:cds=off"]),
            ]
            samples = {label: [] for label, _ in variants}
            for round_ in range(args.runs + 1):  # interleaved; round 0 is a warm-up
                for label, opts in variants:
                    marks = run(opts)
                    if round_ > 0:
                        samples[label].append(marks)
    finally:
        os.killpg(moto.pid, signal.SIGTERM)  # moto_server and any child it started
        moto.wait()

    print(f"{args.runs} runs per row, interleaved, after one warm-up round; {java}")
    print("| JVM | main reached (s) | first command answered (s) | min-max (s) | × default | second command (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    baseline = statistics.median(m[1] for m in samples[variants[0][0]])
    for label, _ in variants:
        runs = samples[label]
        first = [m[1] for m in runs]
        print(f"| {label} | {statistics.median(m[0] for m in runs):.2f} | {statistics.median(first):.2f}"
              f" | {min(first):.2f}-{max(first):.2f} | {statistics.median(first) / baseline:.2f}"
              f" | {1000 * statistics.median(m[2] - m[1] for m in runs):.0f} |")

if __name__ == "__main__":
    main()
