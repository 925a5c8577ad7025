package vn.academicledger.issuer.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.ledger.fabric.FabricConnection;
import vn.academicledger.ledger.fabric.FabricIdentity;
import vn.academicledger.ledger.fabric.FabricLedgerSettings;
import vn.academicledger.ledger.fabric.PeerEndpoint;

/**
 * The ledger as this service uses it: one port per school, acting as that school's issuing client
 * (the contract lets it anchor and revoke for that school only), and the department's port for
 * accreditation. The embedded default is the only writer of the embedded ledger's folder; readers
 * (the verifier) follow it. With {@code issuer.ledger.kind=fabric} the ports go through the Fabric
 * gateway, each school's as that school's client identity from the crypto material.
 *
 * <p>Every port passes through the {@link PortWrapper} beans, if any, before it is handed out.
 */
@Component
public class LedgerAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerAccess.class);
    public static final String DEPARTMENT_SUBJECT = "issuer-service@department";

    /** The embedded ledger, or null with Fabric. */
    private final EmbeddedLedger embedded;
    /** The gateway connection, or null with the embedded ledger. */
    private final FabricConnection fabric;
    private final IssuerProperties.Fabric fabricSettings;
    private final String ledgerName;
    private final Map<String, LedgerPort> schoolPorts = new ConcurrentHashMap<>();
    private final LedgerPort department;
    private final List<PortWrapper> wrappers;

    /**
     * Something that stands between this service and the ledger on every call: each port this class
     * hands out is {@code wrap}ped by every {@code PortWrapper} bean, in bean order. Production
     * declares none; tests declare one to make the ledger fail for a while ({@code LedgerOutage}).
     * A wrapper must pass {@link LedgerPort#close()} on.
     */
    @FunctionalInterface
    public interface PortWrapper {
        LedgerPort wrap(LedgerPort port);
    }

    LedgerAccess(IssuerProperties properties, ObjectProvider<PortWrapper> wrappers) {
        this.wrappers = wrappers.orderedStream().toList();
        if (properties.ledger().kind() == IssuerProperties.LedgerKind.FABRIC) {
            this.fabricSettings = properties.ledger().fabric();
            this.embedded = null;
            this.fabric = FabricConnection.open(settings(fabricSettings));
            this.ledgerName = "fabric:" + fabricSettings.channel() + "/" + fabricSettings.chaincode();
            LOG.info("Fabric ledger: gateway peer {} ({}), channel {}, chaincode {}, identities in {}", fabricSettings.peer(),
                    fabricSettings.mspId(), fabricSettings.channel(), fabricSettings.chaincode(),
                    fabricSettings.identitiesDir().toAbsolutePath());
            this.department = wrapped(fabric.port(identity(fabricSettings.departmentMsp(), "the department (dept-admin)",
                    Map.of(ClientIdentity.ROLE, "admin"))));
        } else {
            LOG.info("Embedded ledger: {}", properties.ledgerDir().toAbsolutePath());
            this.fabricSettings = null;
            this.fabric = null;
            this.ledgerName = "embedded";
            this.embedded = EmbeddedLedger.open(properties.ledgerDir());
            this.department = wrapped(embedded.connect(ClientIdentity.departmentAdmin(DEPARTMENT_SUBJECT)));
        }
    }

    /**
     * The port through which a school's credentials are anchored and revoked. With Fabric it submits
     * as the school's own client identity ({@code role=issuer}, {@code schoolCode}), so the contract
     * refuses it anything for another school.
     */
    public LedgerPort school(String schoolCode) {
        return schoolPorts.computeIfAbsent(schoolCode, code -> wrapped(fabric != null
                ? fabric.port(identity(fabricSettings.schoolMsp(code), "school " + code,
                        Map.of(ClientIdentity.ROLE, "issuer", ClientIdentity.SCHOOL_CODE, code)))
                : embedded.connect(ClientIdentity.schoolIssuer("issuer-service@" + code, code))));
    }

    static FabricLedgerSettings settings(IssuerProperties.Fabric f) {
        int colon = f.peer().lastIndexOf(':');
        String port = colon < 0 ? "" : f.peer().substring(colon + 1);
        if (colon <= 0 || !port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("issuer.ledger.fabric.peer must be host:port, not " + f.peer());
        }
        PeerEndpoint peer = new PeerEndpoint(f.peer().substring(0, colon), Integer.parseInt(port), f.tlsCa(), f.peerServerName());
        return new FabricLedgerSettings(f.channel(), f.chaincode(), null, Map.of(f.mspId(), peer), f.mspId(),
                FabricLedgerSettings.Deadlines.DEFAULT, 3);
    }

    /** The MSP folder's identity, whose certificate must carry {@code attributes}. */
    private FabricIdentity identity(java.nio.file.Path msp, String whose, Map<String, String> attributes) {
        if (!java.nio.file.Files.isDirectory(msp)) {
            throw new IllegalStateException("No Fabric client identity for " + whose + ": expected an MSP folder (signcerts/, keystore/) at "
                    + msp.toAbsolutePath() + " (crypto-material/ generates one per school; set issuer.ledger.fabric.identities)");
        }
        return FabricIdentity.fromMspDirectory(fabricSettings.mspId(), msp).requireAttributes(attributes, msp);
    }

    private LedgerPort wrapped(LedgerPort port) {
        LedgerPort result = port;
        for (PortWrapper wrapper : wrappers) {
            result = wrapper.wrap(result);
        }
        return result;
    }

    /** The department administrator's port: accreditation and key registration. */
    public LedgerPort department() {
        return department;
    }

    /** The {@code ledger} name receipts carry. */
    public String ledgerName() {
        return ledgerName;
    }

    @Override
    public void close() {
        schoolPorts.values().forEach(LedgerPort::close);
        department.close();
        if (embedded != null) {
            embedded.close();
        }
        if (fabric != null) {
            fabric.close();
        }
    }
}
