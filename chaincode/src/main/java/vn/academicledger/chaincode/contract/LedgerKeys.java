package vn.academicledger.chaincode.contract;

/**
 * The contract's world-state key layout. Plain UTF-8 keys of the form {@code <kind>~<id>}; the
 * ids themselves never contain {@code ~} (the argument rules forbid it), so keys cannot collide.
 *
 * <pre>
 * issuer~&lt;schoolCode&gt;        IssuerRecord JSON (every version kept in the key's history)
 * issuerdid~&lt;did&gt;            {"schoolCode":"…"}: index from a school's DID to its code
 * batch~&lt;batchId&gt;            BatchAnchor JSON
 * revocation~&lt;digestHex&gt;     Revocation JSON (digest in lower-case hex)
 * </pre>
 */
public final class LedgerKeys {
    public static final String ISSUER_PREFIX = "issuer~";
    public static final String ISSUER_DID_PREFIX = "issuerdid~";
    public static final String BATCH_PREFIX = "batch~";
    public static final String REVOCATION_PREFIX = "revocation~";

    private LedgerKeys() {
    }

    public static String issuer(String schoolCode) {
        return ISSUER_PREFIX + schoolCode;
    }

    public static String issuerDid(String did) {
        return ISSUER_DID_PREFIX + did;
    }

    public static String batch(String batchId) {
        return BATCH_PREFIX + batchId;
    }

    public static String revocation(String credentialDigestHex) {
        return REVOCATION_PREFIX + credentialDigestHex;
    }
}
