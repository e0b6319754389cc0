#!/usr/bin/env bash
# A row of an `on` view fed by many streams: the versions kept beside the row against the
# `_versions` map in the row (docs/performance.md, "Rows of on views fed by many streams").
#
# Builds the runtime's test classes and runs their OnViewRowBench main against a local
# moto_server (which must be on the PATH).
# Usage: bench/on_view_row_bench.sh [events beside, default 5000] [step, default 1000]
#        [events in the row, default 12000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl runtime test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
cd runtime
java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" \
  dev.tracepaper.runtime.OnViewRowBench "$@"
