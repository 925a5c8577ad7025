package vn.academicledger.core.proof;

import vn.academicledger.core.error.AcademicLedgerException;

/** A proof could not be created or checked; {@link #outcome()} names what failed. */
final class ProofCheckException extends AcademicLedgerException {
    private final ProofResult.Outcome outcome;

    ProofCheckException(ProofResult.Outcome outcome, String message) {
        super(outcome.name(), message);
        this.outcome = outcome;
    }

    ProofCheckException(ProofResult.Outcome outcome, String message, Throwable cause) {
        super(outcome.name(), message, cause);
        this.outcome = outcome;
    }

    ProofResult.Outcome outcome() {
        return outcome;
    }
}
