package vn.academicledger.issuer.keys;

import vn.academicledger.core.error.AcademicLedgerException;

/**
 * A school's credential-signing key could not be had or used. Carries the school and the
 * {@link Reason}, whose name is also the exception's {@link #code()}.
 */
public final class SchoolKeyException extends AcademicLedgerException {
    /** What went wrong, in the order a key's life meets it: configure, open, load, sign, rotate. */
    public enum Reason {
        /** The configuration for this school's store is incomplete or contradictory. */
        KEY_STORE_MISCONFIGURED,
        /** The PKCS#12 file or its password file cannot be read, or is not what it should be. */
        KEY_STORE_UNREADABLE,
        /** The PKCS#12 file did not open with the configured password. */
        KEY_STORE_PASSWORD_REJECTED,
        /** A new or rotated PKCS#12 file could not be written. */
        KEY_STORE_UNWRITABLE,
        /** The PKCS#11 library cannot be loaded or initialised, or the token is not there. */
        HSM_UNAVAILABLE,
        /** The token refused the PIN. */
        HSM_LOGIN_FAILED,
        /** No Ed25519 key (or its public key object) on the token matches the configured label / id. */
        HSM_KEY_NOT_FOUND,
        /** The token's key is not the expected one, or its private and public halves do not match. */
        HSM_KEY_MISMATCH,
        /** The token failed to sign. */
        HSM_SIGNING_FAILED,
        /** Keys on an HSM are rotated on the HSM by its operators, not by this service. */
        ROTATION_ON_HSM
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String schoolCode;

    SchoolKeyException(Reason reason, String schoolCode, String message) {
        super(reason.name(), message);
        this.reason = reason;
        this.schoolCode = schoolCode;
    }

    SchoolKeyException(Reason reason, String schoolCode, String message, Throwable cause) {
        super(reason.name(), message, cause);
        this.reason = reason;
        this.schoolCode = schoolCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The school whose key failed (mã trường). */
    public String schoolCode() {
        return schoolCode;
    }
}
