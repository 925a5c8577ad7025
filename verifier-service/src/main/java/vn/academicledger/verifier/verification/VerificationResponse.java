package vn.academicledger.verifier.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.academicledger.core.verify.CheckResult;
import vn.academicledger.core.verify.CheckStatus;

/**
 * A verification as the JSON API returns it: the verdict and every check with its reason and data.
 *
 * @param verdict      VALID or NOT_VALID
 * @param credentialId the credential's id, when it has one
 * @param checkedAt    when the checks ran
 * @param checks       every check in report order
 * @param freshness    how current the ledger data behind the result is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "VerificationResult", description = "The verdict and every named check with its reason")
public record VerificationResponse(
        @Schema(example = "VALID", allowableValues = {"VALID", "NOT_VALID"}) String verdict,
        boolean valid,
        @Schema(example = "urn:uuid:159a7508-6147-4974-878c-82343be41356") String credentialId,
        Instant checkedAt,
        List<Check> checks,
        Freshness freshness) {

    /**
     * @param check   stable id: structure, proof, issuer-accredited, anchored, not-revoked, not-expired,
     *                results-consistent (report cards), pdf-signature and pdf-credential (PDF uploads)
     * @param status  PASSED, FAILED or SKIPPED (SKIPPED: did not apply or could not run; never waved through)
     * @param label   the check's name in Vietnamese and English
     * @param reason  what was found, in English
     * @param details the data behind it (batch id, transaction id, block, revocation time, …)
     */
    public record Check(@Schema(example = "anchored") String check, CheckStatus status, Map<String, String> label,
                        String reason, Map<String, String> details) {
        public static Check of(CheckResult result) {
            return new Check(result.check().id(), result.status(),
                    Map.of("vi", result.check().vietnamese(), "en", result.check().english()),
                    result.reason(), result.details());
        }
    }

    /**
     * @param anchors                     anchors are immutable: read once, then reused
     * @param issuerAndRevocationMaxAgeSeconds issuer standing and revocations are at most this old (0: read for this check)
     */
    public record Freshness(@Schema(example = "immutable, cached") String anchors, long issuerAndRevocationMaxAgeSeconds) {
    }

    public static VerificationResponse of(CredentialVerification.Verification verification) {
        return of(verification, List.of());
    }

    /** With {@code extra} checks (e.g. the PDF's) appended; any failed one makes the verdict NOT_VALID. */
    public static VerificationResponse of(CredentialVerification.Verification verification, List<Check> extra) {
        List<Check> checks = new java.util.ArrayList<>(verification.report().checks().stream().map(Check::of).toList());
        checks.addAll(extra);
        boolean valid = verification.valid() && extra.stream().allMatch(c -> c.status() != CheckStatus.FAILED);
        return new VerificationResponse(valid ? "VALID" : "NOT_VALID", valid, verification.report().credentialId(),
                verification.checkedAt(), checks,
                new Freshness("immutable, cached", verification.statusTtl().toSeconds()));
    }
}
