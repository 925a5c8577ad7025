package vn.academicledger.core.proof;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.Jcs;

/**
 * eddsa-rdfc-2022: the document and the proof configuration are turned into RDF and
 * canonicalized with RDFC-1.0. The proof configuration takes the document's {@code @context}
 * (spec "Proof Configuration" step 4); the proof itself is written without one.
 */
final class EddsaRdfc2022 extends Suite {
    private static final int PROOF_CONFIG_CACHE_LIMIT = 1024;

    private final RdfCanonicalizer canonicalizer;
    /**
     * SHA-256 of canonical proof configurations, by their JCS form. The canonical form is a pure
     * function of the JSON (contexts are bundled and immutable), and a batch of credentials
     * signed in the same second by the same key shares one proof configuration.
     */
    private final Map<String, byte[]> proofConfigHashes = new ConcurrentHashMap<>();

    EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    @Override
    Cryptosuite cryptosuite() {
        return Cryptosuite.EDDSA_RDFC_2022;
    }

    @Override
    ObjectNode proofFor(ObjectNode unsecuredDocument, ObjectNode options) {
        return options.deepCopy();
    }

    @Override
    byte[] hashData(ObjectNode unsecuredDocument, ObjectNode proofOptions) {
        checkProofConfig(proofOptions);
        byte[] proofConfigHash = proofConfigHash(proofConfig(unsecuredDocument, proofOptions));
        byte[] documentHash = Sha256.digest(canonical(unsecuredDocument, "document"));
        return concat(proofConfigHash, documentHash);
    }

    @Override
    String canonicalDocument(ObjectNode unsecuredDocument) {
        return canonicalizer.canonicalNQuads(unsecuredDocument);
    }

    @Override
    String canonicalProofConfig(ObjectNode unsecuredDocument, ObjectNode proofOptions) {
        return canonicalizer.canonicalNQuads(proofConfig(unsecuredDocument, proofOptions));
    }

    private byte[] proofConfigHash(ObjectNode proofConfig) {
        String key;
        try {
            key = Jcs.canonicalizeToString(proofConfig);
        } catch (InvalidInputException e) {
            throw new ProofCheckException(ProofResult.Outcome.CANONICALIZATION_FAILED,
                    "the proof configuration cannot be canonicalized: " + e.getMessage(), e);
        }
        byte[] hash = proofConfigHashes.get(key);
        if (hash == null) {
            hash = Sha256.digest(canonical(proofConfig, "proof configuration"));
            if (proofConfigHashes.size() >= PROOF_CONFIG_CACHE_LIMIT) {
                proofConfigHashes.clear();
            }
            proofConfigHashes.put(key, hash);
        }
        return hash.clone();
    }

    private static ObjectNode proofConfig(ObjectNode unsecuredDocument, ObjectNode proofOptions) {
        ObjectNode proofConfig = Suite.without(proofOptions, "@context");
        JsonNode context = unsecuredDocument.get("@context");
        if (context != null) {
            proofConfig.set("@context", context);
        }
        return proofConfig;
    }

    private byte[] canonical(ObjectNode node, String what) {
        try {
            return canonicalizer.canonicalize(node);
        } catch (RdfCanonicalizer.CanonicalizationException | InvalidInputException e) {
            throw new ProofCheckException(ProofResult.Outcome.CANONICALIZATION_FAILED,
                    "the " + what + " cannot be canonicalized: " + e.getMessage(), e);
        }
    }
}
