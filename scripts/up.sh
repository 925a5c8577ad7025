#!/usr/bin/env bash
# ./ledger up: the platform on the embedded default, on this machine, no setup.
#   - the issuer service on 127.0.0.1:8081: embedded PostgreSQL (data in .ledger-data/issuer/postgres),
#     the embedded ledger (.ledger-data/ledger, this service is its only writer), its own OAuth 2.1 /
#     OpenID Connect server with the demo department, two schools, their accounts and a class;
#   - the verifier on 127.0.0.1:8080, reading the same ledger as a follower, with the QR pages of the
#     sample credentials ./ledger demo wrote to out/demo (run first when missing).
# Prints the addresses and the demo accounts, then runs until Ctrl-C, which stops both.
#   scripts/up.sh [--issuer-port N] [--verifier-port N] [--data DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ISSUER_PORT=8081
VERIFIER_PORT=8080
DATA="$ROOT/.ledger-data"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --issuer-port) ISSUER_PORT=$2; shift 2 ;;
    --verifier-port) VERIFIER_PORT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)

if ! ls "$ROOT"/out/demo/*.json >/dev/null 2>&1; then
  echo "No sample credentials yet: running ./ledger demo first (out/demo) ..." >&2
  "$ROOT/ledger" demo --data "$DATA" >&2
fi
"$ROOT/issuer-service/scripts/build.sh"
"$ROOT/verifier-service/scripts/build.sh"

LOGS="$DATA/logs"
mkdir -p "$LOGS"
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT INT TERM

wait_healthy() { # name url pid log
  for _ in $(seq 1 360); do
    if curl -fs "$2/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then
      echo "The $1 stopped while starting; its log ($4):" >&2
      tail -n 40 "$4" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "The $1 did not answer at $2 within 3 minutes; see $4" >&2
  exit 1
}

ISSUER="http://127.0.0.1:$ISSUER_PORT"
VERIFIER="http://127.0.0.1:$VERIFIER_PORT"
echo "Starting the issuer service (log: $LOGS/issuer.log) ..." >&2
AL_BUILD_DIR=${AL_BUILD_DIR:-target} "$ROOT/issuer-service/scripts/run.sh" --port "$ISSUER_PORT" --data "$DATA" \
  -- --issuer.verifier-base-url="$VERIFIER" >"$LOGS/issuer.log" 2>&1 &
PIDS+=($!)
wait_healthy "issuer service" "$ISSUER" "${PIDS[0]}" "$LOGS/issuer.log"
echo "Starting the verifier (log: $LOGS/verifier.log) ..." >&2
"$ROOT/verifier-service/scripts/run.sh" --port "$VERIFIER_PORT" --data "$DATA" \
  -- --verifier.directory.issuer-url="$ISSUER" >"$LOGS/verifier.log" 2>&1 &
PIDS+=($!)
wait_healthy "verifier" "$VERIFIER" "${PIDS[1]}" "$LOGS/verifier.log"

PASSWORD=$(sed -n 's/^password=//p' "$DATA/issuer/demo-accounts.txt" 2>/dev/null || true)
cat <<TEXT

Academic Ledger is up (embedded default; data in $DATA)
  Issuer service  $ISSUER/swagger-ui.html   (OpenAPI $ISSUER/v3/api-docs)
  Verifier        $VERIFIER/                (QR pages /v/<id>, PDF upload /pdf)
  Sign in         POST $ISSUER/oauth2/token  grant_type=client_credentials, account and password as HTTP Basic

Demo accounts (password: ${PASSWORD:-see $DATA/issuer/demo-accounts.txt})
  so.admin            Sở GDĐT — accredits schools, registers their keys
  so.auditor          Thanh tra — reads the audit log
  bennghe.issuer      Trường THPT Bến Nghé (79000701) — imports classes, prepares issuance, revokes
  bennghe.principal   Trường THPT Bến Nghé (79000701) — approves and signs
  thuthiem.issuer     Trường THPT Thủ Thiêm (79000702)
  thuthiem.principal  Trường THPT Thủ Thiêm (79000702)

Try:
  T=\$(curl -s -u bennghe.principal:$PASSWORD -d grant_type=client_credentials $ISSUER/oauth2/token | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  curl -s -H "Authorization: Bearer \$T" $ISSUER/api/v1/schools/79000701/classes

Ctrl-C stops both services.
TEXT
wait -n "${PIDS[@]}"
echo "A service stopped; stopping the other." >&2
