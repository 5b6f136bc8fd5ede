#!/usr/bin/env bash
# The project's single test command (see README):
#
#   deploy/local/test.sh [extra Maven arguments]
#
# Picks a JDK >= 21, makes sure PostgreSQL answers on 127.0.0.1:5432 (the
# integration tests use it; Kafka runs inside the test JVMs), then runs
# `./mvnw -B verify` from the repository root.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
ensure_postgres
cd "$ROOT"
log "running ./mvnw -B verify${*:+ $*} (JDK $GONGYU_JAVA_MAJOR at $JAVA_HOME)"
exec ./mvnw -B verify "$@"
