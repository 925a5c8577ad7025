#!/usr/bin/env bash
# Every test of the project; this is the command CI runs (./ledger test).
#  1. mvn verify: unit and integration tests of every module, on the embedded ledger.
#  2. The live Hyperledger Fabric network: installs the pinned binaries (network-config/scripts/
#     install-fabric.sh), brings the network up, deploys the contract and runs the gateway adapter's
#     tests (the shared contract suite and more) through network-config/scripts/ledger-it.sh, then
#     takes the network down. Where no source of the pinned Fabric binaries is reachable (the Go
#     module proxy refuses github.com/hyperledger/fabric 2.2+), this stage is skipped and says so.
#  3. A closing line that counts every test run: "Tests: N passed, N failed, N skipped".
# Extra arguments go to the first mvn call. LEDGER_SKIP_FABRIC=1 skips stage 2.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
status=0
# The live stage's reports (TEST-<class>-fabric-live.xml) of an earlier run must not be counted again.
rm -f "$ROOT"/*/target/surefire-reports/*-fabric-live*

echo "== 1/2 mvn verify (all modules, embedded ledger)"
mvn -B verify "$@" || status=1

fabric_note=""
if [[ "${LEDGER_SKIP_FABRIC:-0}" == "1" ]]; then
  fabric_note="live Fabric tests skipped (LEDGER_SKIP_FABRIC=1)"
elif [[ $status -eq 0 ]]; then
  echo "== 2/2 live Fabric network"
  network-config/scripts/install-fabric.sh
  rc=$?
  if [[ $rc -eq 3 ]]; then
    fabric_note="SKIPPED: live Fabric tests — no reachable source serves the pinned Fabric binaries (see network-config/README.md)"
  elif [[ $rc -ne 0 ]]; then
    status=1
  else
    started=$(date +%s)
    AL_BUILD_DIR=target network-config/scripts/ledger-it.sh || status=1
    network-config/scripts/fabric.sh down || true
    fabric_note="live Fabric stage took $(( $(date +%s) - started ))s"
  fi
fi

[[ -n "$fabric_note" ]] && echo "$fabric_note"
python3 - "$ROOT" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
tests = failures = errors = skipped = 0
files = glob.glob(f"{root}/*/target/surefire-reports/TEST-*.xml")
live = {f[:-len("-fabric-live.xml")] + ".xml" for f in files if f.endswith("-fabric-live.xml")}
for f in files:
    s = ET.parse(f).getroot()
    # A class the live stage ran again: what `mvn verify` skipped there (for want of the network) is
    # counted once, as the live stage ran it.
    own_skipped = 0 if f in live else int(s.get("skipped", 0))
    tests += int(s.get("tests", 0)) - int(s.get("skipped", 0)) + own_skipped
    failures += int(s.get("failures", 0)); errors += int(s.get("errors", 0)); skipped += own_skipped
failed = failures + errors
print(f"Tests: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
exit $status
