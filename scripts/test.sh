#!/usr/bin/env bash
# Runs every test of the project: unit and integration tests of all modules (embedded ledger,
# real embedded PostgreSQL where a module needs it). This is the command CI runs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mvn -B verify "$@"
