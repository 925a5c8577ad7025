#!/usr/bin/env bash
# Builds issuer-service/<build dir>/academic-ledger-issuer.jar when it is missing or older than any
# source of the modules it is made of. AL_BUILD_DIR names the build folder (default target).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${AL_BUILD_DIR:-target}
JAR="$ROOT/issuer-service/$BUILD_DIR/academic-ledger-issuer.jar"
stale=""
if [[ ! -f "$JAR" ]]; then
  stale="first use"
elif [[ -n "$(find "$ROOT/pom.xml" "$ROOT/core" "$ROOT/chaincode" "$ROOT/ledgers" "$ROOT/crypto-material" "$ROOT/documents" \
              "$ROOT/issuer-service" \( -name 'target*' -prune \) -o -name node_modules -prune -o \
              \( -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$JAR" -print \) 2>/dev/null | head -n 1)" ]]; then
  stale="sources changed"
fi
if [[ -n "$stale" ]]; then
  echo "Building the issuer service ($stale) ..." >&2
  (cd "$ROOT" && mvn -B -q -Dmaven.test.skip=true -Dal.build.dir="$BUILD_DIR" -pl issuer-service -am package) >&2
fi
