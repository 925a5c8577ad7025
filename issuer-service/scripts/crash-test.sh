#!/usr/bin/env bash
# The issuer service's crash test alone (CrashRecoveryTest; `mvn verify` runs it too): a child JVM of the
# service is killed with SIGKILL in the middle of a 50,000-report-card bulk job, restarted, stopped
# gracefully and restarted again; then the database and the ledger are checked from outside (every
# credential anchored exactly once, every receipt valid). Prints the test's "crash-test:" figures.
#   issuer-service/scripts/crash-test.sh [more mvn arguments]
# AL_BUILD_DIR names the build folder (default target), so it can run beside other builds of this checkout.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${AL_BUILD_DIR:-target}
cd "$ROOT"
OUTPUT="$ROOT/issuer-service/$BUILD_DIR/surefire-reports/vn.academicledger.issuer.crash.CrashRecoveryTest-output.txt"
rm -f "$OUTPUT"
status=0
mvn -B -q -Dal.build.dir="$BUILD_DIR" -pl issuer-service -am -Dtest=CrashRecoveryTest \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" verify || status=$?
if [[ -f "$OUTPUT" ]]; then
  grep -a '^crash-test:' "$OUTPUT" || true
fi
exit $status
