package vn.academicledger.ledger.fabric;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the contract runs and how long each step of a call may take.
 *
 * @param gatewayPeers    per MSP id, the peer its clients use as their gateway; evaluations run there,
 *                        so a client always reads from a peer of its own organisation
 * @param fallbackMspId   whose peer a client of an MSP without an entry connects to
 * @param contractName    the contract inside the chaincode, or {@code null} for its default contract
 * @param attempts        tries of an evaluation or endorsement that failed because a peer was unreachable
 */
public record FabricLedgerSettings(
        String channelName,
        String chaincodeName,
        String contractName,
        Map<String, PeerEndpoint> gatewayPeers,
        String fallbackMspId,
        Deadlines deadlines,
        int attempts) {

    /** Per-call deadlines of the gateway's four calls. */
    public record Deadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
        public static final Deadlines DEFAULT = new Deadlines(
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMinutes(1));

        public Deadlines {
            Objects.requireNonNull(evaluate, "evaluate");
            Objects.requireNonNull(endorse, "endorse");
            Objects.requireNonNull(submit, "submit");
            Objects.requireNonNull(commitStatus, "commitStatus");
        }
    }

    public FabricLedgerSettings {
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(chaincodeName, "chaincodeName");
        Objects.requireNonNull(deadlines, "deadlines");
        gatewayPeers = Map.copyOf(gatewayPeers);
        if (gatewayPeers.isEmpty()) {
            throw new IllegalArgumentException("at least one gateway peer is needed");
        }
        if (fallbackMspId == null || !gatewayPeers.containsKey(fallbackMspId)) {
            throw new IllegalArgumentException("fallbackMspId must name one of the gateway peers: " + fallbackMspId);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /**
     * The local development network of {@code network-config/} (port plan of its network.env):
     * channel {@code academic}, chaincode {@code academic-ledger}, peer0.department on 7051 and
     * peer0.ministry on 9051, TLS CAs from {@code crypto-material/generated/fabric}.
     */
    public static FabricLedgerSettings localNetwork(Path cryptoFabricDir) {
        Path peers = cryptoFabricDir.resolve("peerOrganizations");
        return new FabricLedgerSettings("academic", "academic-ledger", null, Map.of(
                "DepartmentMSP", new PeerEndpoint("127.0.0.1", 7051,
                        peers.resolve("department.academicledger.test/tlsca/tlsca-cert.pem"), null),
                "MinistryMSP", new PeerEndpoint("127.0.0.1", 9051,
                        peers.resolve("ministry.academicledger.test/tlsca/tlsca-cert.pem"), null)),
                "DepartmentMSP", Deadlines.DEFAULT, 3);
    }

    PeerEndpoint gatewayPeerFor(String mspId) {
        return gatewayPeers.getOrDefault(mspId, gatewayPeers.get(fallbackMspId));
    }
}
