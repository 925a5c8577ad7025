package vn.academicledger.core.verify;

import java.util.Optional;
import java.util.Set;
import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.did.DidResolutionException;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.did.VerificationMethod;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * Resolves a school's verification methods from the department's on-chain issuer registry, so a
 * verifier needs neither the school's web site nor the internet. A school's key is named by its
 * multibase: {@code did:web:school.hcm.edu.vn#z6Mk…}. Keys the registry does not list do not resolve,
 * whoever signed with them.
 */
public final class LedgerDidResolver implements DidResolver {
    private final LedgerPort ledger;

    public LedgerDidResolver(LedgerPort ledger) {
        this.ledger = ledger;
    }

    /** The registry first, then did:key's own resolution for issuers the registry does not know. */
    public static DidResolver withDidKey(LedgerPort ledger) {
        return new LedgerDidResolver(ledger).or(DidResolver.didKey());
    }

    @Override
    public VerificationMethod resolve(String verificationMethodId) {
        int hash = verificationMethodId.indexOf('#');
        if (hash < 0) {
            throw new DidResolutionException(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND,
                    verificationMethodId, "the verification method " + verificationMethodId + " names no key (no #fragment)");
        }
        String did = verificationMethodId.substring(0, hash);
        String fragment = verificationMethodId.substring(hash + 1);
        Optional<IssuerRecord> issuer = ledger.findIssuerByDid(did);
        if (issuer.isEmpty()) {
            throw new DidResolutionException(DidResolutionException.Reason.DID_NOT_RESOLVABLE, verificationMethodId,
                    did + " is not in the department's issuer registry");
        }
        if (!issuer.get().publicKeysMultibase().contains(fragment)) {
            throw new DidResolutionException(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND,
                    verificationMethodId, "the issuer registry lists no key " + fragment + " for " + did);
        }
        try {
            return new VerificationMethod(verificationMethodId, did, Ed25519PublicKey.fromMultibase(fragment),
                    Set.of(VerificationMethod.ASSERTION_METHOD));
        } catch (InvalidInputException e) {
            throw new DidResolutionException(DidResolutionException.Reason.INVALID_DID_DOCUMENT, verificationMethodId,
                    "the registry's key for " + did + " is not an Ed25519 Multikey", e);
        }
    }
}
