package vn.academicledger.core.did;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.error.InvalidInputException;

/**
 * did:key for Ed25519 keys: the DID is {@code did:key:} + the key's Multikey
 * {@code publicKeyMultibase}, and its one verification method is that DID + {@code #} + the same
 * multibase. Resolution is pure computation.
 */
public final class DidKey {
    private static final String PREFIX = "did:key:";
    private static final Set<String> RELATIONSHIPS = Set.of(
            "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation");

    private static final int CACHE_LIMIT = 4096;
    /** Decoding a key (point decompression) costs more than a verification's hashing: keep recent ones. */
    private static final Map<String, VerificationMethod> CACHE = new ConcurrentHashMap<>();

    private DidKey() {
    }

    /** {@code did:key:z6Mk…} for this key. */
    public static String did(Ed25519PublicKey key) {
        return PREFIX + key.multibase();
    }

    /** {@code did:key:z6Mk…#z6Mk…}, the id a proof uses as its verificationMethod. */
    public static String verificationMethodId(Ed25519PublicKey key) {
        String multibase = key.multibase();
        return PREFIX + multibase + "#" + multibase;
    }

    static VerificationMethod resolve(String verificationMethodId) {
        VerificationMethod cached = verificationMethodId == null ? null : CACHE.get(verificationMethodId);
        if (cached != null) {
            return cached;
        }
        VerificationMethod method = compute(verificationMethodId);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(verificationMethodId, method);
        return method;
    }

    private static VerificationMethod compute(String verificationMethodId) {
        if (verificationMethodId == null || !verificationMethodId.startsWith(PREFIX)) {
            throw new DidResolutionException(DidResolutionException.Reason.DID_NOT_RESOLVABLE, verificationMethodId,
                    "Not a did:key DID URL: " + verificationMethodId);
        }
        int hash = verificationMethodId.indexOf('#');
        String did = hash < 0 ? verificationMethodId : verificationMethodId.substring(0, hash);
        String multibase = did.substring(PREFIX.length());
        Ed25519PublicKey key;
        try {
            key = Ed25519PublicKey.fromMultibase(multibase);
        } catch (InvalidInputException e) {
            throw new DidResolutionException(DidResolutionException.Reason.DID_NOT_RESOLVABLE, verificationMethodId,
                    "Cannot resolve " + did + ": only Ed25519 did:key DIDs (z6Mk…) are supported; " + e.getMessage(), e);
        }
        String expectedId = did + "#" + multibase;
        if (hash >= 0 && !verificationMethodId.equals(expectedId)) {
            throw new DidResolutionException(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND,
                    verificationMethodId, "The did:key document of " + did + " has one verification method, "
                    + expectedId + ", not " + verificationMethodId);
        }
        return new VerificationMethod(expectedId, did, key, RELATIONSHIPS);
    }
}
