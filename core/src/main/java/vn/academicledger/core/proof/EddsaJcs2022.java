package vn.academicledger.core.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.Jcs;

/**
 * eddsa-jcs-2022: the document and the proof configuration are canonicalized with RFC 8785
 * (JCS). The proof carries the document's {@code @context} (spec "Create Proof" step 2), and
 * verification requires the document's {@code @context} to start with it.
 */
final class EddsaJcs2022 extends Suite {

    @Override
    Cryptosuite cryptosuite() {
        return Cryptosuite.EDDSA_JCS_2022;
    }

    @Override
    ObjectNode proofFor(ObjectNode unsecuredDocument, ObjectNode options) {
        ObjectNode proof = options.deepCopy();
        JsonNode context = unsecuredDocument.get("@context");
        if (context != null) {
            proof.set("@context", context.deepCopy());
        }
        return proof;
    }

    @Override
    byte[] hashData(ObjectNode unsecuredDocument, ObjectNode proofOptions) {
        checkProofConfig(proofOptions);
        ObjectNode document = documentFor(unsecuredDocument, proofOptions);
        try {
            return concat(Jcs.sha256(proofOptions), Jcs.sha256(document));
        } catch (InvalidInputException e) {
            throw new ProofCheckException(ProofResult.Outcome.CANONICALIZATION_FAILED,
                    "JSON canonicalization failed: " + e.getMessage(), e);
        }
    }

    @Override
    String canonicalDocument(ObjectNode unsecuredDocument) {
        return Jcs.canonicalizeToString(unsecuredDocument);
    }

    @Override
    String canonicalProofConfig(ObjectNode unsecuredDocument, ObjectNode proofOptions) {
        return Jcs.canonicalizeToString(proofOptions);
    }

    /** Spec "Verify Proof" steps 4-5: the proof's @context must prefix the document's, and replaces it. */
    private static ObjectNode documentFor(ObjectNode unsecuredDocument, ObjectNode proofOptions) {
        JsonNode proofContext = proofOptions.get("@context");
        if (proofContext == null) {
            return unsecuredDocument;
        }
        JsonNode documentContext = unsecuredDocument.get("@context");
        if (!startsWith(documentContext, proofContext)) {
            throw new ProofCheckException(ProofResult.Outcome.SIGNATURE_MISMATCH,
                    "the document's @context does not start with the proof's @context " + proofContext
                    + "; the document's contexts were changed");
        }
        if (proofContext.equals(documentContext)) {
            return unsecuredDocument;
        }
        ObjectNode document = unsecuredDocument.deepCopy();
        document.set("@context", proofContext);
        return document;
    }

    private static boolean startsWith(JsonNode documentContext, JsonNode proofContext) {
        if (documentContext == null) {
            return false;
        }
        JsonNode[] document = asArray(documentContext);
        JsonNode[] proof = asArray(proofContext);
        if (proof.length > document.length) {
            return false;
        }
        for (int i = 0; i < proof.length; i++) {
            if (!proof[i].equals(document[i])) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode[] asArray(JsonNode node) {
        if (!node.isArray()) {
            return new JsonNode[] {node};
        }
        JsonNode[] items = new JsonNode[node.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = node.get(i);
        }
        return items;
    }
}
