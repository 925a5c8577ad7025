#!/usr/bin/env bash
# The local Academic Ledger Fabric network, run as plain processes (no Docker):
# one Raft orderer (OrdererMSP) and two peers, peer0.department (DepartmentMSP) and
# peer0.ministry (MinistryMSP), on channel `academic`; all listeners on 127.0.0.1.
#
#   fabric.sh up            install binaries and crypto if missing, start the nodes, wait for
#                           /healthz, create the channel (configtxgen + osnadmin) and join both peers
#   fabric.sh deploy        package the contract as chaincode-as-a-service, install it on both peers,
#                           start one chaincode server per peer, approve for both orgs, commit
#   fabric.sh status        each process, its health, the channel heights, the chaincode definition
#   fabric.sh down [--wipe] stop exactly the processes `up`/`deploy` started (by PID);
#                           --wipe also deletes run/ (ledgers, channel block, logs)
#   fabric.sh stop NODE     stop one of them (orderer0, peer0.department, peer0.ministry, cc.department,
#                           cc.ministry), e.g. to test reconnection; `up` starts it again
#
# State lives in network-config/run/: config/ (rendered yaml), data/ (ledgers), logs/, pids/,
# channel/ (genesis block), chaincode/ (package and package id). Ports: network.env.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NET="$(dirname "$HERE")"
ROOT="$(dirname "$NET")"
# shellcheck source=../network.env
source "$NET/network.env"

BIN="${FABRIC_BIN_DIR:-$NET/bin}"
RUN="${FABRIC_RUN_DIR:-$NET/run}"
CRYPTO_OUT="${CRYPTO_OUT:-$ROOT/crypto-material/generated}"
CRYPTO="$CRYPTO_OUT/fabric"
BUILD_DIR="${AL_BUILD_DIR:-target-net}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-60}"   # seconds to wait for each node's /healthz
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"       # seconds to wait for a process to exit after SIGTERM

ORDERER_DOMAIN=orderer.academicledger.test
ORDERER_NODE="$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/orderers/orderer0.$ORDERER_DOMAIN"
ORDERER_TLS_CA="$ORDERER_NODE/tls/ca.crt"
ORDERER_ADMIN_TLS="$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/users/Admin@$ORDERER_DOMAIN/tls"
ORDERER_ADDRESS="127.0.0.1:$ORDERER_PORT"
ORGS=(department ministry)

log() { printf '[fabric] %s\n' "$*"; }
die() { printf '[fabric] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
elapsed() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01ds' $((ms / 1000)) $(((ms % 1000) / 100)); }

org_var() { # org_var department PEER_PORT -> value of DEPARTMENT_PEER_PORT
  local name="${1^^}_$2"; printf '%s' "${!name}"
}
msp_id() { case "$1" in department) echo DepartmentMSP ;; ministry) echo MinistryMSP ;; esac; }
org_dir() { echo "$CRYPTO/peerOrganizations/$1.academicledger.test"; }
peer_tls_ca() { echo "$(org_dir "$1")/peers/peer0.$1.academicledger.test/tls/ca.crt"; }

# ---------------------------------------------------------------------------------------------
# processes: each started in its own session; its PID file holds the PID and a marker that
# must appear in /proc/PID/cmdline, so `down` never signals a recycled PID.

pid_file() { echo "$RUN/pids/$1.pid"; }

running_pid() { # prints the PID of a process we started and that still runs
  local file pid marker
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(sed -n 1p "$file")"; marker="$(sed -n 2p "$file")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  echo "$pid"
}

start_process() { # start_process NAME MARKER ENV=... -- COMMAND ARGS...
  local name="$1" marker="$2"; shift 2
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  if pid="$(running_pid "$name")"; then
    log "$name already running (pid $pid)"
    return 0
  fi
  mkdir -p "$RUN/logs" "$RUN/pids"
  local file; file="$(pid_file "$name")"
  # The inner shell writes its own PID, then execs the program: that PID is the program's.
  env "${envs[@]}" setsid bash -c 'printf "%s\n%s\n" "$$" "$1" > "$2"; shift 2; exec "$@"' \
    _ "$marker" "$file" "$@" >> "$RUN/logs/$name.log" 2>&1 < /dev/null &
  local i
  for i in $(seq 1 50); do [[ -s "$file" ]] && break; sleep 0.1; done
  log "$name started (pid $(sed -n 1p "$file"), log run/logs/$name.log)"
}

alive() { # a PID that runs; an exited process waiting to be reaped (state Z) does not count
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

stop_process() {
  local name="$1" pid i
  if ! pid="$(running_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 $((STOP_TIMEOUT * 10))); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    log "$name (pid $pid) did not stop in ${STOP_TIMEOUT}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  log "$name stopped (pid $pid)"
}

health() { curl -s --max-time 2 "http://127.0.0.1:$1/healthz" 2>/dev/null || true; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_healthy() { # wait_healthy NAME OPS_PORT GRPC_PORT
  # The operations server answers /healthz before the node's gRPC port listens: wait for both.
  local name="$1" port="$2" grpc="$3" deadline=$(( $(date +%s) + HEALTH_TIMEOUT )) body=""
  while (( $(date +%s) < deadline )); do
    running_pid "$name" > /dev/null || { tail -n 30 "$RUN/logs/$name.log" >&2; die "$name exited; see run/logs/$name.log"; }
    body="$(health "$port")"
    [[ "$body" == *'"status":"OK"'* ]] && listening "$grpc" && return 0
    sleep 0.2
  done
  die "$name not healthy after ${HEALTH_TIMEOUT}s (last /healthz answer: ${body:-none}; gRPC port $grpc)"
}

check_port_free() {
  if listening "$1"; then
    die "port $1 on 127.0.0.1 is in use by another program (see network.env to move the port plan)"
  fi
}

# ---------------------------------------------------------------------------------------------
# CLI environments

orderer_admin() { # osnadmin SUBCOMMAND ARGS... as the orderer org's admin, over mutual TLS
  "$BIN/osnadmin" "$@" -o "127.0.0.1:$ORDERER_ADMIN_PORT" --ca-file "$ORDERER_TLS_CA" \
    --client-cert "$ORDERER_ADMIN_TLS/client.crt" --client-key "$ORDERER_ADMIN_TLS/client.key"
}

peer_admin() { # peer_admin ORG peer-args... : the peer CLI as ORG's admin, talking to ORG's peer
  local org="$1"; shift
  FABRIC_CFG_PATH="$RUN/config/peer0.$org" \
  FABRIC_LOGGING_SPEC="${CLI_LOGGING_SPEC:-warning}" \
  CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
  CORE_PEER_MSPCONFIGPATH="$(org_dir "$org")/users/Admin@$org.academicledger.test/msp" \
  CORE_PEER_ADDRESS="127.0.0.1:$(org_var "$org" PEER_PORT)" \
  CORE_PEER_TLS_ENABLED=true \
  CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")" \
    "$BIN/peer" "$@"
}

# ---------------------------------------------------------------------------------------------
# up

ensure_binaries() {
  "$HERE/install-fabric.sh"
}

ensure_crypto() {
  # The department's diploma office (unit code 79000000) is an issuer client since the generator's
  # default list gained it; a run folder from before lacks it, and the generator then adds only it.
  local office
  office="$(org_dir department)/users/school-79000000@department.academicledger.test/msp/keystore/priv_sk"
  if [[ -f "$ORDERER_NODE/tls/server.key" && -f "$(org_dir ministry)/users/Admin@ministry.academicledger.test/msp/keystore/priv_sk" \
        && -f "$office" ]]; then
    return 0
  fi
  local jar
  jar="$(ls "$ROOT"/crypto-material/"$BUILD_DIR"/crypto-material-*.jar 2>/dev/null | head -1 || true)"
  # A jar older than the generator's sources would write yesterday's default list: rebuild it.
  if [[ -z "$jar" || -n "$(find "$ROOT/crypto-material/src/main" "$ROOT/crypto-material/pom.xml" -newer "$jar" -type f 2>/dev/null | head -n 1)" ]]; then
    log "building the crypto-material generator (mvn -pl crypto-material -am package -DskipTests)"
    (cd "$ROOT" && mvn -B -q -Dal.build.dir="$BUILD_DIR" -pl crypto-material -am package -DskipTests)
    jar="$(ls "$ROOT"/crypto-material/"$BUILD_DIR"/crypto-material-*.jar | head -1)"
  fi
  log "generating crypto material into $CRYPTO_OUT"
  java -jar "$jar" --out "$CRYPTO_OUT"
}

render_config() {
  python3 "$HERE/render-config.py" --sampleconfig "$BIN/sampleconfig" --crypto "$CRYPTO" --run "$RUN" \
    --builders "$BIN/ccaas_builder" --configtx "$NET/config/configtx.yaml"
}

start_orderer() {
  running_pid orderer0 > /dev/null || { check_port_free "$ORDERER_PORT"; check_port_free "$ORDERER_ADMIN_PORT"; check_port_free "$ORDERER_OPS_PORT"; }
  mkdir -p "$RUN/data/orderer0"
  start_process orderer0 "$BIN/orderer" FABRIC_CFG_PATH="$RUN/config/orderer0" \
    FABRIC_LOGGING_SPEC="${ORDERER_LOGGING_SPEC:-info}" -- "$BIN/orderer"
}

start_peer() {
  local org="$1"
  running_pid "peer0.$org" > /dev/null || {
    check_port_free "$(org_var "$org" PEER_PORT)"; check_port_free "$(org_var "$org" CC_PORT)"; check_port_free "$(org_var "$org" OPS_PORT)"; }
  mkdir -p "$RUN/data/peer0.$org"
  start_process "peer0.$org" "$BIN/peer node start" FABRIC_CFG_PATH="$RUN/config/peer0.$org" \
    FABRIC_LOGGING_SPEC="${PEER_LOGGING_SPEC:-info}" \
    CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG="{\"ccaddress\":\"127.0.0.1:$(org_var "$org" CCAAS_PORT)\"}" \
    -- "$BIN/peer" node start
}

crypto_fingerprint() { # the CA certificates the channel configuration trusts
  cat "$CRYPTO"/*Organizations/*/ca/ca-cert.pem "$CRYPTO"/*Organizations/*/tlsca/tlsca-cert.pem | sha256sum | cut -d' ' -f1
}

create_channel() {
  local block="$RUN/channel/$CHANNEL_NAME.block"
  if [[ -f "$RUN/channel/crypto.sha256" && "$(cat "$RUN/channel/crypto.sha256")" != "$(crypto_fingerprint)" ]]; then
    die "the crypto material changed since channel '$CHANNEL_NAME' was created: run 'fabric.sh down --wipe' first"
  fi
  if [[ ! -f "$block" ]]; then
    mkdir -p "$RUN/channel"
    "$BIN/configtxgen" -configPath "$RUN/config" -profile AcademicChannel -channelID "$CHANNEL_NAME" \
      -outputBlock "$block" 2> "$RUN/logs/configtxgen.log" || { cat "$RUN/logs/configtxgen.log" >&2; die "configtxgen failed"; }
    crypto_fingerprint > "$RUN/channel/crypto.sha256"
    log "genesis block of '$CHANNEL_NAME' written (run/channel/$CHANNEL_NAME.block)"
  fi
  if orderer_admin channel list 2>/dev/null | grep -q "\"name\": *\"$CHANNEL_NAME\""; then
    log "orderer0 already serves channel '$CHANNEL_NAME'"
  else
    orderer_admin channel join --channelID "$CHANNEL_NAME" --config-block "$block" > "$RUN/logs/osnadmin-join.log" 2>&1 \
      || { cat "$RUN/logs/osnadmin-join.log" >&2; die "osnadmin channel join failed"; }
    log "orderer0 joined channel '$CHANNEL_NAME': $(tr -d '\n' < "$RUN/logs/osnadmin-join.log" | sed 's/  */ /g' | cut -c1-160)"
  fi
  local org
  for org in "${ORGS[@]}"; do
    if peer_admin "$org" channel list 2>/dev/null | grep -qx "$CHANNEL_NAME"; then
      log "peer0.$org already joined '$CHANNEL_NAME'"
    else
      peer_admin "$org" channel join -b "$block"
      log "peer0.$org joined '$CHANNEL_NAME'"
    fi
  done
}

wait_raft_leader() { # the single Raft node has elected itself; before that the orderer refuses transactions
  local deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
  until curl -s --max-time 2 "http://127.0.0.1:$ORDERER_OPS_PORT/metrics" 2>/dev/null \
      | grep -q "^consensus_etcdraft_is_leader{channel=\"$CHANNEL_NAME\"} 1"; do
    (( $(date +%s) < deadline )) || die "orderer0 has no Raft leader for '$CHANNEL_NAME' after ${HEALTH_TIMEOUT}s"
    sleep 0.2
  done
}

wait_channel_height() { # both peers have pulled at least the genesis block
  local org deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
  for org in "${ORGS[@]}"; do
    until peer_admin "$org" channel getinfo -c "$CHANNEL_NAME" 2>/dev/null | grep -q '"height":[1-9]'; do
      (( $(date +%s) < deadline )) || die "peer0.$org has no block of '$CHANNEL_NAME' after ${HEALTH_TIMEOUT}s"
      sleep 0.5
    done
  done
}

cmd_up() {
  local t0; t0=$(now_ms)
  command -v curl > /dev/null || die "curl is needed"
  ensure_binaries
  ensure_crypto
  render_config
  start_orderer
  local org
  for org in "${ORGS[@]}"; do start_peer "$org"; done
  wait_healthy orderer0 "$ORDERER_OPS_PORT" "$ORDERER_PORT"
  for org in "${ORGS[@]}"; do wait_healthy "peer0.$org" "$(org_var "$org" OPS_PORT)" "$(org_var "$org" PEER_PORT)"; done
  log "orderer0 and both peers report /healthz OK ($(elapsed "$t0"))"
  create_channel
  wait_channel_height
  wait_raft_leader
  log "Raft leader elected; both peers hold '$CHANNEL_NAME' ($(elapsed "$t0"))"
  start_chaincode_servers_if_deployed
  log "network up in $(elapsed "$t0")"
}

# ---------------------------------------------------------------------------------------------
# deploy (chaincode as a service)

CC_DIR() { echo "$RUN/chaincode"; }

chaincode_jar() {
  local jar="${CHAINCODE_JAR:-}"
  if [[ -z "$jar" ]]; then
    # The shaded chaincode-as-a-service jar (classifier "service") built by the chaincode module.
    jar="$(ls "$ROOT"/chaincode/"$BUILD_DIR"/chaincode-*-service.jar 2>/dev/null | head -1 || true)"
  fi
  [[ -n "$jar" && -f "$jar" ]] || return 1
  echo "$jar"
}

build_chaincode() {
  log "building the chaincode (mvn -pl core,chaincode -am package -DskipTests)"
  (cd "$ROOT" && mvn -B -q -Dal.build.dir="$BUILD_DIR" -pl core,chaincode -am package -DskipTests)
}

make_package() { # writes the CCaaS package; prints its path
  local dir; dir="$(CC_DIR)"
  local work="$dir/package-src"
  rm -rf "$work"; mkdir -p "$work/code"
  # The peer's ccaas builder fills {{.ccaddress}} from CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG, which
  # each peer gets from fabric.sh: one package, and each peer dials its own chaincode server.
  printf '{"address":"{{.ccaddress}}","dial_timeout":"10s","tls_required":false}\n' > "$work/code/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$CHAINCODE_NAME" > "$work/metadata.json"
  # Deterministic tarballs (fixed mtime/owner/order, gzip -n): same content, same package id.
  local tarflags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner)
  tar -C "$work/code" "${tarflags[@]}" -cf - connection.json | gzip -n > "$work/code.tar.gz"
  tar -C "$work" "${tarflags[@]}" -cf - metadata.json code.tar.gz | gzip -n > "$dir/$CHAINCODE_NAME.tar.gz"
  echo "$dir/$CHAINCODE_NAME.tar.gz"
}

start_chaincode_server() { # start_chaincode_server ORG PACKAGE_ID JAR
  local org="$1" id="$2" jar="$3" port
  port="$(org_var "$org" CCAAS_PORT)"
  running_pid "cc.$org" > /dev/null || check_port_free "$port"
  start_process "cc.$org" "$jar" \
    CHAINCODE_SERVER_ADDRESS="127.0.0.1:$port" CORE_CHAINCODE_ID_NAME="$id" CORE_PEER_TLS_ENABLED=false \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    -- java ${CHAINCODE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar "$jar"
  local deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
  until listening "$port"; do
    running_pid "cc.$org" > /dev/null || { tail -n 30 "$RUN/logs/cc.$org.log" >&2; die "chaincode server cc.$org exited"; }
    (( $(date +%s) < deadline )) || die "chaincode server cc.$org not listening on $port after ${HEALTH_TIMEOUT}s"
    sleep 0.5
  done
  log "chaincode server cc.$org listening on 127.0.0.1:$port"
}

start_chaincode_servers_if_deployed() {
  local dir; dir="$(CC_DIR)"
  [[ -f "$dir/package-id" && -f "$dir/jar" ]] || return 0
  local id jar org
  id="$(cat "$dir/package-id")"; jar="$(cat "$dir/jar")"
  [[ -f "$jar" ]] || { log "deployed chaincode jar $jar is gone; run deploy again"; return 0; }
  for org in "${ORGS[@]}"; do start_chaincode_server "$org" "$id" "$jar"; done
}

committed_sequence() { # prints the committed sequence, or 0
  local out
  out="$(peer_admin department lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -O json 2>/dev/null || true)"
  python3 -c 'import json,sys
try: print(json.loads(sys.stdin.read() or "{}").get("sequence", 0))
except ValueError: print(0)' <<< "$out"
}

approved_package() { # approved_package ORG SEQUENCE : package id the org approved at that sequence, or empty
  peer_admin "$1" lifecycle chaincode queryapproved -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" --sequence "$2" -O json 2>/dev/null \
    | python3 -c 'import json,sys
try: print(json.load(sys.stdin).get("source",{}).get("Type",{}).get("LocalPackage",{}).get("package_id",""))
except ValueError: print("")' || true
}

cmd_deploy() {
  local t0; t0=$(now_ms)
  for org in orderer0 peer0.department peer0.ministry; do
    running_pid "$org" > /dev/null || die "$org is not running: run 'fabric.sh up' first"
  done
  local jar
  if ! jar="$(chaincode_jar)" || [[ "${REBUILD_CHAINCODE:-false}" == true ]]; then
    build_chaincode
    jar="$(chaincode_jar)" || die "no chaincode jar under chaincode/$BUILD_DIR after the build (set CHAINCODE_JAR=...)"
  fi
  log "chaincode jar: ${jar#"$ROOT"/}"
  mkdir -p "$(CC_DIR)"
  local pkg id
  pkg="$(make_package)"
  id="$(peer_admin department lifecycle chaincode calculatepackageid "$pkg")"
  log "package $CHAINCODE_NAME.tar.gz, package id $id"

  local org
  for org in "${ORGS[@]}"; do
    if peer_admin "$org" lifecycle chaincode queryinstalled 2>/dev/null | grep -qF "Package ID: $id,"; then
      log "already installed on peer0.$org"
    else
      peer_admin "$org" lifecycle chaincode install "$pkg" 2>&1 | tail -n 2
      log "installed on peer0.$org"
    fi
  done

  # A new jar needs new chaincode processes; the package id changes only with connection.json.
  local previous_jar_sum=""
  [[ -f "$(CC_DIR)/jar.sha256" ]] && previous_jar_sum="$(cat "$(CC_DIR)/jar.sha256")"
  # Hash of the jar's entries, not of the file: a rebuild that changes no class keeps the same
  # version, so it neither restarts the chaincode servers nor bumps the definition's sequence.
  local jar_sum; jar_sum="$(unzip -p "$jar" | sha256sum | cut -d' ' -f1)"
  if [[ "$previous_jar_sum" != "$jar_sum" ]]; then
    for org in "${ORGS[@]}"; do stop_process "cc.$org"; done
  fi
  echo "$id" > "$(CC_DIR)/package-id"; echo "$jar" > "$(CC_DIR)/jar"; echo "$jar_sum" > "$(CC_DIR)/jar.sha256"
  for org in "${ORGS[@]}"; do start_chaincode_server "$org" "$id" "$jar"; done

  # Definition: same package → nothing to do; otherwise the next sequence. The version names the jar.
  local seq next version
  seq="$(committed_sequence)"
  if (( seq > 0 )) && [[ "$(approved_package department "$seq")" == "$id" && "$(approved_package ministry "$seq")" == "$id" ]] \
     && [[ -f "$(CC_DIR)/committed-jar.sha256" && "$(cat "$(CC_DIR)/committed-jar.sha256")" == "$jar_sum" ]]; then
    log "definition sequence $seq already committed with this package"
  else
    next=$((seq + 1)); version="${jar_sum:0:12}"
    local common=(-o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_TLS_CA" -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME"
                  --version "$version" --sequence "$next")
    for org in "${ORGS[@]}"; do
      peer_admin "$org" lifecycle chaincode approveformyorg "${common[@]}" --package-id "$id" --waitForEventTimeout 60s
      log "approved by $(msp_id "$org") (sequence $next, version $version)"
    done
    peer_admin department lifecycle chaincode checkcommitreadiness -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
      --version "$version" --sequence "$next" -O json | tr -d ' \n'; echo
    peer_admin department lifecycle chaincode commit "${common[@]}" --waitForEventTimeout 60s \
      --peerAddresses "127.0.0.1:$DEPARTMENT_PEER_PORT" --tlsRootCertFiles "$(peer_tls_ca department)" \
      --peerAddresses "127.0.0.1:$MINISTRY_PEER_PORT" --tlsRootCertFiles "$(peer_tls_ca ministry)"
    echo "$jar_sum" > "$(CC_DIR)/committed-jar.sha256"
    log "definition committed (sequence $next)"
  fi
  peer_admin department lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME"
  # Smoke test: each peer runs the contract through its own chaincode server.
  for org in "${ORGS[@]}"; do
    local answer
    answer="$(peer_admin "$org" chaincode query -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
      -c '{"Args":["org.hyperledger.fabric:GetMetadata"]}' 2>&1)" || die "peer0.$org cannot run the chaincode: $answer"
    log "peer0.$org runs the contract (metadata: $(python3 -c 'import json,sys; m=json.load(sys.stdin); print(", ".join(sorted(m.get("contracts",{}))), "/", len(next(iter(m["contracts"].values()))["transactions"]), "transactions")' <<< "$answer" 2>/dev/null || echo "${answer:0:80}"))"
  done
  log "deploy done in $(elapsed "$t0")"
}

# ---------------------------------------------------------------------------------------------
# status / down

cmd_status() {
  local name port pid body any=false
  for name in orderer0 peer0.department peer0.ministry cc.department cc.ministry; do
    case "$name" in
      orderer0) port="$ORDERER_OPS_PORT" ;;
      peer0.*) port="$(org_var "${name#peer0.}" OPS_PORT)" ;;
      *) port="" ;;
    esac
    if pid="$(running_pid "$name")"; then
      any=true
      if [[ -n "$port" ]]; then body="$(health "$port")"; else body="(no health endpoint)"; fi
      printf '  %-17s running  pid %-7s healthz %s\n' "$name" "$pid" "${body:-no answer}"
    else
      printf '  %-17s stopped\n' "$name"
    fi
  done
  $any || return 0
  if running_pid orderer0 > /dev/null; then
    printf '  orderer0 channels: %s\n' "$(orderer_admin channel list 2>/dev/null | tr -d ' \n' || echo '?')"
  fi
  local org
  for org in "${ORGS[@]}"; do
    running_pid "peer0.$org" > /dev/null || continue
    printf '  peer0.%-10s %s\n' "$org" "$(peer_admin "$org" channel getinfo -c "$CHANNEL_NAME" 2>&1 | tr -d '\n' || true)"
  done
  if running_pid peer0.department > /dev/null; then
    printf '  chaincode: %s\n' "$(peer_admin department lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" 2>&1 | tr '\n' ' ' || true)"
  fi
}

cmd_down() {
  local t0; t0=$(now_ms)
  local name
  for name in cc.department cc.ministry peer0.department peer0.ministry orderer0; do stop_process "$name"; done
  if [[ "${1:-}" == "--wipe" ]]; then
    rm -rf "$RUN"
    log "wiped $RUN"
  fi
  log "down in $(elapsed "$t0")"
}

case "${1:-}" in
  up) cmd_up ;;
  deploy) cmd_deploy ;;
  status) cmd_status ;;
  down) shift; cmd_down "$@" ;;
  stop)
    case "${2:-}" in
      orderer0|peer0.department|peer0.ministry|cc.department|cc.ministry) stop_process "$2" ;;
      *) die "stop what? orderer0, peer0.department, peer0.ministry, cc.department or cc.ministry" ;;
    esac ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
