#!/usr/bin/env bash
# Benchmark (not a test): pushes registration batches for many schools through the gateway of a
# running platform and prints sustained registrations/s, end-to-end freshness (accepted at the
# school -> visible at the city in reporting-service), the batches' latency and the events the
# platform produced (end offsets of its topics before and after).
#
#   deploy/local/bench.sh [--schools 20] [--batches 400] [--batch-size 50] [--concurrency 4] [--warmup 0]
#                         [--poll-ms 100] [--feed registrations|learning|snapshots [--rate 1000]]
#                         [--limits [--messages 100000] [--rows 20000]] [--repeat 3]
#
# --feed snapshots: the tiers above the school alone. The benchmark publishes schools' figures
# straight on gongyu.school.indicator-snapshots.v1, as school-service's relay does, --rate per second
# in batches of --batch-size (county 990197 unless --county), and measures how many snapshot changes/s
# district-, city- and reporting-service take in and how fresh the city stays (topic -> city).
#
# --limits: before the platform's figures, in each repetition, measures the raw limits of the same
# broker and PostgreSQL (see limits-bench.sh) and prints each platform figure with its ratio to the
# matching limit. --repeat N: N repetitions, then min/median/max of every figure and ratio.
# --warmup N: N batches of the same kind first, awaited at the city and left out of every figure
# (a fresh platform's JIT takes a few thousand batches to compile the write path).
# --poll-ms N: the city figure is read every N ms (100 unless said) with its ETag, so an unchanged
# figure answers 304; freshness is overstated by up to N ms, and each read costs the gateway and
# reporting-service CPU the platform would otherwise have (stop 34).
#
# A registration run prints what its batches land in: the county's registered students before the
# timed part, in all and per school (a batch's cost follows its school's share of the key indexes).
# Each run prints the CPU a batch cost in each platform process and in PostgreSQL (/proc, by the run
# dir's pid files). Each run also prints what a batch cost on the servers (the gateway's and school-service's own
# request timers: what the gateway adds; --school-service URL if not on the usual port) and what
# PostgreSQL did meanwhile (share of reads from shared buffers, WAL per batch, size against
# shared_buffers).
#
# Where the PostgreSQL has autovacuum off (this machine's CI configuration), each run analyses the
# platform's databases before its timed part, as autovacuum would, and says so (ADR 0040).
#
# Needs a platform started with `deploy/local/platform.sh up` (the demo data is not needed:
# the benchmark registers its own county and schools). GONGYU_PORT_OFFSET picks the gateway and Kafka.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
JAR="$(tools_jar RawLimits)"
gw=$(port 8080)
kafka=$(port 9092)
port_open 127.0.0.1 "$gw" || die "no gateway on 127.0.0.1:$gw; start the platform first: deploy/local/platform.sh up"
port_open 127.0.0.1 "$kafka" || die "no Kafka on 127.0.0.1:$kafka (the platform's broker)"
# a jar built before the raw limits existed has neither --limits nor the event counts
# kafka-clients logs through SLF4J, which has no provider in the tools jar: no logging, no warning
exec "$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" bench --gateway "http://127.0.0.1:$gw" \
  --kafka "127.0.0.1:$kafka" --postgres "$GONGYU_PG_HOST:$GONGYU_PG_PORT" --db-prefix "$GONGYU_DB_PREFIX" \
  --run-dir "$GONGYU_RUN_DIR" "$@" \
  --school-service "http://127.0.0.1:$(port 8081)"
