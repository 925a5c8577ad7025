package vn.academicledger.core.error;

/**
 * Root of the project's one unchecked exception hierarchy. Every exception carries a stable
 * machine-readable {@link #code()} that HTTP services map to RFC 9457 problem details and the
 * CLI prints next to the message.
 */
public class AcademicLedgerException extends RuntimeException {
    private final String code;

    public AcademicLedgerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public AcademicLedgerException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable code such as {@code ISSUER_SUSPENDED} or {@code INVALID_INPUT}. */
    public String code() {
        return code;
    }
}
