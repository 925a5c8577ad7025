#!/usr/bin/env bash
# Starts the issuer service on the embedded defaults (embedded PostgreSQL, embedded ledger, its own
# authorization server with the demo accounts) and prints its addresses.
#   issuer-service/scripts/run.sh [--port N] [--data DIR] [-- SPRING_ARGS...]
# Defaults: 127.0.0.1:8081, data folder .ledger-data (issuer/ holds PostgreSQL's data, the keys and
# demo-accounts.txt; ledger/ is the embedded ledger, of which this service is the only writer).
# Runs in the foreground; Ctrl-C stops it. Environment: ISSUER_PORT, LEDGER_JAVA_OPTS, AL_BUILD_DIR.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${AL_BUILD_DIR:-target}
JAR="$ROOT/issuer-service/$BUILD_DIR/academic-ledger-issuer.jar"
PORT=${ISSUER_PORT:-8081}
DATA="$ROOT/.ledger-data"
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --data) DATA=$(cd "$2" 2>/dev/null && pwd || echo "$2"); shift 2 ;;
    --) shift; EXTRA+=("$@"); break ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) EXTRA+=("$1"); shift ;;
  esac
done
"$ROOT/issuer-service/scripts/build.sh"
BASE="http://127.0.0.1:$PORT"
echo "Issuer: $BASE/  (API: $BASE/swagger-ui.html, OpenAPI: $BASE/v3/api-docs, tokens: $BASE/oauth2/token)" >&2
# JVM options for throughput (bulk issuance), measured in ./ledger bench issue on a 2-core machine;
# LEDGER_JAVA_OPTS overrides:
# - the parallel collector: ~9% faster than G1 (simpler write barriers, less concurrent GC work);
# - C2 only (-XX:-TieredCompilation): with tiered compilation the C2 compiler was still recompiling
#   C1-profiled code 20 s into a bulk run (a third of the service's processor time there); C2 only, the
#   service used 21-22 s instead of 28 s of processor time per 100,000 report cards. The price is start-up:
#   healthy after ~14 s instead of ~10 s on that machine, and the first requests run interpreted.
exec java ${LEDGER_JAVA_OPTS:--XX:+UseParallelGC -XX:-TieredCompilation} -jar "$JAR" \
  --server.port="$PORT" \
  --issuer.public-base-url="$BASE" \
  --issuer.data-dir="$DATA" \
  "${EXTRA[@]+"${EXTRA[@]}"}"
