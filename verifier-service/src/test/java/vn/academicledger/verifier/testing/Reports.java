package vn.academicledger.verifier.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.academicledger.core.verify.CheckName;
import vn.academicledger.core.verify.CheckResult;
import vn.academicledger.core.verify.VerificationReport;
import vn.academicledger.verifier.verification.CredentialVerification;

/** Verification results for controller slices, shaped as core's CredentialVerifier makes them. */
public final class Reports {
    public static final String ID = "urn:uuid:159a7508-6147-4974-878c-82343be41356";

    private Reports() {
    }

    public static CredentialVerification.Verification valid() {
        return of(List.of());
    }

    public static CredentialVerification.Verification revoked() {
        return of(List.of(CheckResult.failed(CheckName.NOT_REVOKED, "revoked on 2026-01-02T03:04:05Z (ISSUED_IN_ERROR)",
                Map.of("reasonCode", "ISSUED_IN_ERROR", "revokedAt", "2026-01-02T03:04:05Z"))));
    }

    /** Every check passed, except those replaced by {@code failures}. */
    public static CredentialVerification.Verification of(List<CheckResult> failures) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.passed(CheckName.STRUCTURE, "a well-formed W3C VC 2.0 credential"));
        checks.add(CheckResult.passed(CheckName.PROOF, "eddsa-jcs-2022 signature verified with did:web:x#z6Mk",
                Map.of("cryptosuite", "eddsa-jcs-2022", "verificationMethod", "did:web:x#z6Mk")));
        checks.add(CheckResult.passed(CheckName.ISSUER_ACCREDITED, "Trường X (79000701) was accredited by the department when it signed",
                Map.of("schoolCode", "79000701")));
        checks.add(CheckResult.passed(CheckName.ANCHORED, "in batch B-1",
                Map.of("batchId", "B-1", "transactionId", "ab".repeat(32), "block", "7", "anchoredAt", "2026-01-01T00:00:00Z")));
        checks.add(CheckResult.passed(CheckName.NOT_REVOKED, "no revocation of this credential is on the ledger"));
        checks.add(CheckResult.passed(CheckName.NOT_EXPIRED, "valid with no end date"));
        for (CheckResult failure : failures) {
            checks.replaceAll(c -> c.check() == failure.check() ? failure : c);
        }
        return new CredentialVerification.Verification(new VerificationReport(ID, checks), Instant.parse("2026-11-25T10:00:00Z"),
                Duration.ZERO);
    }
}
