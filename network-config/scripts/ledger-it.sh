#!/usr/bin/env bash
# Runs the ledgers module's live-network tests (vn.academicledger.ledger.fabric.*Test with
# -Dfabric.it=true: the shared contract suite through the gateway adapter, and the stage /
# reconnection tests) against the local network, which it brings up and deploys first.
#
# Usage: ledger-it.sh [extra maven arguments, e.g. -Dtest=FabricLedgerStagesTest]
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
exec mvn -B -Dal.build.dir="$BUILD_DIR" -pl ledgers -am test \
  -Dfabric.it=true -Dtest='vn.academicledger.ledger.fabric.*Test' -Dsurefire.failIfNoSpecifiedTests=false \
  "$@"
