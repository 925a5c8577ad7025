package vn.academicledger.verifier.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;

/** Says in one sentence why the ledger could not be opened at start, and what to do, instead of a stack trace. */
class LedgerStartupFailure extends AbstractFailureAnalyzer<LedgerException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LedgerException cause) {
        String action = switch (cause.errorCode()) {
            case UNAVAILABLE -> "The verifier follows the embedded ledger read-only, beside its writer (the issuer service or "
                    + "./ledger demo); check that the data folder (--verifier.data-dir=…) exists and is readable. For Fabric, "
                    + "check that the network is up (./ledger fabric status).";
            case CORRUPTED -> "The ledger's block log failed its integrity check; restore it from a copy. No verification "
                    + "can be trusted until then.";
            default -> "Check the verifier.ledger.* settings.";
        };
        return new FailureAnalysis("The verifier could not open its ledger: " + cause.getMessage()
                + (cause.errorCode() == LedgerErrorCode.UNAVAILABLE ? "" : " (" + cause.errorCode() + ")"), action, cause);
    }
}
