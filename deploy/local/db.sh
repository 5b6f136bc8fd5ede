#!/usr/bin/env bash
# Per-service PostgreSQL roles and databases on 127.0.0.1:5432.
#
#   deploy/local/db.sh create   # idempotent
#   deploy/local/db.sh drop     # drops the databases (WITH (FORCE)) and roles
#
# For each service in: school district city reporting
#   role     ${GONGYU_DB_PREFIX}<svc>  LOGIN, password = the role name
#   database ${GONGYU_DB_PREFIX}<svc>  owned by that role
# Connects as `psql -h 127.0.0.1 -U postgres` (trust auth on the project's machines).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(school district city reporting)

usage() {
  echo "usage: $0 create|drop" >&2
  exit 2
}

psql_admin() {
  psql -h "$GONGYU_PG_HOST" -p "$GONGYU_PG_PORT" -U postgres -d postgres \
    -X -q -t -A -v ON_ERROR_STOP=1 "$@"
}

# Names are validated against [a-z_][a-z0-9_]* in lib.sh, so they are safe to
# splice into SQL as identifiers and literals.
exists() {
  [[ $(psql_admin -c "$1") == 1 ]]
}

create() {
  local svc name
  for svc in "${SERVICES[@]}"; do
    name="${GONGYU_DB_PREFIX}${svc}"
    if exists "SELECT 1 FROM pg_roles WHERE rolname = '$name'"; then
      psql_admin -c "ALTER ROLE $name WITH LOGIN PASSWORD '$name'"
      log "role $name exists"
    else
      psql_admin -c "CREATE ROLE $name WITH LOGIN PASSWORD '$name'"
      log "role $name created"
    fi
    if exists "SELECT 1 FROM pg_database WHERE datname = '$name'"; then
      psql_admin -c "ALTER DATABASE $name OWNER TO $name"
      log "database $name exists"
    else
      psql_admin -c "CREATE DATABASE $name OWNER $name ENCODING 'UTF8' TEMPLATE template0"
      log "database $name created"
    fi
  done
}

drop() {
  local svc name
  for svc in "${SERVICES[@]}"; do
    name="${GONGYU_DB_PREFIX}${svc}"
    if exists "SELECT 1 FROM pg_database WHERE datname = '$name'"; then
      psql_admin -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
      log "database $name dropped"
    fi
    if exists "SELECT 1 FROM pg_roles WHERE rolname = '$name'"; then
      psql_admin -c "DROP ROLE IF EXISTS $name"
      log "role $name dropped"
    fi
  done
}

[[ $# -eq 1 ]] || usage
command -v psql >/dev/null 2>&1 || die "psql not found (install postgresql-client)"
ensure_postgres
case $1 in
  create) create ;;
  drop) drop ;;
  *) usage ;;
esac
