#!/usr/bin/env bash
# ./ledger bench verify: starts a verifier of its own (rate limit off) on a copy of the embedded ledger,
# drives it over HTTP from a separate process (vn.academicledger.verifier.bench.VerifyLoad) with
# eddsa-jcs-2022 credentials and tampered copies, prints verifications/s and latency percentiles with
# the machine's load, then stops it. Bounded: warm-up + two runs of --duration each.
#   verifier-service/scripts/bench.sh [--credentials DIR] [--data DIR] [--suite S] [--duration 15s]
#                                     [--warmup 60s] [--rate 2000] [--connections 8] [--invalid 0.1]
# The JIT needs about 60,000 verifications before the code is compiled: keep the warm-up near 60 s.
# The credentials must be anchored on that ledger: ./ledger demo (out/demo, .ledger-data) makes them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${AL_BUILD_DIR:-target}
JAR="$ROOT/verifier-service/$BUILD_DIR/academic-ledger-verifier.jar"
DATA="$ROOT/.ledger-data"
CREDENTIALS="$ROOT/out/demo"
LOAD_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) DATA=$2; shift 2 ;;
    --credentials) CREDENTIALS=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) LOAD_ARGS+=("$1" "$2"); shift 2 ;;
  esac
done
if [[ ! -s "$DATA/ledger/blocks.log" ]] || ! ls "$CREDENTIALS"/*.json >/dev/null 2>&1; then
  echo "No anchored credentials: run ./ledger demo first (ledger in $DATA/ledger, credentials in $CREDENTIALS)." >&2
  exit 2
fi
"$ROOT/verifier-service/scripts/build.sh"

# A copy of the ledger: the embedded ledger admits one process, and ./ledger up may hold this one.
WORK=$(mktemp -d)
mkdir -p "$WORK/ledger"
cp "$DATA/ledger/blocks.log" "$WORK/ledger/"
[[ -f "$DATA/ledger/checkpoint.json" ]] && cp "$DATA/ledger/checkpoint.json" "$WORK/ledger/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting the verifier on 127.0.0.1:$PORT (ledger copy in $WORK) ..." >&2
java ${BENCH_SERVICE_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" --server.port="$PORT" --verifier.data-dir="$WORK" \
  --verifier.directory.credentials="$CREDENTIALS" --verifier.rate-limit.enabled=false \
  --logging.level.root=warn >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then cat "$WORK/service.log" >&2; exit 1; fi
  sleep 0.5
done

java ${BENCH_LOAD_JAVA_OPTS:--Xmx256m} -cp "$JAR" -Dloader.main=vn.academicledger.verifier.bench.VerifyLoad \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --url "http://127.0.0.1:$PORT" --credentials "$CREDENTIALS" --server-pid "$SERVICE_PID" "${LOAD_ARGS[@]}"
