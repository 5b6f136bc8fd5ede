#!/usr/bin/env bash
# Benchmark (not a test): how fast a report answers many readers on a running platform. For the
# city scorecard of the current semester (or --path), as city-staff (or --user): one client in a row
# through the gateway and directly (what the gateway adds at p50), --clients concurrent clients
# through the gateway and directly (requests/s, p50/p95/p99), and the same clients revalidating with
# If-None-Match (304). Clients accept gzip and do not unpack it; the load generator shares the CPU.
#
#   deploy/local/read-bench.sh [--clients 200] [--rate 1000] [--seconds 20] [--warmup 5] [--sequential 500]
#                              [--user city-staff] [--path /api/reports/...] [--repeat 3]
#
# Needs a platform started with `deploy/local/platform.sh up` (with the demo city, for the figures
# to be those of a real city). GONGYU_PORT_OFFSET picks the gateway and reporting-service.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
JAR="$(tools_jar ReadBench)"
gw=$(port 8080)
reporting=$(port 8084)
keycloak="http://127.0.0.1:${GONGYU_KEYCLOAK_PORT:-8180}"
port_open 127.0.0.1 "$gw" || die "no gateway on 127.0.0.1:$gw; start the platform first: deploy/local/platform.sh up"
port_open 127.0.0.1 "$reporting" || die "no reporting-service on 127.0.0.1:$reporting"
exec "$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" read-bench --gateway "http://127.0.0.1:$gw" \
  --direct "http://127.0.0.1:$reporting" --keycloak "$keycloak" "$@"
