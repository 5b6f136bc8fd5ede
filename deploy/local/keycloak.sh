#!/usr/bin/env bash
# Keycloak (realm `gongyu`) for local development and the tests.
#
#   deploy/local/keycloak.sh start|stop|status
#
# One Keycloak serves every run dir on this machine, like PostgreSQL: it listens on
# 127.0.0.1:$GONGYU_KEYCLOAK_PORT (default 8180, no port offset) so that the token issuer
# is the same everywhere: http://127.0.0.1:8180/realms/gongyu. Always use 127.0.0.1, never
# localhost: Keycloak in dev mode names the issuer after the host the client used.
#
# The realm comes from deploy/keycloak/gongyu-realm.json at every start: the dev database
# (H2 files in the distribution's data dir) is wiped first, so the running realm is always
# the committed one. A running Keycloak that imported another version of the file is
# restarted. The distribution comes from Maven Central (dependency:copy of org.keycloak:keycloak-quarkus-dist:zip) and
# is unpacked once into $GONGYU_CACHE_DIR/keycloak-<version>.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_VERSION=26.7.3
KC_NAME=keycloak
KC_PORT="${GONGYU_KEYCLOAK_PORT:-8180}"
KC_HOME="$GONGYU_CACHE_DIR/keycloak-$KC_VERSION"
KC_REALM_FILE="$ROOT/deploy/keycloak/gongyu-realm.json"
KC_LOG="$(log_file "$KC_NAME")"
KC_PID="$(pid_file "$KC_NAME")"
KC_START_TIMEOUT=180
KC_URL="http://127.0.0.1:$KC_PORT"

usage() {
  echo "usage: $0 start|stop|status" >&2
  exit 2
}

ensure_dist() {
  local tmp zip
  if [[ -x $KC_HOME/bin/kc.sh && -f $KC_HOME/.complete ]]; then
    return 0
  fi
  log "fetching Keycloak $KC_VERSION from Maven Central into $KC_HOME (once)"
  mkdir -p "$GONGYU_CACHE_DIR"
  tmp="$(mktemp -d "$KC_HOME.tmp.XXXXXX")"
  if ! "$ROOT/mvnw" -B -q -f "$GONGYU_LOCAL_DIR/keycloak/pom.xml" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$tmp/zip"; then
    rm -rf "$tmp"
    die "could not fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip with $ROOT/mvnw"
  fi
  zip="$tmp/zip/keycloak-quarkus-dist-$KC_VERSION.zip"
  [[ -f $zip ]] || { rm -rf "$tmp"; die "$zip missing after dependency:copy"; }
  (cd "$tmp" && "$JAVA_HOME/bin/jar" xf "$zip") || { rm -rf "$tmp"; die "could not unpack $zip"; }
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  chmod +x "$KC_HOME"/bin/*.sh
  touch "$KC_HOME/.complete"
}

realm_sum() {
  sha256sum "$KC_REALM_FILE" | cut -d' ' -f1
}

kc_ready() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$KC_URL/realms/gongyu/.well-known/openid-configuration" 2>/dev/null) == 200 ]]
}

# The JVM kc.sh runs (kc.sh may start it twice in dev mode: once to build, once to serve).
kc_jvm_pid() {
  pgrep -f -- "-Dgongyu.component=$KC_NAME -Dgongyu.port=$KC_PORT " | head -n 1
}

# wait_started START_SECONDS LAUNCHER_PID
wait_started() {
  local started=$1 launcher=$2 deadline=$((SECONDS + KC_START_TIMEOUT)) pid
  until kc_ready; do
    if ! kill -0 "$launcher" 2>/dev/null; then
      print_log_tail "$KC_LOG" 60
      rm -f "$KC_PID"
      die "Keycloak exited during startup (log: $KC_LOG)"
    fi
    if ((SECONDS >= deadline)); then
      print_log_tail "$KC_LOG" 60
      die "Keycloak did not serve realm gongyu on $KC_URL within ${KC_START_TIMEOUT}s (log: $KC_LOG)"
    fi
    sleep 1
  done
  pid="$(kc_jvm_pid)" || true
  [[ -n $pid ]] && echo "$pid" >"$KC_PID"
  log "Keycloak is up on $KC_URL, realm gongyu (pid ${pid:-?}, ready in $((SECONDS - started))s)"
}

start() {
  local started=$SECONDS
  ensure_run_dirs
  [[ -f $KC_REALM_FILE ]] || die "realm file $KC_REALM_FILE is missing"
  if kc_ready; then
    if [[ -f $KC_HOME/data/import/.imported-sha256 && $(cat "$KC_HOME/data/import/.imported-sha256") == "$(realm_sum)" ]]; then
      log "Keycloak is already running on $KC_URL with the current realm"
      return 0
    fi
    if pid_alive "$KC_PID"; then
      log "the realm file changed since Keycloak imported it; restarting Keycloak"
      stop_components "$KC_NAME"
    else
      die "a Keycloak on $KC_URL serves an older realm and was not started from this run dir ($GONGYU_RUN_DIR); stop it and run $0 start again"
    fi
  elif pid_alive "$KC_PID"; then
    log "Keycloak (pid $(read_pid "$KC_PID")) is starting; waiting for it"
    wait_started "$started" "$(read_pid "$KC_PID")"
    return 0
  fi
  rm -f "$KC_PID"
  if port_open 127.0.0.1 "$KC_PORT"; then
    die "port 127.0.0.1:$KC_PORT is in use by something that is not Keycloak's realm gongyu; stop it or set GONGYU_KEYCLOAK_PORT"
  fi

  pick_java
  ensure_dist
  # A fresh dev database every start: the realm is exactly the committed file.
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import" "$KC_HOME/data/tmp"
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/gongyu-realm.json"
  realm_sum >"$KC_HOME/data/import/.imported-sha256"

  rotate_log "$KC_LOG"
  log "starting Keycloak $KC_VERSION on $KC_URL (log $KC_LOG)"
  trim_native_heap_opts
  KC_BOOTSTRAP_ADMIN_USERNAME="${GONGYU_KEYCLOAK_ADMIN:-admin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${GONGYU_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx384m" \
  JAVA_OPTS_APPEND="${GONGYU_TRIM_OPTS[*]-} -Dgongyu.component=$KC_NAME -Dgongyu.port=$KC_PORT -Dgongyu.end=1" \
    nohup "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --import-realm \
    --health-enabled=true --cache=local \
    </dev/null >"$KC_LOG" 2>&1 &
  local launcher=$!
  echo "$launcher" >"$KC_PID"
  wait_started "$started" "$launcher"
}

stop() {
  if [[ ! -f $KC_PID ]]; then
    log "Keycloak was not started from this run dir (no pid file in $GONGYU_PID_DIR)"
    return 0
  fi
  stop_components "$KC_NAME"
}

status() {
  if kc_ready; then
    if pid_alive "$KC_PID"; then
      echo "keycloak: running (pid $(read_pid "$KC_PID"), $KC_URL)"
    else
      echo "keycloak: running ($KC_URL, started from another run dir)"
    fi
  elif pid_alive "$KC_PID"; then
    echo "keycloak: starting (pid $(read_pid "$KC_PID"))"
  else
    echo "keycloak: stopped"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
