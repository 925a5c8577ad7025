#!/usr/bin/env bash
# Starts the verifier service on the embedded defaults and prints its addresses.
#   verifier-service/scripts/run.sh [--port N] [--data DIR] [--credentials DIR] [-- SPRING_ARGS...]
# Defaults: 127.0.0.1:8080, data folder .ledger-data (its ledger/ is the embedded ledger, as ./ledger demo
# writes it), credentials behind QR codes in out/demo. Builds the jar first when it is missing or older
# than the sources. Runs in the foreground; Ctrl-C stops it.
# Environment: VERIFIER_PORT, LEDGER_JAVA_OPTS, AL_BUILD_DIR (Maven build folder name, default target).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${AL_BUILD_DIR:-target}
JAR="$ROOT/verifier-service/$BUILD_DIR/academic-ledger-verifier.jar"
PORT=${VERIFIER_PORT:-8080}
DATA="$ROOT/.ledger-data"
CREDENTIALS="$ROOT/out/demo"
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --data) DATA=$(cd "$2" 2>/dev/null && pwd || echo "$2"); shift 2 ;;
    --credentials) CREDENTIALS=$(cd "$2" 2>/dev/null && pwd || echo "$2"); shift 2 ;;
    --) shift; EXTRA+=("$@"); break ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) EXTRA+=("$1"); shift ;;
  esac
done

"$ROOT/verifier-service/scripts/build.sh"

if [[ ! -s "$DATA/ledger/blocks.log" ]]; then
  echo "Note: no ledger in $DATA/ledger yet: every credential will fail the ledger checks." >&2
  echo "      Run ./ledger demo first to issue and anchor the sample class." >&2
fi
BASE="http://127.0.0.1:$PORT"
echo "Verifier: $BASE/  (API: $BASE/swagger-ui.html, OpenAPI: $BASE/v3/api-docs)" >&2
exec java ${LEDGER_JAVA_OPTS:-} -jar "$JAR" \
  --server.port="$PORT" \
  --verifier.public-base-url="$BASE" \
  --verifier.data-dir="$DATA" \
  --verifier.directory.credentials="$CREDENTIALS" \
  "${EXTRA[@]}"
