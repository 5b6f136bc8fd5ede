#!/usr/bin/env bash
# The raw limits of this machine (issue 16 item 7; a measurement, not a test): Kafka produce and
# consume of the platform's events through plain kafka-clients, and PostgreSQL batched upserts and
# inserts of rows shaped like the platform's, against the platform's own broker and server. The
# platform's services need not run. `bench.sh --limits` measures the same in the run of the
# platform benchmark and prints each platform figure as a share of these limits.
#
#   deploy/local/limits-bench.sh [--messages 100000] [--rows 20000] [--repeat 3] [--pg-user postgres]
#
# Creates and removes a scratch topic gongyu.bench.raw.<run>, a consumer group of the same name and
# a database gongyu_bench_raw_<run>. GONGYU_PORT_OFFSET picks the broker.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
JAR="$(tools_jar RawLimits)"
kafka=$(port 9092)
port_open 127.0.0.1 "$kafka" || die "no Kafka on 127.0.0.1:$kafka; start it first: deploy/local/kafka.sh start"
port_open "$GONGYU_PG_HOST" "$GONGYU_PG_PORT" || die "no PostgreSQL on $GONGYU_PG_HOST:$GONGYU_PG_PORT"
# a jar built before the limits existed has no `limits` command
# kafka-clients logs through SLF4J, which has no provider in the tools jar: no logging, no warning
exec "$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" limits \
  --kafka "127.0.0.1:$kafka" --postgres "$GONGYU_PG_HOST:$GONGYU_PG_PORT" "$@"
