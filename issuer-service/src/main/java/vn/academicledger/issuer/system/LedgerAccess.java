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

/**
 * The ledger as this service uses it: one port per school, acting as that school's issuing client
 * (the contract lets it anchor and revoke for that school only), and the department's port for
 * accreditation. The embedded default is the only writer of the embedded ledger's folder; readers
 * (the verifier) follow it.
 *
 * <p>Every port passes through the {@link PortWrapper} beans, if any, before it is handed out.
 */
@Component
public class LedgerAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerAccess.class);
    public static final String DEPARTMENT_SUBJECT = "issuer-service@department";

    private final EmbeddedLedger embedded;
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
        LOG.info("Embedded ledger: {}", properties.ledgerDir().toAbsolutePath());
        this.wrappers = wrappers.orderedStream().toList();
        this.embedded = EmbeddedLedger.open(properties.ledgerDir());
        this.department = wrapped(embedded.connect(ClientIdentity.departmentAdmin(DEPARTMENT_SUBJECT)));
    }

    /** The port through which a school's credentials are anchored and revoked. */
    public LedgerPort school(String schoolCode) {
        return schoolPorts.computeIfAbsent(schoolCode,
                code -> wrapped(embedded.connect(ClientIdentity.schoolIssuer("issuer-service@" + code, code))));
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
        return "embedded";
    }

    @Override
    public void close() {
        schoolPorts.values().forEach(LedgerPort::close);
        department.close();
        embedded.close();
    }
}
