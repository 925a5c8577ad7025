package vn.academicledger.core.did;

import vn.academicledger.core.error.AcademicLedgerException;

/** A DID or one of its keys could not be resolved; {@link #reason()} says which. */
public final class DidResolutionException extends AcademicLedgerException {
    /** Why resolution failed. Its name is also the exception's {@link #code()}. */
    public enum Reason {
        /** The DID is not known (no document in the local store, or a DID method we do not support). */
        DID_NOT_RESOLVABLE,
        /** The DID resolved, but its document has no verification method with that id. */
        VERIFICATION_METHOD_NOT_FOUND,
        /** The DID document or DID is malformed (bad JSON shape, key not Ed25519 Multikey, …). */
        INVALID_DID_DOCUMENT
    }

    private final Reason reason;
    private final String didUrl;

    public DidResolutionException(Reason reason, String didUrl, String message) {
        super(reason.name(), message);
        this.reason = reason;
        this.didUrl = didUrl;
    }

    public DidResolutionException(Reason reason, String didUrl, String message, Throwable cause) {
        super(reason.name(), message, cause);
        this.reason = reason;
        this.didUrl = didUrl;
    }

    public Reason reason() {
        return reason;
    }

    /** The DID or DID URL that failed. */
    public String didUrl() {
        return didUrl;
    }
}
