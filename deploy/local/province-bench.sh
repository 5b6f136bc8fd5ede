#!/usr/bin/env bash
# Province simulation (issue 18 item 6; a measurement, not a test): on a running platform, registers
# shapes of cities x counties x schools and loads a semester of records per school in compressed time
# through the gateway's batch endpoints (registrations, then learning activities). Prints per shape:
# records loaded, records/s end to end, snapshot changes/s, freshness school -> city p50/p99 (all
# batches and per city), batch latency, each database's size and growth, the Kafka data on disk,
# RSS and CPU seconds of every process of the run dir, and bytes/rows per school; then one table.
#
#   deploy/local/province-bench.sh [--sizes 2x5x20,3x10x20,5x10x40 | --cities 2 --counties 5 --schools 20]
#                                  [--registrations 100] [--learning 500] [--registration-batch 50]
#                                  [--learning-batch 500] [--concurrency 8] [--setup-threads 6]
#
# Shapes are CITIESxCOUNTIESxSCHOOLS (schools per county). One deployment serves one city, so the
# cities of a shape are groups of counties of the deployed city (see docs/capacity-plan.md). Counties
# are 9908<tag><cc><kk>, a new two-digit tag per shape and run; schools are county + 4 digits.
# Every shape adds to the same platform: the databases and Kafka only grow, and per-school figures
# are the growth during the shape. Needs a platform of its own, e.g.
#   GONGYU_PORT_OFFSET=2000 GONGYU_DB_PREFIX=gongyu_province_ GONGYU_RUN_DIR=/tmp/gy-province \
#     GONGYU_DEMO=none deploy/local/platform.sh up
# and the same three variables for this script (they pick the gateway, Kafka, databases and run dir).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
JAR="$(tools_jar Province)"
gw=$(port 8080)
kafka=$(port 9092)
port_open 127.0.0.1 "$gw" || die "no gateway on 127.0.0.1:$gw; start the platform first: deploy/local/platform.sh up"
port_open 127.0.0.1 "$kafka" || die "no Kafka on 127.0.0.1:$kafka (the platform's broker)"
[[ -d $GONGYU_PID_DIR ]] || die "no pid files in $GONGYU_PID_DIR: set GONGYU_RUN_DIR to the platform's run dir"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# kafka-clients logs through SLF4J, which has no provider in the tools jar: no logging, no warning
"$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" province --gateway "http://127.0.0.1:$gw" \
  --kafka "127.0.0.1:$kafka" --postgres "$GONGYU_PG_HOST:$GONGYU_PG_PORT" --db-prefix "$GONGYU_DB_PREFIX" \
  --run-dir "$GONGYU_RUN_DIR" "$@"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
