#!/usr/bin/env bash
# ./ledger bench issue: starts an issuer service of its own (embedded PostgreSQL and embedded ledger in a
# fresh temporary data folder), then drives it over HTTP from a separate process
# (vn.academicledger.issuer.bench.IssueLoad): imports synthetic classes as CSV uploads, creates one
# issuance job per class, waits until every report card is signed, stored, batched, anchored and has its
# receipt, and prints credentials/s with the machine's load. First the same path runs untimed for
# --warmup report cards (default 20,000; its cold-start rate is printed too), so the timed run measures
# a running service rather than the JIT compiling it. Stops the service and removes the folder.
#   issuer-service/scripts/bench.sh [--students 100000] [--class-size 500] [--import-threads 2]
#                                   [--warmup 20000] [--suite eddsa-jcs-2022|eddsa-rdfc-2022] [--keep DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${AL_BUILD_DIR:-target}
JAR="$ROOT/issuer-service/$BUILD_DIR/academic-ledger-issuer.jar"
LOAD_ARGS=()
KEEP=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) KEEP=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) LOAD_ARGS+=("$1" "$2"); shift 2 ;;
  esac
done
"$ROOT/issuer-service/scripts/build.sh"

WORK=${KEEP:-$(mktemp -d)}
mkdir -p "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  [[ -z "$KEEP" ]] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT

echo "Starting the issuer service on 127.0.0.1:$PORT (data in $WORK) ..." >&2
# The same JVM options as issuer-service/scripts/run.sh (the parallel collector, C2 only; see there).
java ${BENCH_SERVICE_JAVA_OPTS:--Xms1g -Xmx2g -XX:+UseParallelGC -XX:-TieredCompilation} -jar "$JAR" --server.port="$PORT" --issuer.data-dir="$WORK" \
  --issuer.demo.password="$PASSWORD" --logging.level.root=warn >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then cat "$WORK/service.log" >&2; exit 1; fi
  sleep 0.5
done

# The load generator shares the machine, so it uses the cheap compiler only (its work is I/O): measured
# 2.3 s of processor time per timed run with the default compilers, 1.0 s with this.
java ${BENCH_LOAD_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1} -cp "$JAR" -Dloader.main=vn.academicledger.issuer.bench.IssueLoad \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --url "http://127.0.0.1:$PORT" --password "$PASSWORD" --server-pid "$SERVICE_PID" --postgres-dir "$WORK/issuer/postgres" "${LOAD_ARGS[@]}"
