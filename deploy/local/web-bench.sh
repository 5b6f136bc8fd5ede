#!/usr/bin/env bash
# Speed of the web app on this machine (a measurement, not a test):
#   - time from navigation start to a rendered city scorecard in headless Chromium
#     (median of N with an empty cache and of N with the bundles cached),
#   - the JS+CSS the first page fetched (bytes over the wire, gzip, and unpacked),
#   - xlsx export times through the gateway (gongyu-cli token); the largest table is named.
#
#   deploy/local/web-bench.sh [--runs 5] [--user city-staff]
#
# Needs a running platform with the demo city (deploy/local/platform.sh up), Debian's
# chromium and chromium-driver, and the system-tests module built (its test classes and
# test classpath; compiled here when missing). GONGYU_PORT_OFFSET picks the gateway.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pick_java
gw=$(port 8080)
keycloak="http://127.0.0.1:${GONGYU_KEYCLOAK_PORT:-8180}"
port_open 127.0.0.1 "$gw" || die "no gateway on 127.0.0.1:$gw; start the platform first: deploy/local/platform.sh up"
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "Chromium is missing: apt-get install -y chromium chromium-driver"

target="$ROOT/system-tests/target"
cpfile="$target/web-bench.classpath"
if [[ ! -f $target/test-classes/org/gongyu/tools/WebBench.class ]]; then
  log "compiling the system-tests module (./mvnw -B -q -pl system-tests test-compile)"
  (cd "$ROOT" && ./mvnw -B -q -pl system-tests test-compile) || die "compiling system-tests failed"
fi
if [[ ! -s $cpfile || $ROOT/system-tests/pom.xml -nt $cpfile ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl system-tests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cpfile") || die "resolving the test classpath of system-tests failed"
fi
exec "$JAVA_HOME/bin/java" -cp "$target/test-classes:$target/classes:$(cat "$cpfile")" \
  org.gongyu.tools.WebBench --gateway "http://127.0.0.1:$gw" --keycloak "$keycloak" "$@"
