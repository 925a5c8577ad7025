package vn.academicledger.verifier.verification;

import java.util.List;

/**
 * A verification as a page shows it, in the visitor's language.
 *
 * @param credentialTitle the credential's name (e.g. "Học bạ số lớp 12 năm học 2025-2026"), or null
 * @param issuerName      the issuer's name as the credential states it, or null
 * @param credentialCode  the credential's UUID, or null
 */
public record ResultView(boolean valid, String credentialTitle, String issuerName, String credentialCode,
                         String checkedAt, List<CheckLine> checks, long statusTtlSeconds) {

    /**
     * One check: {@code status} is passed, failed or skipped (for styling); {@code technical} is
     * core's own sentence, shown under "technical detail".
     */
    public record CheckLine(String id, String status, String label, String headline, String technical, List<Fact> facts) {
    }

    /** @param code shown in a monospace font (ids, digests) */
    public record Fact(String label, String value, boolean code) {
    }
}
