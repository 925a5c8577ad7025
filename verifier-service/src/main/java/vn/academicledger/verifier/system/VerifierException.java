package vn.academicledger.verifier.system;

import vn.academicledger.core.error.AcademicLedgerException;

/**
 * The verifier's own failures, in core's hierarchy so that {@link Problems} maps them with the rest:
 * {@code CREDENTIAL_NOT_FOUND}, {@code PAYLOAD_TOO_LARGE}, {@code ACCESS_TOKEN_INVALID}.
 */
public class VerifierException extends AcademicLedgerException {
    public static final String CREDENTIAL_NOT_FOUND = "CREDENTIAL_NOT_FOUND";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String ACCESS_TOKEN_INVALID = "ACCESS_TOKEN_INVALID";
    public static final String NOT_A_PDF = "NOT_A_PDF";

    public VerifierException(String code, String message) {
        super(code, message);
    }

    public static VerifierException credentialNotFound(String id) {
        return new VerifierException(CREDENTIAL_NOT_FOUND, "No credential with the code " + id
                + " is known to this service. Check that the whole QR code was scanned, or ask the school that issued it.");
    }

    public static VerifierException notAPdf(String why) {
        return new VerifierException(NOT_A_PDF, "The file is not a readable PDF (" + why + "). Upload the PDF the school"
                + " issued, not a scan or a photo of it.");
    }

    public static VerifierException payloadTooLarge(String what, long limitBytes) {
        return new VerifierException(PAYLOAD_TOO_LARGE, what + " is larger than the " + (limitBytes / 1024)
                + " KiB this service accepts. Send the credential or PDF on its own, not inside a larger file.");
    }
}
