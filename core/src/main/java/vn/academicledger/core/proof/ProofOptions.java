package vn.academicledger.core.proof;

import java.time.Instant;
import java.util.Objects;

import vn.academicledger.core.error.InvalidInputException;

/**
 * What a new Data Integrity proof says about itself: the cryptosuite, the verification method
 * (a DID URL naming the signing key), when it was created and for what purpose.
 *
 * @param created may be null, then the proof has no {@code created}
 */
public record ProofOptions(Cryptosuite cryptosuite, String verificationMethod, Instant created, String proofPurpose) {
    /** The purpose of a credential issuer's proof. */
    public static final String ASSERTION_METHOD = "assertionMethod";

    public ProofOptions {
        Objects.requireNonNull(cryptosuite, "cryptosuite");
        if (verificationMethod == null || !verificationMethod.contains(":")) {
            throw new InvalidInputException("A proof needs a verificationMethod URL (e.g. did:web:school.hcm.edu.vn#key-1), got "
                    + verificationMethod);
        }
        if (proofPurpose == null || proofPurpose.isBlank()) {
            throw new InvalidInputException("A proof needs a proofPurpose such as assertionMethod");
        }
        if (created != null) {
            created = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
    }

    /** An issuer's proof: purpose assertionMethod, created {@code created} (truncated to seconds). */
    public static ProofOptions assertion(Cryptosuite cryptosuite, String verificationMethod, Instant created) {
        return new ProofOptions(cryptosuite, verificationMethod, created, ASSERTION_METHOD);
    }
}
