#!/usr/bin/env bash
# shellcheck shell=bash
#
# Shared helpers for the Gongyu local-infrastructure scripts. Source it:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Environment knobs (all optional):
#   GONGYU_RUN_DIR      where logs, pid files, Kafka data live   (default: <repo>/.run)
#   GONGYU_PORT_OFFSET  added to every port the scripts use       (default: 0)
#   GONGYU_DB_PREFIX    prefix of the per-service roles/databases (default: gongyu_)
#   GONGYU_CACHE_DIR    downloaded broker libraries               (default: $HOME/.cache/gongyu)

if [[ -n ${_GONGYU_LIB_LOADED:-} ]]; then
  return 0
fi
_GONGYU_LIB_LOADED=1

_GONGYU_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

GONGYU_MIN_JAVA=21
GONGYU_PG_HOST=127.0.0.1
GONGYU_PG_PORT=5432

# ---------------------------------------------------------------- logging --

log() {
  printf '[gongyu %s] %s\n' "$(date +%H:%M:%S)" "$*"
}

warn() {
  printf '[gongyu %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
  printf '[gongyu %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

# ------------------------------------------------------------------ paths --

# Repository root, derived from this file's location (deploy/local/lib.sh).
gongyu_root() {
  (cd "$_GONGYU_LIB_DIR/../.." && pwd)
}

_gongyu_abs() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}

ROOT="$(gongyu_root)"
GONGYU_LOCAL_DIR="$_GONGYU_LIB_DIR"
export GONGYU_LOCAL_DIR
GONGYU_RUN_DIR="$(_gongyu_abs "${GONGYU_RUN_DIR:-$ROOT/.run}")"
GONGYU_PORT_OFFSET="${GONGYU_PORT_OFFSET:-0}"
GONGYU_DB_PREFIX="${GONGYU_DB_PREFIX:-gongyu_}"
GONGYU_CACHE_DIR="$(_gongyu_abs "${GONGYU_CACHE_DIR:-${HOME:-/root}/.cache/gongyu}")"
GONGYU_LOG_DIR="$GONGYU_RUN_DIR/logs"
GONGYU_PID_DIR="$GONGYU_RUN_DIR/pids"
export ROOT GONGYU_RUN_DIR GONGYU_PORT_OFFSET GONGYU_DB_PREFIX GONGYU_CACHE_DIR

[[ $GONGYU_PORT_OFFSET =~ ^[0-9]+$ ]] \
  || die "GONGYU_PORT_OFFSET must be a non-negative integer, got '$GONGYU_PORT_OFFSET'"
[[ $GONGYU_DB_PREFIX =~ ^[a-z_][a-z0-9_]*$ ]] \
  || die "GONGYU_DB_PREFIX must match [a-z_][a-z0-9_]* (it becomes a SQL identifier), got '$GONGYU_DB_PREFIX'"

# port BASE -> BASE + GONGYU_PORT_OFFSET
port() {
  printf '%s\n' "$(($1 + GONGYU_PORT_OFFSET))"
}

ensure_run_dirs() {
  mkdir -p "$GONGYU_LOG_DIR" "$GONGYU_PID_DIR"
}

# ------------------------------------------------------------------- java --

# java_major /path/to/java -> prints the feature version (8, 17, 21, 25, ...)
java_major() {
  local out ver
  out="$("$1" -version 2>&1)" || return 1
  ver="$(printf '%s\n' "$out" | sed -n 's/.*version "\([^"]*\)".*/\1/p' | sed -n 1p)"
  [[ -n $ver ]] || return 1
  if [[ $ver == 1.* ]]; then
    ver="${ver#1.}"
  fi
  ver="${ver%%[!0-9]*}"
  [[ -n $ver ]] || return 1
  printf '%s\n' "$ver"
}

# Exports JAVA_HOME (and PATH) for a JDK >= 21: $JAVA_HOME if good enough,
# else the newest /usr/lib/jvm/* JDK, else the `java` on PATH.
pick_java() {
  local candidate major best="" best_major=0 java_bin

  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    major="$(java_major "$JAVA_HOME/bin/java" || echo 0)"
    if ((major >= GONGYU_MIN_JAVA)); then
      best="$JAVA_HOME"
      best_major="$major"
    fi
  fi

  if [[ -z $best ]]; then
    for candidate in /usr/lib/jvm/*; do
      [[ -d $candidate && -x $candidate/bin/java ]] || continue
      major="$(java_major "$candidate/bin/java" || echo 0)"
      if ((major >= GONGYU_MIN_JAVA && major > best_major)); then
        best="$candidate"
        best_major="$major"
      fi
    done
  fi

  if [[ -z $best ]] && java_bin="$(command -v java 2>/dev/null)"; then
    java_bin="$(readlink -f "$java_bin")"
    major="$(java_major "$java_bin" || echo 0)"
    if ((major >= GONGYU_MIN_JAVA)); then
      best="$(dirname "$(dirname "$java_bin")")"
      best_major="$major"
    fi
  fi

  [[ -n $best ]] || die "no JDK >= $GONGYU_MIN_JAVA found (checked \$JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*, and java on PATH). Install a JDK 21 or newer under /usr/lib/jvm, or point JAVA_HOME at one."

  JAVA_HOME="$best"
  GONGYU_JAVA_MAJOR="$best_major"
  case ":$PATH:" in
    ":$JAVA_HOME/bin:"*) ;;
    *) PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
  export JAVA_HOME PATH GONGYU_JAVA_MAJOR

  # Maven 3.9's bundled Guice calls sun.misc.Unsafe; JDK 24+ prints a screenful
  # of warnings about it on every mvnw run unless the access is allowed.
  if ((best_major >= 24)) && [[ ${MAVEN_OPTS:-} != *sun-misc-unsafe-memory-access* ]]; then
    MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
    export MAVEN_OPTS
  fi
}

# trim_native_heap_opts: sets GONGYU_TRIM_OPTS (an array) to the JVM options that hand the C heap the
# JVM has freed back to the system every 10 s (stop 38: about 35 MB a JVM after a day of load), or to
# nothing where $JAVA_HOME has no such option. The option came as experimental in JDK 21.0.1 and
# 17.0.9 and is a product option since JDK 23; unlocking the experimental options lets either take
# it. Asks the JDK (a -version) once per shell and JAVA_HOME; call it outside $(...) to keep that.
trim_native_heap_opts() {
  if [[ ${_gongyu_trim_asked:-} != "$JAVA_HOME" ]]; then
    GONGYU_TRIM_OPTS=(-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000)
    "$JAVA_HOME/bin/java" "${GONGYU_TRIM_OPTS[@]}" -version >/dev/null 2>&1 || GONGYU_TRIM_OPTS=()
    _gongyu_trim_asked=$JAVA_HOME
  fi
}

# ---------------------------------------------------------------- network --

# port_open HOST PORT -> 0 if something accepts TCP connections there.
port_open() {
  # shellcheck disable=SC2016 # $1/$2 expand in the child bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# wait_for_port HOST PORT TIMEOUT_SECONDS NAME
wait_for_port() {
  local host=$1 p=$2 timeout=$3 name=$4
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$p"; do
    if ((SECONDS >= deadline)); then
      warn "$name did not open $host:$p within ${timeout}s"
      return 1
    fi
    sleep 0.5
  done
}

# print_log_tail LOGFILE [LINES]
print_log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -f $file ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    printf -- '(no log file at %s)\n' "$file" >&2
  fi
}

# wait_for_http URL TIMEOUT_SECONDS NAME LOGFILE [PIDFILE]
# Waits until URL answers HTTP 200. On timeout (or if the process in PIDFILE
# dies first) prints the last 40 lines of LOGFILE and exits 1.
wait_for_http() {
  local url=$1 timeout=$2 name=$3 logfile=$4 pidfile=${5:-}
  local deadline=$((SECONDS + timeout)) code
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" 2>/dev/null || true)"
    if [[ $code == 200 ]]; then
      return 0
    fi
    if [[ -n $pidfile ]] && ! pid_starting "$pidfile"; then
      print_log_tail "$logfile" 40
      die "$name exited before $url answered 200 (log: $logfile)"
    fi
    if ((SECONDS >= deadline)); then
      print_log_tail "$logfile" 40
      die "$name did not answer 200 on $url within ${timeout}s (last HTTP status: ${code:-none}; log: $logfile)"
    fi
    sleep 1
  done
}

# -------------------------------------------------------------- processes --
#
# Every process the scripts start carries -Dgongyu.component=<name> on its
# command line; a pid file only counts as "alive" while its pid still runs such
# a process, so a stale pid file can never make us signal an unrelated process.

pid_file() {
  printf '%s/%s.pid\n' "$GONGYU_PID_DIR" "$1"
}

log_file() {
  printf '%s/%s.log\n' "$GONGYU_LOG_DIR" "$1"
}

# read_pid PIDFILE -> prints the pid, or fails
read_pid() {
  local pid
  [[ -f $1 ]] || return 1
  pid="$(tr -dc '0-9' <"$1")"
  [[ -n $pid ]] || return 1
  printf '%s\n' "$pid"
}

# pid_alive PIDFILE -> 0 if the pid in it runs and is one of ours
pid_alive() {
  local pidfile=$1 pid name
  pid="$(read_pid "$pidfile")" || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  name="$(basename "$pidfile" .pid)"
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-Dgongyu.component=$name " || return 1
  fi
  return 0
}

# pid_starting PIDFILE -> 0 while the pid in it runs. For the wait right after a start
# only: until the child has exec'd java its command line is still the starting
# shell's, which pid_alive would not count (under load that window lasts long enough
# to be seen, and a component that is coming up was then reported as exited).
pid_starting() {
  local pid
  pid="$(read_pid "$1")" || return 1
  kill -0 "$pid" 2>/dev/null
}

# pid_port PIDFILE -> the -Dgongyu.port=N its process was started with (if any)
pid_port() {
  local pid
  pid="$(read_pid "$1")" || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n 's/^-Dgongyu\.port=\([0-9]*\)$/\1/p' | sed -n 1p
}

# check_same_port NAME PIDFILE PORT: dies if the live process behind PIDFILE
# was started for another port (same run dir, different GONGYU_PORT_OFFSET).
check_same_port() {
  local name=$1 pidfile=$2 want=$3 have
  have="$(pid_port "$pidfile" || true)"
  if [[ -n $have && $have != "$want" ]]; then
    die "$name from run dir $GONGYU_RUN_DIR is running on port $have, not $want (another GONGYU_PORT_OFFSET?); stop it first or use a separate GONGYU_RUN_DIR"
  fi
}

# rotate_log LOGFILE: keep the previous run's log as LOGFILE.1
rotate_log() {
  if [[ -s $1 ]]; then
    mv -f "$1" "$1.1"
  fi
}

# stop_components NAME... : TERM every live pid-file process named, wait up to
# 20 s for all of them, KILL what is left, remove the pid files.
stop_components() {
  local name pidfile pid deadline left
  local -a pending=()
  for name in "$@"; do
    pidfile="$(pid_file "$name")"
    if pid_alive "$pidfile"; then
      pid="$(read_pid "$pidfile")"
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pending+=("$name")
    else
      [[ -f $pidfile ]] && log "$name: removing stale pid file"
      rm -f "$pidfile"
    fi
  done
  ((${#pending[@]} > 0)) || return 0

  deadline=$((SECONDS + 20))
  while :; do
    left=0
    for name in "${pending[@]}"; do
      pid_alive "$(pid_file "$name")" && left=1
    done
    ((left)) || break
    ((SECONDS < deadline)) || break
    sleep 0.5
  done

  for name in "${pending[@]}"; do
    pidfile="$(pid_file "$name")"
    if pid_alive "$pidfile"; then
      pid="$(read_pid "$pidfile")"
      warn "$name (pid $pid) did not stop within 20s; sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    rm -f "$pidfile"
    log "$name stopped"
  done
}

# -------------------------------------------------------------- postgres --

_pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -t 2 >/dev/null 2>&1
  else
    port_open "$GONGYU_PG_HOST" "$GONGYU_PG_PORT"
  fi
}

# First Debian cluster version under /etc/postgresql (e.g. 15).
_pg_cluster_version() {
  local d
  for d in /etc/postgresql/*/; do
    [[ -d $d ]] || continue
    d="${d%/}"
    printf '%s\n' "${d##*/}"
    return 0
  done
  return 1
}

# Lets `psql -h 127.0.0.1 -U postgres` in without a password (the project's
# machines are configured that way). Only used on a PostgreSQL we just installed.
_pg_trust_loopback() {
  local ver=$1 hba
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  [[ -w $hba ]] || return 0
  grep -q '^# gongyu: trust loopback' "$hba" && return 0
  log "configuring trust auth for 127.0.0.1 and ::1 in $hba (fresh local install)"
  {
    printf '# gongyu: trust loopback (added by deploy/local/lib.sh)\n'
    printf 'host all all 127.0.0.1/32 trust\n'
    printf 'host all all ::1/128 trust\n'
    cat "$hba"
  } >"$hba.gongyu.tmp"
  mv -f "$hba.gongyu.tmp" "$hba"
  chown postgres:postgres "$hba" 2>/dev/null || true
  pg_ctlcluster --skip-systemctl-redirect "$ver" main reload >/dev/null 2>&1 || true
}

# Makes sure PostgreSQL accepts connections on 127.0.0.1:5432: starts the
# Debian cluster if it is stopped, installs PostgreSQL if it is missing.
ensure_postgres() {
  local ver installed=0 i
  if _pg_ready; then
    return 0
  fi

  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ver="$(_pg_cluster_version)"; then
    if ((EUID != 0)) || ! command -v apt-get >/dev/null 2>&1; then
      die "PostgreSQL is not running on $GONGYU_PG_HOST:$GONGYU_PG_PORT and is not installed; install it (Debian: apt-get install postgresql) or start it"
    fi
    log "PostgreSQL is not installed; installing it from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update || die "apt-get update failed"
    apt-get install -y --no-upgrade postgresql || die "apt-get install postgresql failed"
    ver="$(_pg_cluster_version)" || die "PostgreSQL installed but no cluster in /etc/postgresql"
    installed=1
  fi

  if ! _pg_ready; then
    log "starting PostgreSQL $ver/main"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start \
      || warn "pg_ctlcluster $ver main start returned non-zero (it may already be starting)"
  fi

  for ((i = 0; i < 30; i++)); do
    if _pg_ready; then
      ((installed)) && _pg_trust_loopback "$ver"
      log "PostgreSQL is accepting connections on $GONGYU_PG_HOST:$GONGYU_PG_PORT"
      return 0
    fi
    sleep 1
  done
  die "PostgreSQL did not accept connections on $GONGYU_PG_HOST:$GONGYU_PG_PORT within 30s (see /var/log/postgresql/)"
}

# ------------------------------------------------------------------ redis --

# Makes sure `redis-cli ping` answers on 127.0.0.1:6379 (installs/starts it).
ensure_redis() {
  local i
  if command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    if ((EUID != 0)) || ! command -v apt-get >/dev/null 2>&1; then
      die "Redis is not running on 127.0.0.1:6379 and redis-server is not installed"
    fi
    log "redis-server is not installed; installing it from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update || die "apt-get update failed"
    apt-get install -y --no-upgrade redis-server || die "apt-get install redis-server failed"
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
    log "starting redis-server on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      || die "redis-server failed to start"
  fi
  for ((i = 0; i < 20; i++)); do
    if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
      log "Redis answers PONG on 127.0.0.1:6379"
      return 0
    fi
    sleep 0.5
  done
  die "Redis did not answer ping on 127.0.0.1:6379 within 10s"
}

# ------------------------------------------------------- debian packages --

# debian_packages WHY PKG...: installs Debian packages with apt-get (as root; `apt-get update`
# only when a first try fails). Without root or apt-get it only warns: what needs them then
# fails under CI.
debian_packages() {
  local why=$1
  shift
  if ((EUID != 0)) || ! command -v apt-get >/dev/null 2>&1; then
    warn "$* not installed (apt-get install $*): $why"
    return 0
  fi
  log "installing Debian's $*: $why"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "$@"; then
    apt-get update && apt-get install -y --no-install-recommends "$@" \
      || warn "could not install $*: $why"
  fi
}

# Debian's Noto CJK fonts: reporting-service embeds Noto Sans CJK in its PDF exports (without it
# Chinese renders blank), and headless Chromium needs a CJK font to draw the web app's Chinese.
GONGYU_CJK_FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
export GONGYU_CJK_FONT
ensure_fonts() {
  [[ -f $GONGYU_CJK_FONT ]] \
    || debian_packages "PDF exports embed Noto Sans CJK and the browser tests draw Chinese" fonts-noto-cjk
}

# Debian's Chromium and chromedriver, which the browser system tests drive.
ensure_chromium() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
    || debian_packages "the browser system tests drive them" chromium chromium-driver
}

# The tools jar (system-tests: demo loader, benchmarks, consumer-group tools), built first if it is
# missing or older than the tool asked for (it lacks org/gongyu/tools/<class>.class). Prints its path.
tools_jar() {
  local class=$1 jar="$ROOT/system-tests/target/system-tests-0.1.0-SNAPSHOT.jar"
  if [[ ! -f $jar ]] || ! "$JAVA_HOME/bin/jar" tf "$jar" | grep -q "org/gongyu/tools/$class.class"; then
    log "building the tools jar (./mvnw -B -q -DskipTests -pl system-tests -am package)" >&2
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl system-tests -am package) >&2 || die "building $jar failed"
  fi
  echo "$jar"
}
