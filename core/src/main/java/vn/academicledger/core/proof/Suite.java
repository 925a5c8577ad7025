package vn.academicledger.core.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.vc.XsdDateTime;

/**
 * One cryptosuite's transformation, proof configuration and hashing, as the EdDSA cryptosuites
 * specification defines them. Documents and proofs passed in are never modified.
 */
abstract class Suite {
    static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    abstract Cryptosuite cryptosuite();

    /** The proof to add to a document, before its proofValue: a clone of the options (JCS adds @context). */
    abstract ObjectNode proofFor(ObjectNode unsecuredDocument, ObjectNode options);

    /**
     * The hash data (SHA-256 of the canonical proof configuration, then SHA-256 of the
     * transformed document: 64 bytes) for a proof (without proofValue) over an unsecured document.
     *
     * @throws ProofCheckException when the proof does not fit the document or the suite
     */
    abstract byte[] hashData(ObjectNode unsecuredDocument, ObjectNode proofOptions);

    /** The canonical form of the transformed document (for tests and diagnostics). */
    abstract String canonicalDocument(ObjectNode unsecuredDocument);

    /** The canonical proof configuration for {@code proofOptions} over {@code unsecuredDocument}. */
    abstract String canonicalProofConfig(ObjectNode unsecuredDocument, ObjectNode proofOptions);

    /** Spec "Proof Configuration" checks: type, cryptosuite, created. */
    final void checkProofConfig(ObjectNode proofConfig) {
        JsonNode type = proofConfig.get("type");
        if (type == null || !DATA_INTEGRITY_PROOF.equals(type.textValue())) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF,
                    "proof type must be DataIntegrityProof, got " + type);
        }
        JsonNode cryptosuite = proofConfig.get("cryptosuite");
        if (cryptosuite == null || !cryptosuite().id().equals(cryptosuite.textValue())) {
            throw new ProofCheckException(ProofResult.Outcome.UNKNOWN_CRYPTOSUITE,
                    "proof cryptosuite must be " + cryptosuite().id() + ", got " + cryptosuite);
        }
        JsonNode created = proofConfig.get("created");
        if (created != null && !(created.isTextual() && XsdDateTime.isValid(created.textValue()))) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF,
                    "proof created must be an XML Schema dateTimeStamp such as 2025-06-01T00:00:00Z, got " + created);
        }
    }

    static byte[] concat(byte[] proofConfigHash, byte[] documentHash) {
        byte[] hashData = new byte[2 * Sha256.LENGTH];
        System.arraycopy(proofConfigHash, 0, hashData, 0, Sha256.LENGTH);
        System.arraycopy(documentHash, 0, hashData, Sha256.LENGTH, Sha256.LENGTH);
        return hashData;
    }

    /** A shallow copy of {@code node} without {@code property}; children are shared, not copied. */
    static ObjectNode without(ObjectNode node, String property) {
        ObjectNode copy = NODES.objectNode();
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(property)) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return copy;
    }
}
