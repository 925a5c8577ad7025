#!/usr/bin/env bash
# Runs the ledgers module's live-network tests (vn.academicledger.ledger.fabric.*Test with
# -Dfabric.it=true: the shared contract suite through the gateway adapter, the stage /
# reconnection tests and the peer outage test) against the local network, which it brings up and
# deploys first; then the main job on that network, `./ledger demo --ledger fabric`, whose last
# line must be "N issued, N verified, 0 failed". Fails when either fails; leaves the network up.
#
# Usage: ledger-it.sh [extra maven arguments, e.g. -Dtest=FabricLedgerStagesTest]
# AL_BUILD_DIR (default target-net) is the build folder; ./ledger itself builds into target/, so
# with any other folder the demo runs the same command line from that folder's cli jar.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NET="$(dirname "$HERE")"
ROOT="$(dirname "$NET")"
RUN="${FABRIC_RUN_DIR:-$NET/run}"
BUILD_DIR="${AL_BUILD_DIR:-target-net}"

"$HERE/fabric.sh" up
# Rebuild the chaincode jar so the network runs the contract the tests are compiled against
# (a changed jar is deployed as the next sequence; an unchanged one changes nothing).
REBUILD_CHAINCODE="${REBUILD_CHAINCODE:-true}" "$HERE/fabric.sh" deploy

cd "$ROOT"
status=0
# Reports as TEST-<class>-fabric-live.xml: the contract suite's nested classes have the same names
# in the embedded run of `mvn verify`, whose reports would otherwise be overwritten (scripts/test.sh
# counts both).
mvn -B -Dal.build.dir="$BUILD_DIR" -pl ledgers -am test \
  -Dfabric.it=true -Dtest='vn.academicledger.ledger.fabric.*Test' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.reportNameSuffix=fabric-live "$@" || status=1

echo "== ./ledger demo --ledger fabric"
demo_dir="$(mktemp -d "${TMPDIR:-/tmp}/ledger-demo-fabric.XXXXXX")"
trap 'rm -rf "$demo_dir"' EXIT
if [[ "$BUILD_DIR" == target ]]; then
  demo=("$ROOT/ledger" demo)
else
  mvn -B -q -Dal.build.dir="$BUILD_DIR" -pl cli -am package -DskipTests || status=1
  demo=(java ${LEDGER_JAVA_OPTS:-} -jar "$ROOT/cli/$BUILD_DIR/academic-ledger-cli.jar" demo)
fi
started=$(date +%s%3N)
"${demo[@]}" --ledger fabric --out "$demo_dir/out" --data "$demo_dir/data" > "$demo_dir/demo.log" || true
cat "$demo_dir/demo.log"
last="$(tail -n 1 "$demo_dir/demo.log")"
if [[ "$last" =~ ^([0-9]+)\ issued,\ ([0-9]+)\ verified,\ 0\ failed$ ]] \
   && (( BASH_REMATCH[1] > 0 && BASH_REMATCH[1] == BASH_REMATCH[2] )); then
  echo "demo on Fabric: OK ($(( ($(date +%s%3N) - started) / 1000 )) s): $last"
else
  echo "demo on Fabric: FAILED: its last line is '${last}', not 'N issued, N verified, 0 failed'" >&2
  status=1
fi

echo "== the verifier service reading the Fabric network"
port=18099
AL_BUILD_DIR="$BUILD_DIR" "$ROOT/verifier-service/scripts/run.sh" --port "$port" --data "$demo_dir/data" \
  --credentials "$demo_dir/out" -- --verifier.ledger.kind=fabric > "$demo_dir/verifier.log" 2>&1 &
verifier_pid=$!
# Stop the verifier however this script ends.
trap 'kill "$verifier_pid" 2>/dev/null || true; rm -rf "$demo_dir"' EXIT
credentials=("$demo_dir"/out/*.json)
answer=""
for _ in $(seq 1 90); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    answer="$(curl -s -X POST -H 'Content-Type: application/json' --data-binary "@${credentials[0]}" \
      "http://127.0.0.1:$port/api/v1/verify" || true)"
    break
  fi
  kill -0 "$verifier_pid" 2>/dev/null || break
  sleep 2
done
pkill -P "$verifier_pid" 2>/dev/null || true
kill "$verifier_pid" 2>/dev/null || true
wait "$verifier_pid" 2>/dev/null || true
if [[ "$answer" == *'"verdict":"VALID"'* && "$answer" == *'"check":"anchored","status":"PASSED"'* ]]; then
  echo "verifier on Fabric: OK: a credential anchored on Fabric is VALID through the service"
else
  echo "verifier on Fabric: FAILED: ${answer:-no answer}" >&2
  tail -n 30 "$demo_dir/verifier.log" >&2
  status=1
fi
exit $status
