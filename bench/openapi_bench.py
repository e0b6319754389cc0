#!/usr/bin/env python3
"""`tracepaper generate` against OpenAPI Generator's `generate -g spring` on the same workload.

The workload of issue 12: per aggregate 5 fields, 3 commands, 3 events and a view with `get` and
`list`. This script writes it twice, as a Tracepaper model (one file per aggregate) and as the
equivalent OpenAPI 3.0 document (the mapping is in docs/performance.md, "Against OpenAPI
Generator"), then times both generators into fresh folders, interleaved (each round runs every
row once, after a warm-up round), and prints medians of wall time, CPU time and peak memory, the
ratios of Tracepaper to OpenAPI Generator within each size, and the time per aggregate between
sizes (linearity).

OpenAPI Generator is the Maven artifact org.openapitools:openapi-generator-cli, fetched once with
the Maven wrapper into bench/target/ (--oag-version picks another release).

Usage: bench/openapi_bench.py [--sizes 30,100,200] [--runs 5] [--no-build]
                              [--tracepaper launcher,jar] [--oag-version 7.25.0] [--keep DIR]
                              [--jar OTHER/tracepaper.jar] [--baseline MAIN/tracepaper.jar]
                              [--variant LABEL=JVM_OPTIONS ...] [--delete-between]
Run from the repository root. --keep DIR leaves the models, the OpenAPI documents and one output
of each generator in DIR for inspection. --jar measures another build of the generator (e.g. one
with a rule's limit lifted); "launcher" then means that jar with the launcher's JVM options and a
class-data archive of its own, made by a training run first. --baseline adds another build as a
row of the same rounds (before/after), --variant the same jar with more JVM options (e.g.
`--variant young24=-Xmn24m` to try a smaller young generation).
"""
import argparse
import os
import shutil
import subprocess
import tempfile

from benchlib import JAR, ROOT, build, interleaved, launcher_like

OAG_VERSION = "7.25.0"


def oag_jar(version):
    """The OpenAPI Generator CLI jar (a self-contained jar), resolved with the Maven wrapper."""
    target = os.path.join(ROOT, "bench", "target")
    jar = os.path.join(target, f"openapi-generator-cli-{version}.jar")
    if not os.path.exists(jar):
        subprocess.run(
            ["./mvnw", "-q", "-B", "-ntp", "-N", "dependency:copy",
             f"-Dartifact=org.openapitools:openapi-generator-cli:{version}",
             f"-DoutputDirectory={target}"],
            cwd=ROOT, check=True)
    return jar


APP = """\
tracepaper: 1
app:
  name: bench
  package: com.example.bench
  description: The benchmark workload of issue 12
  auth:
    default: authenticated
"""

AGGREGATE = """\
tracepaper: 1
aggregates:
  Item{n}:
    subdomain: Area{area}
    key: itemId
    fields:
      itemId: String
      title: String
      quantity: Int
      price: Float
      active: Boolean
    events:
      Item{n}Created:
        fields: {{itemId: String, title: String, quantity: Int, price: Float}}
        apply: {{active: 'true'}}
      Item{n}Renamed:
        fields: {{itemId: String, title: String}}
      Item{n}Closed:
        fields: {{itemId: String}}
        apply: {{active: 'false'}}
    commands:
      CreateItem{n}:
        creates: true
        fields: {{itemId: String, title: String, quantity: Int, price: Float}}
        emits: [Item{n}Created]
      RenameItem{n}:
        fields: {{itemId: String, title: String}}
        emits: [Item{n}Renamed]
      CloseItem{n}:
        fields: {{itemId: String}}
        emits: [Item{n}Closed]
views:
  Item{n}Summary:
    key: itemId
    from: Item{n}
    fields: {{itemId: String, title: String, quantity: Int, price: Float, active: Boolean}}
"""


def write_model(n, folder):
    os.makedirs(folder)
    with open(os.path.join(folder, "app.yaml"), "w") as f:
        f.write(APP)
    for i in range(n):
        with open(os.path.join(folder, f"aggregate{i:04d}.yaml"), "w") as f:
            f.write(AGGREGATE.format(n=f"{i:04d}", area=i // 10))


# OpenAPI's types for the model's: String, Int, Float, Boolean.
TYPES = {
    "title": {"type": "string"},
    "quantity": {"type": "integer", "format": "int32"},
    "price": {"type": "number", "format": "double"},
    "active": {"type": "boolean"},
}


def schema(fields):
    props = {"itemId": {"type": "string"}}
    props.update({f: TYPES[f] for f in fields})
    return {"type": "object", "required": ["itemId"], "properties": props}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(body):
    return {"content": {"application/json": {"schema": body}}}


def openapi(n):
    """The OpenAPI document of the workload: per aggregate one tag (one Spring API interface),
    three command operations, two query operations and eight schemas."""
    paths = {}
    schemas = {
        "CommandResult": {
            "type": "object", "required": ["id"],
            "properties": {"id": {"type": "string"}, "version": {"type": "integer", "format": "int64"}}},
    }
    key = {"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}
    accepted = {"200": {"description": "the command was accepted", **json_content(ref("CommandResult"))}}
    for i in range(n):
        a = f"Item{i:04d}"
        tag = a
        collection = f"/item{i:04d}s"
        schemas[a] = schema(["title", "quantity", "price", "active"])
        schemas[f"Create{a}"] = schema(["title", "quantity", "price"])
        schemas[f"Rename{a}"] = schema(["title"])
        schemas[f"{a}Created"] = schema(["title", "quantity", "price"])
        schemas[f"{a}Renamed"] = schema(["title"])
        schemas[f"{a}Closed"] = schema([])
        schemas[f"{a}Summary"] = schema(["title", "quantity", "price", "active"])
        schemas[f"{a}SummaryPage"] = {
            "type": "object", "required": ["items"],
            "properties": {"items": {"type": "array", "items": ref(f"{a}Summary")},
                           "nextToken": {"type": "string"}}}
        paths[collection] = {"post": {
            "tags": [tag], "operationId": f"create{a}",
            "requestBody": {"required": True, **json_content(ref(f"Create{a}"))},
            "responses": accepted}}
        paths[collection + "/{itemId}/rename"] = {"post": {
            "tags": [tag], "operationId": f"rename{a}", "parameters": [key],
            "requestBody": {"required": True, **json_content(ref(f"Rename{a}"))},
            "responses": accepted}}
        paths[collection + "/{itemId}/close"] = {"post": {
            "tags": [tag], "operationId": f"close{a}", "parameters": [key],
            "responses": accepted}}
        paths[f"/item{i:04d}-summaries/{{itemId}}"] = {"get": {
            "tags": [tag], "operationId": f"get{a}Summary", "parameters": [key],
            "responses": {"200": {"description": "the row", **json_content(ref(f"{a}Summary"))},
                          "404": {"description": "no such row"}}}}
        paths[f"/item{i:04d}-summaries"] = {"get": {
            "tags": [tag], "operationId": f"list{a}Summaries",
            "parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32"}},
                {"name": "nextToken", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "a page of rows",
                                  **json_content(ref(f"{a}SummaryPage"))}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "bench", "version": "1.0.0",
                 "description": "The benchmark workload of issue 12"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def write_openapi(n, path):
    # JSON is YAML, and needs no YAML library here.
    import json
    with open(path, "w") as f:
        json.dump(openapi(n), f, indent=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="30,100,200")
    parser.add_argument("--tracepaper", default="launcher,jar",
                        help="how to run tracepaper: launcher (./tracepaper), jar (java -jar), or both")
    parser.add_argument("--oag-version", default=OAG_VERSION)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--keep", default=None)
    parser.add_argument("--jar", default=None)
    parser.add_argument("--baseline", default=None, metavar="JAR",
                        help="also run another build's jar with the launcher's options, e.g. main's")
    parser.add_argument("--delete-between", action="store_true",
                        help="delete each run's output before the next run instead of moving it "
                             "aside (see fresh() below)")
    parser.add_argument("--variant", action="append", default=[], metavar="LABEL=JVM_OPTIONS",
                        help="also run this jar with the launcher's options plus these, e.g. "
                             "'young24=-Xmn24m' (repeatable)")
    args = parser.parse_args()
    if not args.no_build and not args.jar:
        build()
    oag = ["java", "-jar", oag_jar(args.oag_version)]
    tools = []
    jar = os.path.abspath(args.jar) if args.jar else JAR
    for how in args.tracepaper.split(","):
        if how == "launcher" and args.jar:
            tools.append(("tracepaper generate (launcher options)", launcher_like(jar)))
        elif how == "launcher":
            subprocess.run(["./tracepaper", "--version"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            tools.append(("tracepaper generate (./tracepaper)", ["./tracepaper"]))
        elif how == "jar":
            tools.append(("tracepaper generate (java -jar)", ["java", "-jar", jar]))
        else:
            parser.error(f"--tracepaper: unknown {how}")
    for variant in args.variant:
        label, _, options = variant.partition("=")
        extra = options.split()
        command = launcher_like(jar)
        if any(o.startswith("-XX:+Use") and o.endswith("GC") for o in extra):
            command = [o for o in command if not (o.startswith("-XX:+Use") and o.endswith("GC"))]
        tools.append((f"tracepaper generate ({label}: {options})",
                      command[:1] + extra + command[1:]))
    if args.baseline:
        tools.append(("tracepaper generate (baseline, launcher options)",
                      launcher_like(os.path.abspath(args.baseline))))
    sizes = [int(s) for s in args.sizes.split(",")]

    tmp = args.keep or tempfile.mkdtemp(prefix="openapi-bench-")
    out = os.path.join(tmp, "out")

    graveyard = os.path.join(tmp, "earlier-outputs")
    moved = [0]

    def fresh():
        # Untimed: put the last run's output out of the way and flush the disk, so that no run
        # pays for the writeback of the one before. Outputs are moved aside, not deleted, until
        # the end: ext4 skips the inodes of files deleted in the last minutes when it allocates
        # new ones, and thousands of them made creating a file five times as slow (perf: the
        # kernel's recently_deleted() scan under ext4_create), which no user who generates into
        # a new folder or regenerates (writing only what changed) pays. --delete-between
        # measures that case too.
        if args.delete_between:
            shutil.rmtree(out, ignore_errors=True)
        elif os.path.exists(out):
            os.makedirs(graveyard, exist_ok=True)
            os.rename(out, os.path.join(graveyard, str(moved[0])))
            moved[0] += 1
        os.sync()

    rows = []
    for n in sizes:
        model = os.path.join(tmp, f"model{n}")
        spec = os.path.join(tmp, f"openapi{n}.json")
        shutil.rmtree(model, ignore_errors=True)
        write_model(n, model)
        write_openapi(n, spec)
        for label, tool in tools:
            rows.append((n, label, tool + ["generate", "--quiet", model, "-o", out]))
        rows.append((n, "OpenAPI Generator generate -g spring",
                     oag + ["generate", "-g", "spring", "-i", spec, "-o", out,
                            # one API interface per tag, i.e. per aggregate
                            "--additional-properties=useTags=true"]))
        if args.keep:
            for label, cmd in [(r[1], r[2]) for r in rows if r[0] == n]:
                kept = os.path.join(tmp, f"{n}-" + ("oag" if "OpenAPI" in label else "tracepaper"))
                shutil.rmtree(kept, ignore_errors=True)
                subprocess.run([kept if part == out else part for part in cmd], cwd=ROOT,
                               check=True, stdout=subprocess.DEVNULL)
    results = interleaved([(cmd, fresh) for _, _, cmd in rows], args.runs)
    shutil.rmtree(graveyard, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"runs per row: {args.runs} (interleaved, after one warm-up round); "
          f"OpenAPI Generator {args.oag_version}")
    print("| aggregates | run | median wall (s) | min-max (s) | median CPU (s) | median peak RSS (MiB) "
          "| wall ÷ OpenAPI Generator | RSS ÷ OpenAPI Generator |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    by_size = {}
    for (n, label, _), (wall, rss, lo, hi, cpu) in zip(rows, results):
        by_size.setdefault(n, []).append((label, wall, rss, lo, hi, cpu))
    for n, runs in by_size.items():
        oag_wall, oag_rss = next((w, r) for label, w, r, *_ in runs if "OpenAPI" in label)
        for label, wall, rss, lo, hi, cpu in runs:
            print(f"| {n} | {label} | {wall:.2f} | {lo:.2f}-{hi:.2f} | {cpu:.2f} | {rss:.0f} "
                  f"| {wall / oag_wall:.2f} | {rss / oag_rss:.2f} |")
    labels = [label for label, *_ in by_size[sizes[0]]]
    for label in labels:
        for what, index in (("wall", 1), ("CPU", 5)):
            times = [(n, next(r[index] for r in by_size[n] if r[0] == label)) for n in sizes]
            slopes = [f"{n1}→{n2}: {1000 * (t2 - t1) / (n2 - n1):.0f} ms"
                      for (n1, t1), (n2, t2) in zip(times, times[1:])]
            print(f"{label}: {what} time per added aggregate " + ", ".join(slopes))


if __name__ == "__main__":
    main()
