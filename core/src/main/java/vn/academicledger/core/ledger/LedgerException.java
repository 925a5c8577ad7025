package vn.academicledger.core.ledger;

import java.util.Optional;
import vn.academicledger.core.error.AcademicLedgerException;

/**
 * A ledger transaction was refused or failed. Carries the {@link LedgerErrorCode}, the stage at
 * which it failed and, once one was assigned, the transaction id, so a caller always knows what
 * happened to which transaction.
 */
public class LedgerException extends AcademicLedgerException {
    /** Where in a transaction's life it failed. */
    public enum Stage { ENDORSE, SUBMIT, COMMIT, EVALUATE, OPEN }

    private final LedgerErrorCode errorCode;
    private final Stage stage;
    private final String transactionId;

    public LedgerException(LedgerErrorCode errorCode, Stage stage, String transactionId, String message) {
        this(errorCode, stage, transactionId, message, null);
    }

    public LedgerException(LedgerErrorCode errorCode, Stage stage, String transactionId, String message, Throwable cause) {
        super(errorCode.name(), message, cause);
        this.errorCode = errorCode;
        this.stage = stage;
        this.transactionId = transactionId;
    }

    public LedgerErrorCode errorCode() {
        return errorCode;
    }

    public Stage stage() {
        return stage;
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    /** True when retrying the same call later may succeed (the ledger was unavailable). */
    public boolean retryable() {
        return errorCode == LedgerErrorCode.UNAVAILABLE;
    }
}
