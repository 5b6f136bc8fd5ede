#!/usr/bin/env bash
# The Secrets deploy/k8s refers to, created from values you supply: nothing here is a real secret
# and no value has a default. Export each variable below (from your secret store), then
#   NAMESPACE=gongyu-demo deploy/k8s/create-secrets.example.sh
# before `kubectl apply -k deploy/k8s/overlays/demo`. Make passwords and keys with
# e.g. `openssl rand -base64 24`. DeploymentPolicyTest checks that every Secret a manifest names is
# created here.
set -euo pipefail
ns=${NAMESPACE:?set NAMESPACE}
k() { kubectl -n "$ns" "$@" --dry-run=client -o yaml | kubectl -n "$ns" apply -f -; }
need() { local v; for v in "$@"; do [[ -n ${!v:-} ]] || { echo "set $v" >&2; exit 1; }; done; }

need GONGYU_SCHOOL_DB_OWNER_PASSWORD GONGYU_SCHOOL_DB_PASSWORD GONGYU_DISTRICT_DB_OWNER_PASSWORD \
  GONGYU_DISTRICT_DB_PASSWORD GONGYU_CITY_DB_OWNER_PASSWORD GONGYU_CITY_DB_PASSWORD \
  GONGYU_REPORTING_DB_OWNER_PASSWORD GONGYU_REPORTING_DB_PASSWORD KEYCLOAK_DB_PASSWORD \
  BACKUP_ACCESS_KEY_ID BACKUP_SECRET_ACCESS_KEY GONGYU_SCHOOL_PSEUDONYM_KEY GONGYU_SCHOOL_FIELD_KEY \
  GONGYU_WEB_CLIENT_SECRET GONGYU_PUBLIC_URL GONGYU_DEMO_PASSWORD

# CloudNativePG wants basic-auth Secrets whose username is the role's name: the owner that runs
# the migrations (initdb owner) and the runtime role the service connects as (managed role).
db() { # secret role password
  k create secret generic "$1" --type=kubernetes.io/basic-auth --from-literal=username="$2" --from-literal=password="$3"
}
db gongyu-school-db-owner gongyu_school_owner "$GONGYU_SCHOOL_DB_OWNER_PASSWORD"
db gongyu-school-db-runtime gongyu_school "$GONGYU_SCHOOL_DB_PASSWORD"
db gongyu-district-db-owner gongyu_district_owner "$GONGYU_DISTRICT_DB_OWNER_PASSWORD"
db gongyu-district-db-runtime gongyu_district "$GONGYU_DISTRICT_DB_PASSWORD"
db gongyu-city-db-owner gongyu_city_owner "$GONGYU_CITY_DB_OWNER_PASSWORD"
db gongyu-city-db-runtime gongyu_city "$GONGYU_CITY_DB_PASSWORD"
db gongyu-reporting-db-owner gongyu_reporting_owner "$GONGYU_REPORTING_DB_OWNER_PASSWORD"
db gongyu-reporting-db-runtime gongyu_reporting "$GONGYU_REPORTING_DB_PASSWORD"
db keycloak-db-owner keycloak "$KEYCLOAK_DB_PASSWORD"

# the object store the database backups go to (CloudNativePG barmanObjectStore)
k create secret generic gongyu-backup \
  --from-literal=ACCESS_KEY_ID="$BACKUP_ACCESS_KEY_ID" --from-literal=ACCESS_SECRET_KEY="$BACKUP_SECRET_ACCESS_KEY"

# school-service's keys (ADR 0014): the pseudonym key is kept for good
k create secret generic gongyu-school-keys \
  --from-literal=pseudonym-key="$GONGYU_SCHOOL_PSEUDONYM_KEY" --from-literal=field-key="$GONGYU_SCHOOL_FIELD_KEY"

# The realm import's placeholders and the gateway's client secret (the same value on both sides),
# the gateway's public URL (login redirect), the demo users' password.
k create secret generic gongyu-realm \
  --from-literal=web-client-secret="$GONGYU_WEB_CLIENT_SECRET" --from-literal=public-url="$GONGYU_PUBLIC_URL" \
  --from-literal=demo-password="$GONGYU_DEMO_PASSWORD"
