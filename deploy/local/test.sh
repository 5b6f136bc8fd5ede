#!/usr/bin/env bash
# The project's single test command (see README):
#
#   deploy/local/test.sh [extra Maven arguments]
#
# Picks a JDK >= 21, makes sure PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer
# and Debian's Chromium is installed (the browser system test drives it),
# starts Keycloak with realm gongyu (deploy/local/keycloak.sh; in the background, while Maven
# compiles: the tests wait for it), then runs `./mvnw -B verify` from the repository root. Kafka
# runs inside the test JVMs; the system tests start the whole platform themselves. A Keycloak
# this script started is stopped again when it ends.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
ensure_postgres
ensure_redis
ensure_chromium
ensure_fonts
ensure_run_dirs

keycloak_was_up=0
if "$GONGYU_LOCAL_DIR/keycloak.sh" status >/dev/null 2>&1; then
  keycloak_was_up=1
fi
"$GONGYU_LOCAL_DIR/keycloak.sh" start >"$GONGYU_LOG_DIR/keycloak-start.log" 2>&1 &
keycloak_starter=$!

finish() {
  local rc=$?
  if ! wait "$keycloak_starter" 2>/dev/null; then
    warn "Keycloak did not start:"
    cat "$GONGYU_LOG_DIR/keycloak-start.log" >&2 || true
  fi
  if ((keycloak_was_up == 0)); then
    "$GONGYU_LOCAL_DIR/keycloak.sh" stop || true
  fi
  exit "$rc"
}
trap finish EXIT

# The tests wait this long for Keycloak's realm to answer before they fail.
export GONGYU_TEST_KEYCLOAK_WAIT="${GONGYU_TEST_KEYCLOAK_WAIT:-240}"
cd "$ROOT"
log "running ./mvnw -B verify${*:+ $*} (JDK $GONGYU_JAVA_MAJOR at $JAVA_HOME)"
./mvnw -B verify "$@"
