package vn.academicledger.issuer.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.embedded.EmbeddedLedger;

/**
 * The ledger as this service uses it: one port per school, acting as that school's issuing client
 * (the contract lets it anchor and revoke for that school only), and the department's port for
 * accreditation. The embedded default is the only writer of the embedded ledger's folder; readers
 * (the verifier) follow it.
 */
@Component
public class LedgerAccess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerAccess.class);
    public static final String DEPARTMENT_SUBJECT = "issuer-service@department";

    private final EmbeddedLedger embedded;
    private final Map<String, LedgerPort> schoolPorts = new ConcurrentHashMap<>();
    private final LedgerPort department;

    LedgerAccess(IssuerProperties properties) {
        LOG.info("Embedded ledger: {}", properties.ledgerDir().toAbsolutePath());
        this.embedded = EmbeddedLedger.open(properties.ledgerDir());
        this.department = embedded.connect(ClientIdentity.departmentAdmin(DEPARTMENT_SUBJECT));
    }

    /** The port through which a school's credentials are anchored and revoked. */
    public LedgerPort school(String schoolCode) {
        return schoolPorts.computeIfAbsent(schoolCode,
                code -> embedded.connect(ClientIdentity.schoolIssuer("issuer-service@" + code, code)));
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
