#!/usr/bin/env bash
# Operator procedure (issue 16 item 5): rebuild reporting-service's read model from the topics,
# on a running platform, and print how long it took.
#
#   deploy/local/rebuild.sh reporting-service
#
# 1. stop reporting-service (the gateway answers 503 for /api/reports/** meanwhile);
# 2. empty every table of its database but Flyway's histories and the audit log, in one statement
#    (as the superuser: the runtime role may not truncate the append-only lineage), the inbox
#    included, so no event counts as seen; if that fails, it starts the service again and stops;
# 3. note the partitions its consumer group `reporting-service` reads, then delete the group, so
#    the service reads every topic from its start (auto-offset-reset earliest);
# 4. start it again (platform.sh up starts what is not running; GONGYU_DEMO=none);
# 5. wait until the group has committed every noted partition's end offset and print the time
#    from the start to caught up, and the records/s.
# The read model holds only what the topics carry (ADR 0020: documents and stamps are rebuilt
# with it), so the answers after the rebuild are the answers before it. GONGYU_PORT_OFFSET,
# GONGYU_DB_PREFIX and GONGYU_RUN_DIR pick the platform, as for platform.sh.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

name=${1:-}
[[ $name == reporting-service ]] \
  || die "usage: rebuild.sh reporting-service (district and city rollups: see deploy/local/README.md \"Rebuild\")"
pick_java
JAR="$ROOT/system-tests/target/system-tests-0.1.0-SNAPSHOT.jar"
if [[ ! -f $JAR ]] || ! "$JAVA_HOME/bin/jar" tf "$JAR" | grep -q 'org/gongyu/tools/ConsumerGroups.class'; then
  log "building the tools jar (./mvnw -B -q -DskipTests -pl system-tests -am package)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl system-tests -am package) || die "building $JAR failed"
fi
kafka="127.0.0.1:$(port 9092)"
db="${GONGYU_DB_PREFIX}reporting"
state="$GONGYU_RUN_DIR/rebuild-$name.partitions"
tools() { "$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" "$@"; }

port_open 127.0.0.1 "$(port 9092)" || die "no Kafka on $kafka: start the platform first (deploy/local/platform.sh up)"
pid_alive "$(pid_file "$name")" || die "$name is not running in $GONGYU_RUN_DIR: nothing to rebuild"

started=$SECONDS
stop_components "$name"
# the read model and the inbox; not Flyway's histories, nor the audit log (append-only, the service's own)
tables=$(psql -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -U postgres -d "$db" -X -q -t -A -c \
  "select string_agg(format('%I', tablename), ', ' order by tablename) from pg_tables
   where schemaname = 'public' and tablename not like 'flyway%' and tablename <> 'audit_log'")
log "emptying $db: $tables"
if ! psql -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -U postgres -d "$db" -X -q -v ON_ERROR_STOP=1 \
  -c "truncate $tables" >/dev/null; then
  GONGYU_DEMO=none "$ROOT/deploy/local/platform.sh" up >/dev/null
  die "emptying $db failed (nothing was emptied; $name runs again as before)"
fi
tools group-forget --kafka "$kafka" --group reporting-service --state "$state"
restart=$SECONDS
GONGYU_DEMO=none "$ROOT/deploy/local/platform.sh" up >/dev/null
log "$name is up again ($((SECONDS - restart)) s after the restart began); waiting for it to read every topic"
tools group-await --kafka "$kafka" --group reporting-service --state "$state" --timeout-seconds 900
log "rebuilt $name in $((SECONDS - started)) s in all (stop, forget, empty, start, catch up)"
