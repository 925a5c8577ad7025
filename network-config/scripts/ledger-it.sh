#!/usr/bin/env bash
# Runs the ledger module's live-network tests (vn.academicledger.ledger.fabric.*Test with
# -Dfabric.it=true: the shared contract suite through the gateway adapter, and the stage /
# reconnection tests) against the local network, which it brings up and deploys first.
#
# Until ledger/pom.xml declares it, this adds the gRPC transport the gateway needs at run time to
# the test class path: grpc-netty-shaded 1.76.0 (fabric-gateway 1.10.0 brings grpc-api only, and
# without a transport Grpc.newChannelBuilderForAddress finds no ManagedChannelProvider).
# (protobuf-java 4.33.0, which fabric-protos 0.3.7 needs, is pinned in ledger/pom.xml.)
#
# Usage: ledger-it.sh [extra maven arguments, e.g. -Dtest=FabricLedgerStagesTest]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NET="$(dirname "$HERE")"
ROOT="$(dirname "$NET")"
RUN="${FABRIC_RUN_DIR:-$NET/run}"
BUILD_DIR="${AL_BUILD_DIR:-target-net}"

"$HERE/fabric.sh" up
# Rebuild the chaincode jar so the network runs the contract the tests are compiled against
# (a changed jar is deployed as the next sequence; an unchanged one changes nothing).
REBUILD_CHAINCODE="${REBUILD_CHAINCODE:-true}" "$HERE/fabric.sh" deploy

work="$RUN/it-classpath"
mkdir -p "$work"
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local.academicledger</groupId><artifactId>gateway-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.grpc</groupId><artifactId>grpc-netty-shaded</artifactId><version>1.76.0</version></dependency>
  </dependencies>
</project>
POM
(cd "$work" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=classpath.txt)
extra="$(tr ':' '\n' < "$work/classpath.txt" \
  | grep -E '/(grpc-netty-shaded|grpc-core|grpc-util|grpc-context|perfmark-api|annotations)-[0-9]' | paste -sd, -)"

cd "$ROOT"
exec mvn -B -Dal.build.dir="$BUILD_DIR" -pl ledger -am test \
  -Dfabric.it=true -Dtest='vn.academicledger.ledger.fabric.*Test' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmaven.test.additionalClasspath="$extra" "$@"
