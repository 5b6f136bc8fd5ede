#!/usr/bin/env bash
# First benchmark (not a test): pushes registration batches for many schools through the
# gateway of a running platform and prints sustained registrations/s and end-to-end
# freshness (accepted at the school -> visible at the city in reporting-service).
#
#   deploy/local/bench.sh [--schools 20] [--batches 400] [--batch-size 50] [--concurrency 4]
#
# Needs a platform started with `deploy/local/platform.sh up` (the demo data is not needed:
# the benchmark registers its own county and schools). GONGYU_PORT_OFFSET picks the gateway.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
JAR="$ROOT/system-tests/target/system-tests-0.1.0-SNAPSHOT.jar"
gw=$(port 8080)
port_open 127.0.0.1 "$gw" || die "no gateway on 127.0.0.1:$gw; start the platform first: deploy/local/platform.sh up"
if [[ ! -f $JAR ]]; then
  log "building the tools jar (./mvnw -B -q -DskipTests -pl system-tests -am package)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl system-tests -am package) || die "building $JAR failed"
fi
exec "$JAVA_HOME/bin/java" -jar "$JAR" bench --gateway "http://127.0.0.1:$gw" "$@"
