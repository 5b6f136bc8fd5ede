#!/usr/bin/env bash
# The whole Gongyu platform on this machine, without Docker.
#
#   deploy/local/platform.sh up [--build] [--instances N]
#                                           build if needed, start PostgreSQL DBs,
#                                           Kafka, Keycloak, the four services (N
#                                           instances of each, default 1), the gateway
#                                           (balancing over them), load the demo city,
#                                           print the URLs
#   deploy/local/platform.sh down           stop gateway, services, Kafka (and Keycloak
#                                           if this run dir started it)
#   deploy/local/platform.sh status         one line per component
#   deploy/local/platform.sh logs <name> [--no-follow]
#                                           tail a log (kafka, gateway, city-service,
#                                           district-service-2, ...)
#   deploy/local/platform.sh restart <name> stop one service or the gateway if it runs, start
#                                           it again, wait until it is ready (a supervisor's
#                                           restart after a crash)
#
# Knobs: GONGYU_RUN_DIR, GONGYU_PORT_OFFSET, GONGYU_DB_PREFIX, GONGYU_CACHE_DIR
# (see lib.sh), GONGYU_BUILD=1 (same as --build), GONGYU_DEMO=none (skip demo data),
# GONGYU_JAVA_OPTS (extra JVM options for the services), GONGYU_INSTANCES (default of
# --instances, 1), GONGYU_READY_TIMEOUT (seconds each
# service may take to become ready; default 180, raise it on a machine busy with other builds).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(city-service district-service school-service reporting-service)
GATEWAY=gateway
VERSION=0.1.0-SNAPSHOT
DEMO_JAR="$ROOT/system-tests/target/system-tests-$VERSION.jar"
READY_TIMEOUT="${GONGYU_READY_TIMEOUT:-180}" # seconds a service may take to become ready (more on a loaded machine)
# Several instances of each service (ADR 0031): instance 1 is <svc> on the service's port, instance
# i (2..MAX_INSTANCES) is <svc>-i on that port + INSTANCE_PORT_STEP*(i-1), same jar, database and
# consumer group. How many the last 'up' asked for is kept in the run dir (INSTANCES_FILE).
MAX_INSTANCES=9
INSTANCE_PORT_STEP=100
INSTANCES_FILE="$GONGYU_RUN_DIR/instances"

usage() {
  cat >&2 <<EOF
usage: $0 up [--build] [--instances N] | down | status | logs <name> [--no-follow] | restart <name>
  names: kafka ${SERVICES[*]} $GATEWAY, and <service>-<i> for instance i (2..$MAX_INSTANCES) of a service
  --instances N: N instances of each service (1..$MAX_INSTANCES, default 1), the gateway balancing over them
EOF
  exit 2
}

# district-service-2 -> district-service; anything else as it is
service_of() {
  if [[ $1 =~ ^([a-z]+-service)-([2-9])$ ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "$1"
  fi
}

# district-service-2 -> 2; district-service -> 1
instance_of() {
  if [[ $1 =~ ^[a-z]+-service-([2-9])$ ]]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo 1
  fi
}

base_port() {
  local svc step
  svc="$(service_of "$1")"
  step=$((INSTANCE_PORT_STEP * ($(instance_of "$1") - 1)))
  case $svc in
    gateway) echo 8080 ;;
    school-service) echo $((8081 + step)) ;;
    district-service) echo $((8082 + step)) ;;
    city-service) echo $((8083 + step)) ;;
    reporting-service) echo $((8084 + step)) ;;
    kafka) echo 9092 ;;
    *) die "unknown component '$1'" ;;
  esac
}

# instance_names SVC N -> SVC SVC-2 ... SVC-N
instance_names() {
  local i
  echo "$1"
  for ((i = 2; i <= $2; i++)); do
    echo "$1-$i"
  done
}

# How many instances the last 'up' started (1 when it did not say)
recorded_instances() {
  local n=1
  [[ -f $INSTANCES_FILE ]] && n="$(tr -dc '0-9' <"$INSTANCES_FILE")"
  [[ $n =~ ^[1-9]$ ]] || n=1
  echo "$n"
}

# known_instances SVC -> the instances of SVC this run dir knows of: those the last 'up' asked for,
# and any other with a pid file (left from an earlier 'up' with more)
known_instances() {
  local svc=$1 i n
  n="$(recorded_instances)"
  echo "$svc"
  for ((i = 2; i <= MAX_INSTANCES; i++)); do
    if ((i <= n)) || [[ -f $(pid_file "$svc-$i") ]]; then
      echo "$svc-$i"
    fi
  done
}

comp_port() {
  port "$(base_port "$1")"
}

# Keycloak is shared by every run dir (no port offset): one issuer everywhere.
keycloak_url() {
  printf 'http://127.0.0.1:%s\n' "${GONGYU_KEYCLOAK_PORT:-8180}"
}

comp_jar() {
  local svc
  svc="$(service_of "$1")"
  printf '%s/%s/target/%s-%s.jar\n' "$ROOT" "$svc" "$svc" "$VERSION"
}

# city-service -> ${GONGYU_DB_PREFIX}city
comp_db() {
  local svc
  svc="$(service_of "$1")"
  printf '%s%s\n' "$GONGYU_DB_PREFIX" "${svc%-service}"
}

# School year starts Sep 1: Sep–Jan is <Y>-<Y+1>-1, Feb–Aug is <Y-1>-<Y>-2.
current_semester() {
  local y m
  y="$(date +%Y)"
  m="$(date +%m)"
  m=$((10#$m))
  if ((m >= 9)); then
    echo "$y-$((y + 1))-1"
  elif ((m == 1)); then
    echo "$((y - 1))-$y-1"
  else
    echo "$((y - 1))-$y-2"
  fi
}

demo_enabled() {
  [[ ${GONGYU_DEMO:-} != none ]]
}

build_if_needed() {
  local force=$1 name
  local -a missing=()
  for name in "${SERVICES[@]}" "$GATEWAY"; do
    [[ -f $(comp_jar "$name") ]] || missing+=("$(comp_jar "$name")")
  done
  if demo_enabled && [[ ! -f $DEMO_JAR ]]; then
    missing+=("$DEMO_JAR")
  fi
  if ((force == 0 && ${#missing[@]} == 0)); then
    return 0
  fi
  if ((force)); then
    log "building (./mvnw -B -q -DskipTests package)"
  else
    log "missing jar(s): ${missing[*]#"$ROOT/"}; building (./mvnw -B -q -DskipTests package)"
  fi
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) \
    || die "the build failed (./mvnw -B -q -DskipTests package in $ROOT); fix it and run '$0 up' again"
  missing=()
  for name in "${SERVICES[@]}" "$GATEWAY"; do
    [[ -f $(comp_jar "$name") ]] || missing+=("$(comp_jar "$name")")
  done
  if demo_enabled && [[ ! -f $DEMO_JAR ]]; then
    missing+=("$DEMO_JAR")
  fi
  ((${#missing[@]} == 0)) || die "the build finished but these jars are missing: ${missing[*]}"
}

# school-service's keys (issue 12, no default secrets): generated once per run dir and kept there,
# unless the caller's environment supplies GONGYU_SCHOOL_PSEUDONYM_KEY and GONGYU_SCHOOL_FIELD_KEY.
# A school database migrated before this file existed holds references under the demo keys the
# repository used to ship: it keeps them (demo profile) until the databases are dropped.
school_keys_file() {
  local f="$GONGYU_RUN_DIR/secrets/school-keys.env" migrated
  if [[ ! -f $f ]]; then
    mkdir -p "$(dirname "$f")" && chmod 700 "$(dirname "$f")"
    migrated="$(psql -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -U postgres -d "$(comp_db school-service)" -X -q -t -A \
      -c "select to_regclass('public.flyway_schema_history') is not null" 2>/dev/null || true)"
    if [[ $migrated == t ]]; then
      log "school-service: this run dir's school database predates per-deployment keys; it keeps the old demo keys" \
        "(demo profile). For keys of its own: $GONGYU_LOCAL_DIR/db.sh drop, delete $f, then up again" >&2
      (umask 077 && printf '%s\n' SPRING_PROFILES_ACTIVE=demo GONGYU_SCHOOL_PSEUDONYM_KEY=demo-only-pseudonym-key-change-me \
        GONGYU_SCHOOL_FIELD_KEY=demo-only-field-key-change-me >"$f")
    else
      (umask 077 && printf 'GONGYU_SCHOOL_PSEUDONYM_KEY=%s\nGONGYU_SCHOOL_FIELD_KEY=%s\n' \
        "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" >"$f")
    fi
  fi
  echo "$f"
}

start_component() {
  local name=$1 p jar pidfile logf svc
  local -a envs=()
  local -a java_opts=()
  p="$(comp_port "$name")"
  jar="$(comp_jar "$name")"
  pidfile="$(pid_file "$name")"
  logf="$(log_file "$name")"

  if pid_alive "$pidfile"; then
    check_same_port "$name" "$pidfile" "$p"
    log "$name is already running (pid $(read_pid "$pidfile"), port $p)"
    return 0
  fi
  rm -f "$pidfile"
  [[ -f $jar ]] || die "$name: jar not found: $jar (run '$0 up --build')"
  if port_open 127.0.0.1 "$p"; then
    die "$name: port 127.0.0.1:$p is already in use by a process this run dir did not start; stop it or set GONGYU_PORT_OFFSET"
  fi

  envs+=("SERVER_PORT=$p" "GONGYU_SECURITY_ISSUER=$(keycloak_url)/realms/gongyu")
  if [[ $name == "$GATEWAY" ]]; then
    # every instance of each service, comma-separated: the gateway balances over them (ADR 0031)
    local uris inst
    for svc in school district city reporting; do
      uris=""
      while read -r inst; do
        uris+="${uris:+,}http://127.0.0.1:$(comp_port "$inst")"
      done < <(instance_names "$svc-service" "$INSTANCES")
      envs+=("GONGYU_ROUTES_${svc^^}=$uris")
    done
  else
    envs+=(
      "SPRING_DATASOURCE_URL=jdbc:postgresql://$GONGYU_PG_HOST:$GONGYU_PG_PORT/$(comp_db "$name")"
      "SPRING_DATASOURCE_USERNAME=$(comp_db "$name")"
      "SPRING_DATASOURCE_PASSWORD=$(comp_db "$name")"
      # migrations run as the database's owner, the service as the runtime role (db.sh, ADR 0013)
      "SPRING_FLYWAY_USER=$(comp_db "$name")_owner"
      "SPRING_FLYWAY_PASSWORD=$(comp_db "$name")_owner"
      "SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$(comp_port kafka)"
    )
  fi
  if [[ $(service_of "$name") == school-service && ( -z ${GONGYU_SCHOOL_PSEUDONYM_KEY:-} || -z ${GONGYU_SCHOOL_FIELD_KEY:-} ) ]]; then
    mapfile -t -O "${#envs[@]}" envs <"$(school_keys_file)"
  fi
  if [[ -n ${GONGYU_JAVA_OPTS:-} ]]; then
    read -r -a java_opts <<<"$GONGYU_JAVA_OPTS"
  fi

  # Run an extracted copy: a rebuild (mvn package rewrites target/*.jar) must not pull the classes
  # out from under a running service, whose jar is read lazily; and the AOT cache wants a class
  # path of plain jars (see app_dir).
  local app svc_name aot
  local -a aot_opts=()
  svc_name="$(service_of "$name")"
  app="$(app_dir "$svc_name" "$jar")"
  aot="$app/app.aot"
  if aot_enabled && [[ -f $aot ]]; then
    aot_opts=("-XX:AOTCache=$aot")
  fi

  # The JVM profile chosen by measurement (issue 16 item 4, deploy/local/README.md "JVM profile"):
  # both JIT compilers (C2 more than doubled what reporting-service and the gateway answer per
  # second once warm; C1 alone had been chosen for a fast start), two compiler threads and a 64 MB
  # code cache (the default 240 MB is never filled), the serial collector (a 256 MB heap on 2
  # cores: no G1 regions and remembered sets to keep, ~100 MB less RSS across the stack), and the
  # C heap given back to the system every 10 s: what the compilers and the libraries freed stays in
  # glibc's arenas otherwise, about 35 MB a JVM after a day of load (stop 38).
  trim_native_heap_opts
  local -a jvm=("$JAVA_HOME/bin/java" -Xms64m -Xmx256m -XX:+UseSerialGC -XX:CICompilerCount=2
    -XX:ReservedCodeCacheSize=64m ${GONGYU_TRIM_OPTS[@]+"${GONGYU_TRIM_OPTS[@]}"} -Dgongyu.component="$name" -Dgongyu.port="$p" ${java_opts[@]+"${java_opts[@]}"})

  rotate_log "$logf"
  log "starting $name on port $p (log $logf${aot_opts[*]:+, AOT cache $aot})"
  env "${envs[@]}" nohup "${jvm[@]}" ${aot_opts[@]+"${aot_opts[@]}"} -jar "$app/$svc_name.jar" </dev/null >"$logf" 2>&1 &
  echo $! >"$pidfile"
  if aot_enabled && [[ ! -f $aot ]]; then
    train_aot "$svc_name" "$app" "${envs[@]}" -- "${jvm[@]}"
  fi
}

# The AOT cache (JDK 25, JEP 483/514/515; issue 18 item 2): classes loaded and linked, and method
# profiles, from a training run, so that a restart after a crash spends less time before it is
# ready. Off with GONGYU_AOT=0, and below JDK 25 (no -XX:AOTCacheOutput).
aot_enabled() {
  [[ ${GONGYU_AOT:-1} != 0 ]] && ((GONGYU_JAVA_MAJOR >= 25))
}

# The service's jar extracted (java -Djarmode=tools extract: <svc>.jar plus lib/) into the run dir,
# once per jar content; older extractions of the same service are removed. Prints the directory.
app_dir() {
  local svc=$1 jar=$2 sum dir old
  sum="$(sha1sum "$jar" | cut -c1-12)"
  dir="$GONGYU_RUN_DIR/apps/$svc-$sum"
  if [[ ! -f $dir/$svc.jar ]]; then
    rm -rf "$dir.tmp"
    mkdir -p "$GONGYU_RUN_DIR/apps"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$dir.tmp" >/dev/null \
      || die "$svc: extracting $jar failed"
    mv -f "$dir.tmp/$(basename "$jar")" "$dir.tmp/$svc.jar"
    for old in "$GONGYU_RUN_DIR/apps/$svc"-*; do
      [[ $old == "$dir.tmp" || ! -d $old ]] || rm -rf "$old"
    done
    mv -f "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

# A training run beside the started service, in the background and niced: the same JVM options
# and environment, -Dspring.context.exit=onRefresh (the context is refreshed: beans made, Flyway
# validated; then the JVM exits before anything starts listening or consuming), and
# -XX:AOTCacheOutput. The cache is moved into place only when the run succeeded; the next start
# of the service (a restart after a crash, say) uses it. One training per service and jar.
train_aot() {
  local svc=$1 app=$2 lock
  shift 2
  local -a envs=()
  while [[ $1 != -- ]]; do
    envs+=("$1")
    shift
  done
  shift
  lock="$app/.training"
  if [[ -f $lock ]] && kill -0 "$(cat "$lock")" 2>/dev/null; then
    return 0
  fi
  (
    echo "$BASHPID" >"$lock"
    if env "${envs[@]}" nice -n 10 timeout 600 "$@" -XX:AOTCacheOutput="$app/app.aot.tmp" -Dspring.context.exit=onRefresh \
      -jar "$app/$svc.jar" </dev/null >"$GONGYU_LOG_DIR/$svc.aot-training.log" 2>&1 && [[ -s $app/app.aot.tmp ]]; then
      mv -f "$app/app.aot.tmp" "$app/app.aot"
    else
      rm -f "$app/app.aot.tmp"
    fi
    rm -f "$lock"
  ) </dev/null >/dev/null 2>&1 &
  log "$svc: training its AOT cache in the background (log $GONGYU_LOG_DIR/$svc.aot-training.log); later starts use it"
}

wait_ready() {
  local name=$1 p started=$SECONDS
  p="$(comp_port "$name")"
  wait_for_http "http://127.0.0.1:$p/actuator/health/readiness" "$READY_TIMEOUT" "$name" \
    "$(log_file "$name")" "$(pid_file "$name")"
  log "$name is ready on http://127.0.0.1:$p (waited $((SECONDS - started))s)"
}

# every instance of every service this run dir knows of
all_instances() {
  local svc
  for svc in "${SERVICES[@]}"; do
    known_instances "$svc"
  done
}

on_up_exit() {
  local rc=$? name
  ((rc != 0)) || return 0
  for name in kafka $(all_instances) "$GATEWAY"; do
    if pid_alive "$(pid_file "$name")"; then
      printf '\n' >&2
      warn "'up' failed; what did start is still running: see '$0 status', stop it with '$0 down'"
      return 0
    fi
  done
}

print_summary() {
  local gw name p
  gw="$(comp_port "$GATEWAY")"
  cat <<EOF

=================================================================
 Gongyu is up
-----------------------------------------------------------------
 Gateway:            http://127.0.0.1:$gw
EOF
  local inst
  for name in school-service district-service city-service reporting-service; do
    p="$(comp_port "$name")"
    printf ' %-19s http://127.0.0.1:%s\n' "$name:" "$p"
    printf ' %-19s   swagger:    http://127.0.0.1:%s/swagger-ui.html\n' "" "$p"
    printf ' %-19s   prometheus: http://127.0.0.1:%s/actuator/prometheus\n' "" "$p"
    while read -r inst; do
      [[ $inst == "$name" ]] || printf ' %-19s http://127.0.0.1:%s (instance %s)\n' "$inst:" "$(comp_port "$inst")" "$(instance_of "$inst")"
    done < <(instance_names "$name" "$INSTANCES")
  done
  cat <<EOF
 Keycloak:           $(keycloak_url)  (realm gongyu; admin console $(keycloak_url)/admin, admin/admin)
 Log in:             http://127.0.0.1:$gw/  as e.g. city-staff, assessor-990101 or staff-9901010001,
                     password gongyu-demo (every demo user: README.md)
 Kafka bootstrap:    127.0.0.1:$(comp_port kafka)
 PostgreSQL:         $GONGYU_PG_HOST:$GONGYU_PG_PORT, databases ${GONGYU_DB_PREFIX}{school,district,city,reporting}
 Run dir:            $GONGYU_RUN_DIR
 Logs:               $GONGYU_LOG_DIR  ($0 logs <name>)
 Example report:     http://127.0.0.1:$gw/api/reports/indicators/PLATFORM_REGISTRATION/periods/$(current_semester)
                     (in the browser after logging in, or with a bearer token:
                      TOKEN=\$(curl -s -d grant_type=password -d client_id=gongyu-cli -d username=city-staff \\
                        -d password=gongyu-demo $(keycloak_url)/realms/gongyu/protocol/openid-connect/token | jq -r .access_token)
                      curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$gw/api/reports/...)
 Stop:               $0 down
=================================================================
EOF
}

up() {
  local build=${GONGYU_BUILD:-0} name gw started=$SECONDS rc svc previous
  local -a wanted=() extra=()
  [[ $build == 1 ]] || build=0
  INSTANCES=${GONGYU_INSTANCES:-1}
  while (($# > 0)); do
    case $1 in
      --build) build=1 ;;
      --instances) (($# >= 2)) || usage; INSTANCES=$2; shift ;;
      --instances=*) INSTANCES=${1#--instances=} ;;
      *) usage ;;
    esac
    shift
  done
  [[ $INSTANCES =~ ^[1-9]$ ]] || die "--instances (GONGYU_INSTANCES) wants a number from 1 to $MAX_INSTANCES, not '$INSTANCES'"

  trap on_up_exit EXIT
  pick_java
  log "using JDK $GONGYU_JAVA_MAJOR at $JAVA_HOME"
  build_if_needed "$build"

  ensure_postgres
  "$GONGYU_LOCAL_DIR/db.sh" create
  "$GONGYU_LOCAL_DIR/kafka.sh" start
  ensure_redis
  ensure_fonts

  # Keycloak takes longest to start; the services do not need it until the first request
  # (they fetch its keys then), so it starts alongside them and is waited for before the demo.
  ensure_run_dirs
  # Instances above the number asked for (left by an earlier 'up --instances') stop; a running
  # gateway that was told another number restarts with the new list.
  previous="$(recorded_instances)"
  for svc in "${SERVICES[@]}"; do
    mapfile -t -O "${#wanted[@]}" wanted < <(instance_names "$svc" "$INSTANCES")
    while read -r name; do
      if (($(instance_of "$name") > INSTANCES)); then
        extra+=("$name")
      fi
    done < <(known_instances "$svc")
  done
  ((${#extra[@]} == 0)) || stop_components "${extra[@]}"
  if ((previous != INSTANCES)) && pid_alive "$(pid_file "$GATEWAY")"; then
    log "the gateway was started for $previous instance(s) of each service; restarting it for $INSTANCES"
    stop_components "$GATEWAY"
  fi
  if ((INSTANCES > 1)); then
    echo "$INSTANCES" >"$INSTANCES_FILE"
  else
    rm -f "$INSTANCES_FILE"
  fi

  "$GONGYU_LOCAL_DIR/keycloak.sh" start >"$GONGYU_LOG_DIR/keycloak-start.log" 2>&1 &
  local keycloak_starter=$!
  for name in "${wanted[@]}"; do
    start_component "$name"
  done
  for name in "${wanted[@]}"; do
    wait_ready "$name"
  done
  start_component "$GATEWAY"
  wait_ready "$GATEWAY"
  if ! wait "$keycloak_starter"; then
    cat "$GONGYU_LOG_DIR/keycloak-start.log" >&2
    die "Keycloak did not start (see above)"
  fi
  cat "$GONGYU_LOG_DIR/keycloak-start.log"

  gw="$(comp_port "$GATEWAY")"
  if demo_enabled; then
    log "loading the demo city through the gateway"
    rc=0
    # where PostgreSQL has autovacuum off, the loader then analyses the platform's databases (ADR 0040)
    "$JAVA_HOME/bin/java" -jar "$DEMO_JAR" demo --gateway "http://127.0.0.1:$gw" --keycloak "$(keycloak_url)" \
      --postgres "$GONGYU_PG_HOST:$GONGYU_PG_PORT" --db-prefix "$GONGYU_DB_PREFIX" || rc=$?
    ((rc == 0)) || die "loading the demo data failed (java -jar ${DEMO_JAR#"$ROOT/"} demo exited $rc); the platform itself is up; GONGYU_DEMO=none skips this step"
  else
    log "GONGYU_DEMO=none: not loading demo data"
  fi

  trap - EXIT
  print_summary
  log "up in $((SECONDS - started))s"
}

down() {
  local -a instances
  stop_components "$GATEWAY"
  mapfile -t instances < <(all_instances)
  stop_components "${instances[@]}"
  rm -f "$INSTANCES_FILE"
  "$GONGYU_LOCAL_DIR/kafka.sh" stop
  "$GONGYU_LOCAL_DIR/keycloak.sh" stop
}

# One component stopped (if it runs) and started again, as a supervisor restarts a crashed process:
# nothing else is checked or started, so the time to ready is the component's own.
restart() {
  local name=${1:-} started=$SECONDS
  [[ -n $name && $name != kafka ]] || usage
  base_port "$name" >/dev/null
  pick_java
  INSTANCES="$(recorded_instances)"
  ensure_run_dirs
  stop_components "$name"
  start_component "$name"
  wait_ready "$name"
  log "$name restarted in $((SECONDS - started))s"
}

status() {
  local name p pidfile state ready
  "$GONGYU_LOCAL_DIR/keycloak.sh" status || true
  for name in kafka $(known_instances school-service) $(known_instances district-service) \
    $(known_instances city-service) $(known_instances reporting-service) "$GATEWAY"; do
    p="$(comp_port "$name")"
    pidfile="$(pid_file "$name")"
    if pid_alive "$pidfile"; then
      state="running (pid $(read_pid "$pidfile"))"
      if [[ $name == kafka ]]; then
        if port_open 127.0.0.1 "$p"; then ready="port open"; else ready="port not open"; fi
      else
        ready="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
          "http://127.0.0.1:$p/actuator/health/readiness" 2>/dev/null || true)"
        if [[ $ready == 200 ]]; then ready="ready"; else ready="not ready (HTTP ${ready:-none})"; fi
      fi
    else
      state="stopped"
      ready=""
    fi
    printf '%-20s %-22s 127.0.0.1:%-6s %s\n' "$name" "$state" "$p" "$ready"
  done
}

logs() {
  local name=${1:-} follow=1 logf
  [[ -n $name ]] || usage
  case ${2:-} in
    "") ;;
    --no-follow) follow=0 ;;
    *) usage ;;
  esac
  base_port "$name" >/dev/null
  logf="$(log_file "$name")"
  [[ -f $logf ]] || die "no log for $name at $logf"
  if ((follow)); then
    exec tail -n 200 -F "$logf"
  fi
  exec tail -n 200 "$logf"
}

[[ $# -ge 1 ]] || usage
cmd=$1
shift
case $cmd in
  up) up "$@" ;;
  down) [[ $# -eq 0 ]] || usage; down ;;
  status) [[ $# -eq 0 ]] || usage; status ;;
  logs) [[ $# -ge 1 && $# -le 2 ]] || usage; logs "$@" ;;
  restart) [[ $# -eq 1 ]] || usage; restart "$@" ;;
  *) usage ;;
esac
