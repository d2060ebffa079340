#!/usr/bin/env bash
# Backfill benchmark (not a unit test): single UPDATE vs the playbook's SKIP LOCKED loop vs
# slipway backfill, on a fresh table of 2M rows each, under a steady point-read/update workload,
# all on one embedded PostgreSQL. Results and how to read them: docs/benchmarks.md, "Backfill".
#   bench/backfill.sh [--rows 2000000] [--rate 400] [--threads 8] [--baseline-seconds 15] [--only update,playbook,slipway]
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="./mvnw -q -B ${SLIPWAY_MVN_OFFLINE:+-o}"
$MVN -pl slipway-engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="slipway-engine/target/test-classes:slipway-engine/target/classes:slipway-core/target/classes:$(cat slipway-engine/target/bench-classpath.txt)"
exec java -Xmx2g -cp "$CP" slipway.engine.backfill.BackfillBench "$@"
