package vn.academicledger.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one credential: every check with its outcome. A credential is valid
 * only when no check failed and the checks that every credential must pass did pass.
 */
public record VerificationReport(String credentialId, List<CheckResult> checks) {
    private static final List<CheckName> REQUIRED =
            List.of(CheckName.STRUCTURE, CheckName.PROOF, CheckName.ISSUER_ACCREDITED, CheckName.ANCHORED,
                    CheckName.NOT_REVOKED, CheckName.NOT_EXPIRED);

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    public boolean valid() {
        if (checks.stream().anyMatch(CheckResult::failed)) {
            return false;
        }
        return REQUIRED.stream().allMatch(name -> result(name)
                .map(r -> r.status() == CheckStatus.PASSED).orElse(false));
    }

    public Optional<CheckResult> result(CheckName name) {
        return checks.stream().filter(c -> c.check() == name).findFirst();
    }

    /** The checks that failed, in report order. */
    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }
}
