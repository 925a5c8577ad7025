package vn.academicledger.core.error;

/** Input that cannot be accepted as given; the message says what to change. */
public class InvalidInputException extends AcademicLedgerException {
    public InvalidInputException(String message) {
        super("INVALID_INPUT", message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super("INVALID_INPUT", message, cause);
    }
}
