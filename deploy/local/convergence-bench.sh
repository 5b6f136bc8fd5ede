#!/usr/bin/env bash
# Benchmark (not a test), issue 18 item 2: how long one crash keeps the figures wrong, and how long
# rebuilding the reporting read model of the demo city from the topics takes, on a running platform
# (deploy/local/platform.sh up, with the demo city).
#
#   deploy/local/convergence-bench.sh [--repeat 3] [--faults school-service,district-service,...]
#                                     [--rebuilds 3] [--county 990790]
#
# 1. Each component in turn (school-, district-, city-, reporting-service, the gateway) is killed
#    with SIGKILL and restarted at once with `platform.sh restart` (a supervisor's restart), while
#    a school of the bench's own county sends new registrations until they are acknowledged. Printed
#    per component: seconds from the kill to ready again, and to every tier showing the new
#    registrations (county rollup and city total in reporting-service); median (min–max).
# 2. `rebuild.sh reporting-service` --rebuilds times: seconds from the stop to caught up.
# The platform's JVMs start from their AOT cache once it is trained (platform.sh, GONGYU_AOT);
# GONGYU_AOT=0 on the platform's `up`/`restart` measures without it. GONGYU_PORT_OFFSET,
# GONGYU_RUN_DIR and GONGYU_DB_PREFIX pick the platform, as for platform.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rebuilds=3
args=()
while (($#)); do
  case $1 in
    --rebuilds) rebuilds=$2; shift 2 ;;
    --repeat|--faults|--county) args+=("$1" "$2"); shift 2 ;;
    *) echo "usage: $0 [--repeat 3] [--faults a,b,...] [--rebuilds 3] [--county 990790]" >&2; exit 2 ;;
  esac
done

pick_java
JAR="$(tools_jar Convergence)"
gw=$(port 8080)
port_open 127.0.0.1 "$gw" || die "no gateway on 127.0.0.1:$gw; start the platform first: deploy/local/platform.sh up"
log "AOT caches: $(ls "$GONGYU_RUN_DIR"/apps/*/app.aot 2>/dev/null | wc -l) of 5 trained (GONGYU_AOT=${GONGYU_AOT:-1})"
"$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -jar "$JAR" converge --gateway "http://127.0.0.1:$gw" \
  --keycloak "http://127.0.0.1:${GONGYU_KEYCLOAK_PORT:-8180}" --run-dir "$GONGYU_RUN_DIR" \
  --platform "$GONGYU_LOCAL_DIR/platform.sh" ${args[@]+"${args[@]}"}

times=()
for ((i = 1; i <= rebuilds; i++)); do
  line="$("$GONGYU_LOCAL_DIR/rebuild.sh" reporting-service 2>&1 | tee /dev/stderr | grep -o 'rebuilt reporting-service in [0-9.]* s' || true)"
  [[ -n $line ]] || die "rebuild $i of reporting-service printed no time"
  times+=("$(grep -o '[0-9.]* s' <<<"$line" | cut -d' ' -f1)")
done
if ((rebuilds > 0)); then
  printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "\nrebuild of the reporting read model from the topics (stop to caught up), %d runs: median %.1f s (%.1f–%.1f)\n", NR, m, v[1], v[NR] }'
fi
