package vn.academicledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerException.Stage;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.fabric.FabricConnection;
import vn.academicledger.ledger.fabric.FabricIdentity;
import vn.academicledger.ledger.fabric.FabricLedgerSettings;
import vn.academicledger.ledger.fabric.PeerEndpoint;

/**
 * The command line's clients of the local Fabric network ({@code network-config/}): one gateway
 * connection, and for each role the commands play the client identity that crypto-material
 * generated for it:
 *
 * <pre>
 * department admin (DepartmentMSP, role=admin)         users/dept-admin@department.academicledger.test
 * issuer of unit C (DepartmentMSP, role=issuer)        users/school-C@department.academicledger.test
 * any Ministry client, e.g. the public verifier        users/auditor@ministry.academicledger.test
 * </pre>
 *
 * The certificate decides what the contract sees; the subject of the {@link ClientIdentity} asked for
 * is not used. Crypto material is found as fabric.sh finds it ({@code $CRYPTO_OUT/fabric}, else
 * {@code crypto-material/generated/fabric} of the checkout), peer ports as network.env sets them.
 */
final class FabricClients implements AutoCloseable {
    static final String START_HINT = "run ./ledger fabric up && ./ledger fabric deploy";
    private static final String DEPARTMENT_DOMAIN = "department.academicledger.test";
    private static final String MINISTRY_DOMAIN = "ministry.academicledger.test";

    private final Path crypto;
    private final FabricConnection connection;
    private final Map<String, FabricIdentity> identities = new HashMap<>();

    private FabricClients(Path crypto, FabricConnection connection) {
        this.crypto = crypto;
        this.connection = connection;
    }

    /**
     * Connects and asks each org's peer one question, so a network that is down or has no contract
     * deployed is reported here, in one sentence, rather than half-way through a command.
     */
    static FabricClients open() {
        Path crypto = locateCrypto();
        FabricClients clients = new FabricClients(crypto, FabricConnection.open(settings(crypto)));
        try {
            clients.probe(ClientIdentity.departmentAdmin("probe"));
            clients.probe(new ClientIdentity(ClientIdentity.MINISTRY_MSP, "probe", Map.of()));
            return clients;
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    FabricLedgerSettings settings() {
        return connection.settings();
    }

    /** A port acting as the identity crypto-material generated for {@code role}'s MSP and attributes. */
    synchronized LedgerPort connect(ClientIdentity role) {
        FabricIdentity identity = identities.computeIfAbsent(userFolderOf(role), folder -> identityFor(crypto, role));
        return connection.connect(identity);
    }

    /** One line naming the network, for the commands' output. */
    String describe() {
        StringBuilder peers = new StringBuilder();
        for (Map.Entry<String, PeerEndpoint> peer : new java.util.TreeMap<>(settings().gatewayPeers()).entrySet()) {
            peers.append(peers.length() == 0 ? "" : ", ").append(peer.getKey()).append(' ').append(peer.getValue().target());
        }
        return LedgerKind.FABRIC.receiptName() + " (gateways: " + peers + ")";
    }

    @Override
    public void close() {
        connection.close();
    }

    // ---------------------------------------------------------------- identities

    private static String userFolderOf(ClientIdentity role) {
        String mspRole = role.attribute(ClientIdentity.ROLE).orElse("");
        return switch (role.mspId()) {
            case ClientIdentity.DEPARTMENT_MSP -> switch (mspRole) {
                case "admin" -> "peerOrganizations/" + DEPARTMENT_DOMAIN + "/users/dept-admin@" + DEPARTMENT_DOMAIN;
                case "issuer" -> "peerOrganizations/" + DEPARTMENT_DOMAIN + "/users/school-"
                        + role.attribute(ClientIdentity.SCHOOL_CODE).orElseThrow(() ->
                                new IllegalArgumentException("an issuer needs a school code")) + "@" + DEPARTMENT_DOMAIN;
                default -> throw new IllegalArgumentException("no Fabric client identity for a DepartmentMSP role '" + mspRole + "'");
            };
            case ClientIdentity.MINISTRY_MSP -> "peerOrganizations/" + MINISTRY_DOMAIN + "/users/auditor@" + MINISTRY_DOMAIN;
            default -> throw new IllegalArgumentException("no Fabric client identity for MSP " + role.mspId());
        };
    }

    /** The enrolment crypto-material generated for {@code role}, checked against the role's attributes. */
    static FabricIdentity identityFor(Path crypto, ClientIdentity role) {
        Path msp = crypto.resolve(userFolderOf(role)).resolve("msp");
        if (!Files.isDirectory(msp)) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, Stage.OPEN, null, "No Fabric client identity for "
                    + describeRole(role) + " in " + msp + ": " + START_HINT + " (up adds the missing identities)"
                    + (role.attribute(ClientIdentity.SCHOOL_CODE).isPresent()
                    ? ", or run the crypto-material generator with --schools including "
                    + role.attribute(ClientIdentity.SCHOOL_CODE).get() : ""));
        }
        FabricIdentity identity = FabricIdentity.fromMspDirectory(role.mspId(), msp);
        if (!role.mspId().equals(ClientIdentity.DEPARTMENT_MSP)) {
            return identity;
        }
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        for (String name : new String[] {ClientIdentity.ROLE, ClientIdentity.SCHOOL_CODE}) {
            role.attribute(name).ifPresent(value -> wanted.put(name, value));
        }
        return identity.requireAttributes(wanted, msp);
    }

    private static String describeRole(ClientIdentity role) {
        return role.mspId() + " " + role.attribute(ClientIdentity.ROLE).orElse("client")
                + role.attribute(ClientIdentity.SCHOOL_CODE).map(code -> " of unit " + code).orElse("");
    }

    // ---------------------------------------------------------------- network

    private void probe(ClientIdentity role) {
        PeerEndpoint peer = settings().gatewayPeers().getOrDefault(role.mspId(), settings().gatewayPeers().get(settings().fallbackMspId()));
        try (LedgerPort port = connect(role)) {
            port.findIssuer(DemoCommand.DEPARTMENT_CODE);
        } catch (LedgerException e) {
            if (e.stage() == Stage.OPEN) {
                throw e;
            }
            String reason = e.getMessage() == null ? e.errorCode().name() : e.getMessage();
            throw new LedgerException(e.errorCode(), Stage.OPEN, null, "The Fabric network does not answer at "
                    + role.mspId() + "'s peer " + peer.target() + " (" + abbreviate(reason, 240) + "): " + START_HINT, e);
        }
    }

    private static String abbreviate(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** network-config/network.env's port plan, which the environment may override as it may for fabric.sh. */
    static FabricLedgerSettings settings(Path crypto) {
        FabricLedgerSettings local = FabricLedgerSettings.localNetwork(crypto);
        Map<String, PeerEndpoint> peers = new HashMap<>(local.gatewayPeers());
        overridePort(peers, ClientIdentity.DEPARTMENT_MSP, "DEPARTMENT_PEER_PORT");
        overridePort(peers, ClientIdentity.MINISTRY_MSP, "MINISTRY_PEER_PORT");
        return new FabricLedgerSettings(local.channelName(), local.chaincodeName(), local.contractName(), peers,
                local.fallbackMspId(), local.deadlines(), local.attempts());
    }

    private static void overridePort(Map<String, PeerEndpoint> peers, String mspId, String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return;
        }
        PeerEndpoint peer = peers.get(mspId);
        try {
            peers.put(mspId, new PeerEndpoint(peer.host(), Integer.parseInt(value.strip()), peer.tlsRootCert(), peer.serverName()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a port number: " + value);
        }
    }

    /** {@code $CRYPTO_OUT/fabric} as fabric.sh uses it, else {@code crypto-material/generated/fabric} of this checkout. */
    static Path locateCrypto() {
        String out = System.getenv("CRYPTO_OUT");
        Path fabric;
        if (out != null && !out.isBlank()) {
            fabric = Path.of(out).resolve("fabric");
        } else {
            fabric = checkoutRoot().map(root -> root.resolve("crypto-material/generated/fabric"))
                    .orElse(Path.of("crypto-material/generated/fabric"));
        }
        if (!Files.isDirectory(fabric.resolve("peerOrganizations"))) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, Stage.OPEN, null,
                    "No Fabric crypto material in " + fabric.toAbsolutePath() + ": " + START_HINT);
        }
        return fabric;
    }

    /** The checkout holding network-config/: above the working directory, or above this program's jar. */
    static Optional<Path> checkoutRoot() {
        Stream<Path> starts = Stream.of(Path.of("").toAbsolutePath(), codeLocation());
        return starts.filter(java.util.Objects::nonNull).map(FabricClients::rootAbove).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Path> rootAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("network-config/scripts/fabric.sh"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path codeLocation() {
        try {
            return Path.of(FabricClients.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (Exception e) {
            return null;
        }
    }
}
