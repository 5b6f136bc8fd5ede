#!/usr/bin/env bash
# Runs once, when the data volume is new (postgres image's /docker-entrypoint-initdb.d): one
# database per service with the two roles of ADR 0013 (an owner that migrates, a runtime role the
# service connects as, as deploy/local/db.sh makes them), and Keycloak's database. Passwords come
# from the environment (compose.yaml, .env); none has a default.
set -euo pipefail

role() { # name password
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -v name="$1" -v pw="$2" <<'SQL'
CREATE ROLE :"name" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'pw';
SQL
}

for svc in school district city reporting; do
  upper=${svc^^}
  owner_pw_var="GONGYU_${upper}_DB_OWNER_PASSWORD"
  runtime_pw_var="GONGYU_${upper}_DB_PASSWORD"
  db="gongyu_$svc"
  role "${db}_owner" "${!owner_pw_var:?$owner_pw_var is not set}"
  role "$db" "${!runtime_pw_var:?$runtime_pw_var is not set}"
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
    -c "CREATE DATABASE $db OWNER ${db}_owner ENCODING 'UTF8' TEMPLATE template0" \
    -c "REVOKE ALL ON DATABASE $db FROM PUBLIC" -c "GRANT CONNECT ON DATABASE $db TO $db"
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$db" \
    -c "ALTER SCHEMA public OWNER TO ${db}_owner" \
    -c "REVOKE ALL ON SCHEMA public FROM PUBLIC" \
    -c "GRANT USAGE ON SCHEMA public TO $db" \
    -c "ALTER DEFAULT PRIVILEGES FOR ROLE ${db}_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO $db" \
    -c "ALTER DEFAULT PRIVILEGES FOR ROLE ${db}_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO $db"
done

role keycloak "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8' TEMPLATE template0"
