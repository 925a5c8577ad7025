package vn.academicledger.core.did;

/**
 * Resolves the verification method a proof names to its public key. Never goes to the
 * network: did:key is computed, did:web comes from a local {@link DidDocumentStore}.
 *
 * <pre>{@code
 * DidResolver resolver = DidResolver.didKey().or(store);
 * VerificationMethod vm = resolver.resolve("did:web:truong-thpt-le-quy-don.hcm.edu.vn#key-1");
 * }</pre>
 */
@FunctionalInterface
public interface DidResolver {
    /**
     * The verification method with this id (a DID URL with a fragment).
     *
     * @throws DidResolutionException with reason {@code DID_NOT_RESOLVABLE} when this resolver
     *         does not know the DID, {@code VERIFICATION_METHOD_NOT_FOUND} when the DID is known
     *         but has no such key, {@code INVALID_DID_DOCUMENT} when what it knows is malformed
     */
    VerificationMethod resolve(String verificationMethodId);

    /** Built-in did:key resolution (Ed25519 keys, {@code did:key:z6Mk…#z6Mk…}). */
    static DidResolver didKey() {
        return DidKey::resolve;
    }

    /**
     * This resolver, then {@code next} for DIDs this one reports as not resolvable. Other
     * failures (key missing from a known DID, malformed document) are final.
     */
    default DidResolver or(DidResolver next) {
        return id -> {
            try {
                return resolve(id);
            } catch (DidResolutionException e) {
                if (e.reason() != DidResolutionException.Reason.DID_NOT_RESOLVABLE) {
                    throw e;
                }
                return next.resolve(id);
            }
        };
    }
}
