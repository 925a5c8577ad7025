#!/usr/bin/env bash
# Installs the Hyperledger Fabric binaries this network runs on into network-config/bin/:
#   peer, orderer, configtxgen, osnadmin, configtxlator   (Go module github.com/hyperledger/fabric)
#   ccaas_builder/bin/{detect,build,release}              (module github.com/hyperledger/fabric/ccaas_builder)
#   sampleconfig/{core.yaml,orderer.yaml,configtx.yaml}   Fabric's defaults, edited per node at `fabric.sh up`
#
# Pinned to the commit of the Fabric v2.5.16 LTS release (FABRIC_COMMIT in network.env). The module
# declares `module github.com/hyperledger/fabric` without /v2, so `@v2.5.16` is refused by the go
# command; the commit is installed as a pseudo-version instead. Built with CGO_ENABLED=0.
#
# Skips all work when a stamp file names the pinned commit and `peer version` agrees.
#
# Usage: install-fabric.sh [--force]
#   FABRIC_PREBUILT_DIR=<dir>  install binaries built elsewhere instead of `go install` (a folder laid
#                              out like network-config/bin); they must report the pinned commit.
#   FABRIC_CACHE_DIR=<dir>     the machine's cache of installed binaries, shared by every checkout
#                              (default ~/.cache/academic-ledger/fabric-<commit>); used when present,
#                              filled after every install.
# Exit codes: 0 installed; 3 no source of the pinned binaries is reachable (see the message); 1 other errors.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NET="$(dirname "$HERE")"
# shellcheck source=../network.env
source "$NET/network.env"
BIN="${FABRIC_BIN_DIR:-$NET/bin}"
STAMP="$BIN/.fabric-commit"
SHORT="${FABRIC_COMMIT:0:12}"
MODULE=github.com/hyperledger/fabric
COMMANDS=(peer orderer configtxgen osnadmin configtxlator)
BUILDER_COMMANDS=(detect build release)
SAMPLES=(core.yaml orderer.yaml configtx.yaml)
CACHE="${FABRIC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/academic-ledger/fabric-$SHORT}"

force=false
[[ "${1:-}" == "--force" ]] && force=true

log() { printf '[install-fabric] %s\n' "$*"; }

installed() {
  [[ -f "$STAMP" ]] && grep -qx "commit=$FABRIC_COMMIT" "$STAMP" || return 1
  local f
  for f in "${COMMANDS[@]}"; do [[ -x "$BIN/$f" ]] || return 1; done
  for f in "${BUILDER_COMMANDS[@]}"; do [[ -x "$BIN/ccaas_builder/bin/$f" ]] || return 1; done
  for f in "${SAMPLES[@]}"; do [[ -f "$BIN/sampleconfig/$f" ]] || return 1; done
  reports_pinned_commit "$BIN/peer"
}

reports_pinned_commit() {
  "$1" version 2>/dev/null | grep -q "Commit SHA: $SHORT"
}

start=$(date +%s)
if ! $force && installed; then
  log "Fabric $FABRIC_VERSION ($SHORT) already installed in $BIN; nothing to do ($(($(date +%s) - start))s)."
  exit 0
fi

mkdir -p "$BIN/ccaas_builder/bin" "$BIN/sampleconfig"
rm -f "$STAMP"

if [[ -z "${FABRIC_PREBUILT_DIR:-}" && -x "$CACHE/peer" ]] && reports_pinned_commit "$CACHE/peer"; then
  log "Using this machine's cache $CACHE"
  FABRIC_PREBUILT_DIR="$CACHE"
fi

if [[ -n "${FABRIC_PREBUILT_DIR:-}" ]]; then
  log "Installing prebuilt binaries from $FABRIC_PREBUILT_DIR"
  reports_pinned_commit "$FABRIC_PREBUILT_DIR/peer" \
    || { log "ERROR: $FABRIC_PREBUILT_DIR/peer does not report commit $SHORT"; exit 1; }
  for f in "${COMMANDS[@]}"; do install -m 0755 "$FABRIC_PREBUILT_DIR/$f" "$BIN/$f"; done
  for f in "${BUILDER_COMMANDS[@]}"; do install -m 0755 "$FABRIC_PREBUILT_DIR/ccaas_builder/bin/$f" "$BIN/ccaas_builder/bin/$f"; done
  for f in "${SAMPLES[@]}"; do install -m 0644 "$FABRIC_PREBUILT_DIR/sampleconfig/$f" "$BIN/sampleconfig/$f"; done
  source_note="prebuilt:$FABRIC_PREBUILT_DIR"
else
  command -v go >/dev/null || { log "ERROR: the go command is needed (Go >= 1.26.4, as Fabric's go.mod asks)"; exit 1; }
  export CGO_ENABLED=0
  metadata="$MODULE/common/metadata"
  ldflags="-X $metadata.Version=$FABRIC_VERSION -X $metadata.CommitSHA=$SHORT"
  ldflags+=" -X $metadata.BaseDockerLabel=org.hyperledger.fabric -X $metadata.DockerNamespace=hyperledger"
  packages=()
  for f in "${COMMANDS[@]}"; do packages+=("$MODULE/cmd/$f@$FABRIC_COMMIT"); done
  log "go install ${COMMANDS[*]} from $MODULE@$SHORT (CGO_ENABLED=0; takes minutes on 2 cores)"
  if ! GOBIN="$BIN" go install -trimpath -ldflags "$ldflags" "${packages[@]}"; then
    log "ERROR: go install failed. If the module proxy answered '403 ... not available', it does not"
    log "       serve this Fabric commit: build the binaries elsewhere and rerun with FABRIC_PREBUILT_DIR"
    log "       (or put them in $CACHE)."
    exit 3
  fi
  packages=()
  for f in "${BUILDER_COMMANDS[@]}"; do packages+=("$MODULE/ccaas_builder/cmd/$f@$FABRIC_COMMIT"); done
  log "go install ccaas builder (${BUILDER_COMMANDS[*]})"
  GOBIN="$BIN/ccaas_builder/bin" go install -trimpath "${packages[@]}"
  dir="$(go mod download -json "$MODULE@$FABRIC_COMMIT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  for f in "${SAMPLES[@]}"; do install -m 0644 "$dir/sampleconfig/$f" "$BIN/sampleconfig/$f"; done
  source_note="go-module-proxy"
fi

reports_pinned_commit "$BIN/peer" || { log "ERROR: installed peer does not report commit $SHORT"; exit 1; }
printf 'commit=%s\nversion=%s\nsource=%s\ninstalled=%s\n' "$FABRIC_COMMIT" "$FABRIC_VERSION" "$source_note" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$STAMP"
if [[ "$(cd "${FABRIC_PREBUILT_DIR:-/nonexistent}" 2>/dev/null && pwd -P)" != "$(mkdir -p "$CACHE" && cd "$CACHE" && pwd -P)" ]]; then
  mkdir -p "$CACHE/ccaas_builder/bin" "$CACHE/sampleconfig"
  for f in "${COMMANDS[@]}"; do install -m 0755 "$BIN/$f" "$CACHE/$f"; done
  for f in "${BUILDER_COMMANDS[@]}"; do install -m 0755 "$BIN/ccaas_builder/bin/$f" "$CACHE/ccaas_builder/bin/$f"; done
  for f in "${SAMPLES[@]}"; do install -m 0644 "$BIN/sampleconfig/$f" "$CACHE/sampleconfig/$f"; done
  log "Cached for other checkouts on this machine in $CACHE"
fi
log "Installed Fabric $FABRIC_VERSION ($SHORT) in $BIN in $(($(date +%s) - start))s:"
"$BIN/peer" version | sed 's/^/    /'
