#!/usr/bin/env bash
# Operator procedure (issue 16 item 5): rebuild a service's read model or rollups from the topics,
# on a running platform, and print how long it took.
#
#   deploy/local/rebuild.sh reporting-service|district-service|city-service
#
# 1. stop the service (the gateway answers 503 for its paths meanwhile);
# 2. empty what it derives from the topics, in one transaction (as the superuser: the runtime role
#    may not truncate), with those listeners' inbox entries, so no event counts as seen; if that
#    fails, nothing was emptied, the service is started again and the script stops:
#    - reporting-service: every table but Flyway's histories and the audit log (the whole
#      database is a read model);
#    - district-service: the schools' snapshots (school_snapshot), from which it recomputes its
#      county rollups; the registry, the demonstration programme and sign-offs stay, and so do the
#      county_rollup rows, whose versions go on increasing (city keeps the highest);
#    - city-service: its copy of the county rollups (county_rollup), from which it recomputes the
#      city rollups; the catalogue, counties and approvals stay, and city_rollup's versions go on;
# 3. note the partitions of the topics it rebuilds from and reset its consumer group there
#    (reporting: delete the group; district and city: delete the group's offsets on those topics
#    only, so its other listeners carry on where they were), so it reads them from their start
#    (auto-offset-reset earliest);
# 4. start it again (platform.sh restart);
# 5. wait until the group has committed every noted partition's end offset and print the time
#    from the start to caught up, and the records/s.
# What is rebuilt holds only what the topics carry, so the figures after the rebuild are the
# figures before it. While district or city catch up, the rollups they publish rest on the schools
# (counties) read so far, and the tiers above show them for those seconds: rebuild outside the
# hours when counties submit. Only what the topics still hold can be read again (retention).
# GONGYU_PORT_OFFSET, GONGYU_DB_PREFIX and GONGYU_RUN_DIR pick the platform, as for platform.sh.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

name=${1:-}
case $name in
  reporting-service)
    db="${GONGYU_DB_PREFIX}reporting"; group=reporting-service; topics=""
    # the read model and the inbox; not Flyway's histories, nor the audit log (append-only, the service's own)
    clear_sql() {
      local tables
      tables=$(psql -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -U postgres -d "$db" -X -q -t -A -c \
        "select string_agg(format('%I', tablename), ', ' order by tablename) from pg_tables
         where schemaname = 'public' and tablename not like 'flyway%' and tablename <> 'audit_log'")
      echo "truncate $tables;"
    } ;;
  district-service)
    db="${GONGYU_DB_PREFIX}district"; group=district-service; topics=gongyu.school.indicator-snapshots.v1
    clear_sql() { echo "truncate school_snapshot; delete from inbox_event where consumer = 'district-service.school-snapshots';"; } ;;
  city-service)
    db="${GONGYU_DB_PREFIX}city"; group=city-service; topics=gongyu.district.indicator-rollups.v1
    clear_sql() { echo "truncate county_rollup; delete from inbox_event where consumer = 'city-service.county-rollups';"; } ;;
  *) die "usage: rebuild.sh reporting-service|district-service|city-service" ;;
esac
pick_java
JAR="$(tools_jar ConsumerGroups)"
kafka="127.0.0.1:$(port 9092)"
state="$GONGYU_RUN_DIR/rebuild-$name.partitions"
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
tools() { "$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" "$@"; }

port_open 127.0.0.1 "$(port 9092)" || die "no Kafka on $kafka: start the platform first (deploy/local/platform.sh up)"
pid_alive "$(pid_file "$name")" || die "$name is not running in $GONGYU_RUN_DIR: nothing to rebuild"

started=$EPOCHREALTIME
stop_components "$name"
sql=$(clear_sql)
log "emptying in $db: $sql"
if ! psql -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -U postgres -d "$db" -X -q -1 -v ON_ERROR_STOP=1 \
  -c "$sql" >/dev/null; then
  "$ROOT/deploy/local/platform.sh" restart "$name" >/dev/null
  die "emptying in $db failed (nothing was emptied; $name runs again as before)"
fi
tools group-forget --kafka "$kafka" --group "$group" ${topics:+--topics "$topics"} --state "$state"
restart=$EPOCHREALTIME
"$ROOT/deploy/local/platform.sh" restart "$name" >/dev/null
log "$name is up again ($(since "$restart") s after the restart began); waiting for it to read every topic"
tools group-await --kafka "$kafka" --group "$group" --state "$state" --timeout-seconds 900
log "rebuilt $name in $(since "$started") s in all (stop, forget, empty, start, catch up)"
