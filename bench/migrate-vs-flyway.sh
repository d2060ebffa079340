#!/usr/bin/env bash
# Applies N small migrations (default 1000) with Slipway and with Flyway (org.flywaydb:flyway-core +
# flyway-database-postgresql from Maven Central, fetched by Maven as slipway-engine test
# dependencies), side by side on one embedded PostgreSQL, fresh databases each round, the order
# alternating; prints each wall time and the median ratio. Results: docs/benchmarks.md ("Migrate").
#
#   bench/migrate-vs-flyway.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
ROUNDS="${2:-3}"
MVN="${MVN:-./mvnw}"
$MVN -q -B -pl slipway-engine -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="slipway-engine/target/test-classes:slipway-engine/target/classes:slipway-core/target/classes:$(cat slipway-engine/target/bench.classpath)"
exec java -cp "$CP" slipway.engine.migrate.MigrateVsFlywayBench "$N" "$ROUNDS"
