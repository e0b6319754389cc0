#!/usr/bin/env bash
# Throughput of the generated projector (docs/performance.md, section "Projector").
#
# Generates examples/library, builds it, and runs the ProjectorBench main of its test sources
# against a local moto_server (which must be on the PATH). The generated project needs JDK 21+:
# set JAVA_HOME to one. Maven options (e.g. -o for offline) go in MAVEN_ARGS.
# Usage: bench/projector_bench.sh [events, default 10000] [batch size, default 100]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && ./mvnw -q -B package -pl generator -DskipTests)
java -jar "$root/generator/target/tracepaper.jar" generate "$root/examples/library" -o "$out/library" >/dev/null
cd "$out/library"
./mvnw -q -B test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" \
  com.example.library.runtime.ProjectorBench "$@"
