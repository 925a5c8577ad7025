package vn.academicledger.core.proof;

/**
 * The outcome of checking one entry of a document's {@code proof}.
 *
 * @param index              position in the proof set (0 when {@code proof} is a single object)
 * @param type               the proof's {@code type}, e.g. DataIntegrityProof or MerkleInclusionProof
 * @param cryptosuite        the proof's {@code cryptosuite}, or null
 * @param verificationMethod the proof's {@code verificationMethod}, or null
 * @param outcome            what happened
 * @param detail             a sentence for people: why it failed, or what was checked
 * @param publicKeyMultibase for a VALID signature, the key it verified with (as the resolver gave it), so
 *                           callers need not resolve the verification method again; otherwise null
 */
public record ProofResult(int index, String type, String cryptosuite, String verificationMethod,
                          Outcome outcome, String detail, String publicKeyMultibase) {

    /** A result that names no verified key (every outcome but VALID). */
    public ProofResult(int index, String type, String cryptosuite, String verificationMethod, Outcome outcome,
                       String detail) {
        this(index, type, cryptosuite, verificationMethod, outcome, detail, null);
    }

    /** What checking a proof found. Everything but VALID and NOT_A_SIGNATURE is a failure. */
    public enum Outcome {
        /** The signature verifies with the key the proof names. */
        VALID,
        /** Not a signature (e.g. a MerkleInclusionProof anchoring receipt); checked elsewhere. */
        NOT_A_SIGNATURE,
        /** A DataIntegrityProof whose cryptosuite this verifier does not implement. */
        UNKNOWN_CRYPTOSUITE,
        /** A proof type that is neither a DataIntegrityProof nor a known receipt. */
        UNSUPPORTED_PROOF_TYPE,
        /** The proof lacks or garbles a required property (proofValue, verificationMethod, created, …). */
        MALFORMED_PROOF,
        /** The DID in verificationMethod cannot be resolved (unknown did:web, unsupported method). */
        DID_NOT_RESOLVABLE,
        /** The DID resolved but has no key with that id (or its document is malformed). */
        KEY_NOT_FOUND,
        /** The key exists but the DID document does not list it for the proof's purpose. */
        KEY_NOT_AUTHORIZED,
        /** The key is controlled by someone other than the credential's issuer. */
        ISSUER_MISMATCH,
        /** The proof's purpose is not the one required (assertionMethod for credentials). */
        WRONG_PROOF_PURPOSE,
        /** The document could not be canonicalized (unknown context, undefined term, bad JSON-LD). */
        CANONICALIZATION_FAILED,
        /** The signature does not match: the document or the proof was changed, or another key signed. */
        SIGNATURE_MISMATCH;

        public boolean isFailure() {
            return this != VALID && this != NOT_A_SIGNATURE;
        }
    }

    /** True when this proof is a signature that verified. */
    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
