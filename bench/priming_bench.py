#!/usr/bin/env python3
"""First request of each kind of function, with and without priming before the SnapStart snapshot.

SnapStart restores a snapshot of the JVM taken after initialisation, and the generated handlers
register a priming hook (org.crac `beforeCheckpoint`, runtime class `Priming`) that runs a synthetic
request on clients answering from memory before that snapshot. This script measures what the
hook buys: in a fresh JVM per run, on the classpath of the shaded Lambda jar, a small driver

  1. creates the handler with its no-argument constructor, as the Lambda runtime does;
  2. primed runs only: calls `org.crac.Core.checkpointRestore()`, which runs the registered hooks
     through a stand-in of Lambda's CRaC implementation (`-Dorg.crac.Core.Compat=benchcrac`): the
     point where Lambda would take the snapshot;
  3. sends one real request, against moto_server, and waits for the answer.

It prints the clock and the JVM's count of loaded classes at each step. The first request (3) is
what a restored function runs first; in an unprimed run it loads what priming would have loaded.
Kinds: command (`BookCommandHandler`, `registerBook` of a new book), policy
(`WithdrawWhenLostHandler`, a `LoanReportedLost` of a registered book), projector (`ViewProjector`,
the stream record of a `BookRegistered`), publisher (`EventPublisher`, the same record to the bus).
The books and records are made by an untimed setup JVM per round.

Usage: bench/priming_bench.py PROJECT [--runs 7] [--java JAVA_HOME]
PROJECT is a project generated from examples/library and packaged (target/library-lambda.jar).
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import boto3
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from handler_cold_start import free_port, wait_for  # noqa: E402

# Lambda's JVM options for the generated functions (templates/lib/stack.ftl, JAVA_TOOL_OPTIONS).
JVM_OPTS = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Dorg.crac.Core.Compat=benchcrac"]
STACK = "bench"

DRIVER = r"""
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

public class Driver {
  static void mark(String name) {
    Instant now = Instant.now();
    long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    System.out.println(name + " " + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1000)
        + " " + classes);
    System.out.flush();
  }

  static String registerBook(String isbn) {
    return "{\"arguments\":{\"input\":{\"isbn\":\"" + isbn + "\",\"title\":\"Dune\",\"copies\":2}},"
        + "\"identity\":{\"sub\":\"sub-bench\",\"username\":\"bench\",\"groups\":[\"librarian\"]},"
        + "\"info\":{\"fieldName\":\"registerBook\"}}";
  }

  public static void main(String[] args) throws Exception {
    mark("main");
    String kind = args[0];
    boolean primed = args[1].equals("primed");
    if (kind.equals("setup")) {
      var handler = new com.example.library.book.BookCommandHandler();
      for (int i = 2; i < args.length; i++) {
        run(handler, registerBook(args[i]));
      }
      return;
    }
    com.amazonaws.services.lambda.runtime.RequestStreamHandler handler = switch (kind) {
      case "command" -> new com.example.library.book.BookCommandHandler();
      case "policy" -> new com.example.library.book.WithdrawWhenLostHandler();
      case "projector" -> new com.example.library.ViewProjector();
      case "publisher" -> new com.example.library.EventPublisher();
      default -> throw new IllegalArgumentException(kind);
    };
    mark("init");
    if (primed) {
      org.crac.Core.checkpointRestore();
    }
    mark("snapshot");
    String request = kind.equals("command") ? registerBook(args[2]) : Files.readString(Path.of(args[2]));
    String answer = run(handler, request);
    mark("answer");
    System.out.println("answer-text " + answer.replace('\n', ' '));
  }

  static String run(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String request)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }
}
"""

# A stand-in for the CRaC implementation Lambda's Java runtime gives org.crac (the same as the
# runtime's tests use: runtime/src/test/java/dev/tracepaper/runtime/crac).
CRAC = {
    "Resource": "public interface Resource { void beforeCheckpoint(Context<? extends Resource> c) throws Exception; void afterRestore(Context<? extends Resource> c) throws Exception; }",
    "Context": "public abstract class Context<R extends Resource> implements Resource { public abstract void register(R r); }",
    "CheckpointException": "public class CheckpointException extends Exception {}",
    "RestoreException": "public class RestoreException extends Exception {}",
    "Core": """public final class Core {
  static final java.util.List<Resource> RESOURCES = new java.util.ArrayList<>();
  static final Context<Resource> GLOBAL = new Context<>() {
    public void register(Resource r) { RESOURCES.add(r); }
    public void beforeCheckpoint(Context<? extends Resource> c) {}
    public void afterRestore(Context<? extends Resource> c) {}
  };
  public static Context<Resource> getGlobalContext() { return GLOBAL; }
  public static void checkpointRestore() throws CheckpointException, RestoreException {
    try {
      for (int i = RESOURCES.size() - 1; i >= 0; i--) RESOURCES.get(i).beforeCheckpoint(GLOBAL);
      for (Resource r : RESOURCES) r.afterRestore(GLOBAL);
    } catch (Exception e) { CheckpointException f = new CheckpointException(); f.addSuppressed(e); throw f; }
  }
}""",
}


class CfnLoader(yaml.SafeLoader):
    """Reads CloudFormation YAML: a short-form function (!Sub, !Ref, ...) reads as its argument."""


CfnLoader.add_multi_constructor(
    "!", lambda loader, suffix, node: loader.construct_scalar(node)
    if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node))


def create_tables(project, dynamodb):
    """Every DynamoDB table of the project's templates, named as in a stack called STACK."""
    names = {}
    for path in [os.path.join(project, "template.yaml")] + sorted(glob.glob(os.path.join(project, "stacks", "*.yaml"))):
        with open(path) as f:
            template = yaml.load(f, Loader=CfnLoader)
        for logical, resource in template.get("Resources", {}).items():
            if resource.get("Type") != "AWS::DynamoDB::Table":
                continue
            props = resource["Properties"]
            name = props["TableName"].replace("${AWS::StackName}", STACK).replace("${AppName}", STACK)
            spec = {"TableName": name, "BillingMode": "PAY_PER_REQUEST",
                    "AttributeDefinitions": props["AttributeDefinitions"], "KeySchema": props["KeySchema"]}
            if "StreamSpecification" in props:
                spec["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
            if "GlobalSecondaryIndexes" in props:
                spec["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
            dynamodb.create_table(**spec)
            names[logical] = name
    return names


def stream_event(dynamodb, table, isbn):
    """The stream record a DynamoDB stream would carry for the book's first event."""
    items = dynamodb.query(TableName=table, KeyConditionExpression="pk = :pk",
                           ExpressionAttributeValues={":pk": {"S": f"Book#{isbn}"}})["Items"]
    item = next(i for i in items if i["sk"]["N"] == "1")
    return {"Records": [{"eventName": "INSERT", "eventSource": "aws:dynamodb",
                         "dynamodb": {"SequenceNumber": f"1{isbn}", "NewImage": item}}]}


def lost_event(isbn):
    """The bus event of a LoanReportedLost of the book, as the publisher sends it; a member of its
    own per book, since the policy's idempotency key is the trigger's stream and version."""
    return {"source": "library.Lending.Membership", "detail-type": "LoanReportedLost",
            "detail": {"aggregate": "Membership", "key": f"m{isbn}", "version": 2, "type": "LoanReportedLost",
                       "schemaVersion": 1, "payload": {"isbn": isbn, "memberId": "m1"},
                       "timestamp": "2026-12-01T10:00:00Z", "correlationId": "bench",
                       "user": "sub-bench", "source": "library.Lending.Membership"}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--java", default=os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"))
    args = parser.parse_args()
    project = os.path.abspath(args.project)
    jar = os.path.join(project, "target", "library-lambda.jar")
    java, javac = os.path.join(args.java, "bin", "java"), os.path.join(args.java, "bin", "javac")

    port = free_port()
    moto = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(port)
        endpoint = f"http://127.0.0.1:{port}"
        session = dict(endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
        dynamodb = boto3.client("dynamodb", **session)
        tables = create_tables(project, dynamodb)
        boto3.client("events", **session).create_event_bus(Name=f"{STACK}-bus")
        env = dict(os.environ, AWS_REGION="us-east-1", AWS_ACCESS_KEY_ID="test",
                   AWS_SECRET_ACCESS_KEY="test", AWS_ENDPOINT_URL=endpoint,
                   EVENT_STORE_TABLE=tables["EventStoreTable"], EVENT_BUS_NAME=f"{STACK}-bus",
                   VIEW_TABLE_PREFIX=f"{STACK}.", VIEW_BOOKKEEPING_TABLE=tables["ViewBookkeepingTable"])

        with tempfile.TemporaryDirectory() as tmp:
            sources = os.path.join(tmp, "src")
            os.makedirs(os.path.join(sources, "benchcrac"))
            with open(os.path.join(sources, "Driver.java"), "w") as f:
                f.write(DRIVER)
            for name, body in CRAC.items():
                with open(os.path.join(sources, "benchcrac", name + ".java"), "w") as f:
                    f.write("package benchcrac;\n" + body + "\n")
            classes = os.path.join(tmp, "classes")
            driver = os.path.join(tmp, "driver.jar")
            subprocess.run([javac, "-nowarn", "-cp", jar, "-d", classes]
                           + glob.glob(os.path.join(sources, "**", "*.java"), recursive=True), check=True)
            subprocess.run([os.path.join(args.java, "bin", "jar"), "cf", driver, "-C", classes, "."], check=True)
            base = [java] + JVM_OPTS + ["-cp", jar + os.pathsep + driver, "Driver"]

            def run(arguments):
                started = time.time()
                done = subprocess.run(base + arguments, env=env, capture_output=True, text=True)
                if done.returncode != 0:
                    sys.exit(f"the driver failed with {arguments}:\n{done.stdout}{done.stderr}")
                marks, answer = {}, ""
                for line in done.stdout.splitlines():
                    parts = line.split(" ", 1)
                    if parts[0] in ("main", "init", "snapshot", "answer"):
                        at, loaded = parts[1].split()
                        marks[parts[0]] = (int(at) / 1e6 - started, int(loaded))
                    elif parts[0] == "answer-text":
                        answer = parts[1]
                return marks, answer

            kinds = ["command", "policy", "projector", "publisher"]
            samples = {(k, p): [] for k in kinds for p in ("unprimed", "primed")}
            for round_ in range(args.runs + 1):  # interleaved; round 0 is a warm-up
                books = {(k, p): f"978{round_:02d}{i:08d}" for i, (k, p) in enumerate(samples)}
                run(["setup", "unprimed"] + [b for (k, _), b in books.items() if k != "command"])
                for (kind, primed), isbn in books.items():
                    request = isbn
                    if kind != "command":
                        request = os.path.join(tmp, f"{kind}-{primed}.json")
                        body = lost_event(isbn) if kind == "policy" else stream_event(
                            dynamodb, tables["EventStoreTable"], isbn)
                        with open(request, "w") as f:
                            json.dump(body, f)
                    marks, answer = run([kind, primed, request])
                    if "error" in answer or "Unreadable" in answer or "itemIdentifier" in answer:
                        sys.exit(f"{kind} {primed} failed: {answer}")
                    if round_ > 0:
                        samples[(kind, primed)].append(marks)

        def median(kind, primed, f):
            return statistics.median(f(m) for m in samples[(kind, primed)])

        print(f"{args.runs} runs per row, medians; first request = from the snapshot point to the answer\n")
        print("| function | priming | init, spawn to snapshot point (s) | classes at snapshot | first request (ms) | × unprimed | classes loaded by it | spawn to first answer (s) |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for kind in kinds:
            base_ms = median(kind, "unprimed", lambda m: m["answer"][0] - m["snapshot"][0]) * 1000
            for primed in ("unprimed", "primed"):
                first = median(kind, primed, lambda m: m["answer"][0] - m["snapshot"][0]) * 1000
                loaded = median(kind, primed, lambda m: m["answer"][1] - m["snapshot"][1])
                at_snapshot = median(kind, primed, lambda m: m["snapshot"][1])
                init = median(kind, primed, lambda m: m["snapshot"][0])
                total = median(kind, primed, lambda m: m["answer"][0])
                lo = min((m["answer"][0] - m["snapshot"][0]) * 1000 for m in samples[(kind, primed)])
                hi = max((m["answer"][0] - m["snapshot"][0]) * 1000 for m in samples[(kind, primed)])
                print(f"| {kind} | {'yes' if primed == 'primed' else 'no'} | {init:.2f} | {at_snapshot:.0f} | "
                      f"{first:.0f} ({lo:.0f}-{hi:.0f}) | {first / base_ms:.2f} | {loaded:.0f} | {total:.2f} |")
    finally:
        os.killpg(moto.pid, 15)
        moto.wait()


if __name__ == "__main__":
    main()
