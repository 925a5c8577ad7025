package vn.academicledger.verifier.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.status.StatusListSource;
import vn.academicledger.core.verify.CredentialVerifier;
import vn.academicledger.core.verify.ReportCardConsistency;
import vn.academicledger.core.verify.VerificationReport;
import vn.academicledger.verifier.system.VerifierProperties;

/**
 * Verifies credentials with core's {@link CredentialVerifier} and {@link ReportCardConsistency}
 * against the configured ledger and, for credentials with a Bitstring Status List entry, the
 * issuer's status list (through the {@link StatusListSource} bean when there is one: see
 * {@code statuslist.StatusListConfiguration}); adds nothing but the time of the check and the
 * freshness promise. Thread-safe: one verifier (and its anchor cache) for the whole service.
 */
@Service
public class CredentialVerification {
    private final CredentialVerifier verifier;
    private final Clock clock;
    private final Duration statusTtl;

    public CredentialVerification(LedgerPort ledger, Clock clock, VerifierProperties properties,
                                  ObjectProvider<StatusListSource> statusLists) {
        this.verifier = new CredentialVerifier(ledger, clock, new ReportCardConsistency(), statusLists.getIfAvailable());
        this.clock = clock;
        this.statusTtl = properties.ledger().statusTtl();
    }

    /** Verifies {@code credential} (any JSON: what is not a VC 2.0 credential fails the structure check). */
    public Verification verify(JsonNode credential) {
        Instant at = clock.instant();
        VerificationReport report = verifier.verify(credential);
        return new Verification(report, at, statusTtl);
    }

    /**
     * @param statusTtl how old the ledger's answers about issuers and revocations may have been (0: read for this check)
     */
    public record Verification(VerificationReport report, Instant checkedAt, Duration statusTtl) {
        public boolean valid() {
            return report.valid();
        }
    }
}
