package vn.academicledger.core.ledger;

/** Why the ledger refused or failed a transaction. The contract and every adapter use these codes. */
public enum LedgerErrorCode {
    /** The caller's organisation or certificate attributes do not allow this transaction. */
    NOT_AUTHORIZED,
    /** No issuer is registered under that school code. */
    ISSUER_NOT_FOUND,
    /** The issuer is registered already (accredit is not an update). */
    ISSUER_ALREADY_EXISTS,
    /** The issuer is suspended and may not anchor or revoke. */
    ISSUER_SUSPENDED,
    /** The batch id is anchored already with a different root, issuer or count. */
    BATCH_CONFLICT,
    /** No batch is anchored under that id. */
    BATCH_NOT_FOUND,
    /** The credential is revoked already. */
    ALREADY_REVOKED,
    /** A transaction argument is malformed (bad hex, empty code, negative count...). */
    INVALID_ARGUMENT,
    /** The ledger could not be reached or did not answer in time; the call may be retried. */
    UNAVAILABLE,
    /** The ledger's stored state or block log failed its integrity check. */
    CORRUPTED,
    /**
     * This connection may only read (an embedded ledger opened as a follower of another process's
     * writer); the write must go through the writer. Retrying the same call here never succeeds.
     */
    READ_ONLY
}
