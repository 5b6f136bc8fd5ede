#!/usr/bin/env bash
# Per-service PostgreSQL roles and databases on 127.0.0.1:5432.
#
#   deploy/local/db.sh create   # idempotent
#   deploy/local/db.sh drop     # drops the databases (WITH (FORCE)) and roles
#
# For each service in: school district city reporting (ADR 0013)
#   role     ${GONGYU_DB_PREFIX}<svc>_owner  LOGIN, password = the role name; owns the database and
#            schema public, runs the migrations (spring.flyway.user)
#   role     ${GONGYU_DB_PREFIX}<svc>        LOGIN, password = the role name; what the service connects
#            as (spring.datasource.username): CONNECT, USAGE on schema public, SELECT/INSERT/UPDATE/
#            DELETE on the tables and USAGE/SELECT on the sequences the owner creates (default
#            privileges); owns nothing, no CREATE or TEMP, no TRUNCATE/TRIGGER/REFERENCES. The
#            migrations take UPDATE/DELETE back on the append-only tables.
#   database ${GONGYU_DB_PREFIX}<svc>        owned by the owner role; nobody else may connect
# A database made by the earlier one-role scheme (the service's role owned everything) is moved
# over: what that role owns passes to the owner, and it keeps row privileges on the tables.
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

# Creates or resets a LOGIN role whose password is its name.
login_role() {
  local role=$1
  if exists "SELECT 1 FROM pg_roles WHERE rolname = '$role'"; then
    psql_admin -c "ALTER ROLE $role WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$role'"
    log "role $role exists"
  else
    psql_admin -c "CREATE ROLE $role WITH LOGIN PASSWORD '$role'"
    log "role $role created"
  fi
}

create() {
  local svc name owner
  for svc in "${SERVICES[@]}"; do
    name="${GONGYU_DB_PREFIX}${svc}"
    owner="${name}_owner"
    login_role "$owner"
    login_role "$name"
    if exists "SELECT 1 FROM pg_database WHERE datname = '$name'"; then
      psql_admin -c "ALTER DATABASE $name OWNER TO $owner"
      log "database $name exists"
    else
      psql_admin -c "CREATE DATABASE $name OWNER $owner ENCODING 'UTF8' TEMPLATE template0"
      log "database $name created"
    fi
    psql_admin -c "REVOKE ALL ON DATABASE $name FROM PUBLIC" -c "GRANT CONNECT ON DATABASE $name TO $name"
    if [[ $(psql_admin -d "$name" -c "SELECT count(*) FROM pg_class WHERE relowner = '$name'::regrole") != 0 ]]; then
      # the one-role scheme: the service's role owned the tables
      psql_admin -d "$name" -c "REASSIGN OWNED BY $name TO $owner" \
        -c "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO $name" \
        -c "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO $name"
      log "database $name: objects of $name now owned by $owner"
    fi
    psql_admin -d "$name" \
      -c "ALTER SCHEMA public OWNER TO $owner" \
      -c "REVOKE ALL ON SCHEMA public FROM PUBLIC" \
      -c "GRANT USAGE ON SCHEMA public TO $name" \
      -c "ALTER DEFAULT PRIVILEGES FOR ROLE $owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO $name" \
      -c "ALTER DEFAULT PRIVILEGES FOR ROLE $owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO $name"
    # The registrations' random-key B-trees make the first change to a page after each checkpoint
    # write the whole page to the WAL; lz4 halved the school database's WAL per batch of 5,000 (27 to
    # 14 MB at 7 million registrations, deploy/local/README.md stop 37). For this database's
    # sessions only: the machine's PostgreSQL may serve others. Skipped where the server lacks lz4.
    if [[ $svc == school ]] && exists "SELECT 1 FROM pg_settings WHERE name = 'wal_compression' AND 'lz4' = ANY(enumvals)"; then
      psql_admin -c "ALTER DATABASE $name SET wal_compression = 'lz4'"
    fi
  done
}

drop() {
  local svc name role
  for svc in "${SERVICES[@]}"; do
    name="${GONGYU_DB_PREFIX}${svc}"
    if exists "SELECT 1 FROM pg_database WHERE datname = '$name'"; then
      psql_admin -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
      log "database $name dropped"
    fi
    for role in "$name" "${name}_owner"; do
      if exists "SELECT 1 FROM pg_roles WHERE rolname = '$role'"; then
        psql_admin -c "DROP ROLE IF EXISTS $role"
        log "role $role dropped"
      fi
    done
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
