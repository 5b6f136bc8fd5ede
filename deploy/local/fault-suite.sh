#!/usr/bin/env bash
# The fault suite, long version (issue 18 item 3): FaultSuiteSystemIT on its own platform, with
# more rounds and more load between the kills than the test command's short version.
#
#   deploy/local/fault-suite.sh [--rounds N] [--load-seconds S] [--faults a,b,...]
#
# Defaults: 3 rounds, 20 s of load before each kill, every fault (school-service,
# district-service, city-service, reporting-service, gateway, kafka). It builds nothing: run
# `./mvnw -B install -DskipTests` first. It prints the fault table (fault, acknowledged writes,
# lost, duplicated, down→up s, convergence s) and exits non-zero if a write was lost or counted
# twice or the figures did not converge. Kafka and Keycloak must be startable as for the tests.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rounds=3
load=20
faults=school-service,district-service,city-service,reporting-service,gateway,kafka
while (($#)); do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --load-seconds) load=$2; shift 2 ;;
    --faults) faults=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--load-seconds S] [--faults a,b,...]" >&2; exit 2 ;;
  esac
done

pick_java
cd "$ROOT"
GONGYU_READY_TIMEOUT="${GONGYU_READY_TIMEOUT:-600}" ./mvnw -B -o -pl system-tests test-compile failsafe:integration-test failsafe:verify \
  -Dit.test=FaultSuiteSystemIT -Dgongyu.faults.rounds="$rounds" -Dgongyu.faults.load-seconds="$load" \
  -Dgongyu.faults="$faults" -Dgongyu.faults.classes=$(( (rounds * 6 * (load + 60) * 100) / 4 / 5000 + 1 )) 2>&1 | tee "${TMPDIR:-/tmp}/gongyu-fault-suite.log" | grep --line-buffered -E "fault suite:|Tests run|BUILD|ERROR" || true
grep -q "BUILD SUCCESS" "${TMPDIR:-/tmp}/gongyu-fault-suite.log"
