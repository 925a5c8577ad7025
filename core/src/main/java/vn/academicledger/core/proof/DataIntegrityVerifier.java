package vn.academicledger.core.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Multibase;
import vn.academicledger.core.did.DidResolutionException;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.did.VerificationMethod;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * Verifies every proof of a secured document and reports each one. Thread-safe.
 *
 * <ul>
 *   <li>{@code proof} may be one object or a proof set (array); each DataIntegrityProof is
 *       verified over the document with the whole {@code proof} property removed (a proof with
 *       {@code previousProof}, in a chain, over the document plus the proofs it names).</li>
 *   <li>{@code MerkleInclusionProof} entries are anchoring receipts, checked elsewhere: reported
 *       as {@link ProofResult.Outcome#NOT_A_SIGNATURE}.</li>
 *   <li>The proof's purpose must be the expected one (assertionMethod), the key must be listed
 *       for it in its DID document, and when the document has an {@code issuer}, the key's
 *       controller must be that issuer (see {@link #withoutIssuerBinding()}).</li>
 * </ul>
 */
public final class DataIntegrityVerifier {
    /** The proof type of Merkle anchoring receipts. */
    public static final String MERKLE_INCLUSION_PROOF = "MerkleInclusionProof";
    private static final int SIGNATURE_LENGTH = 64;

    private final DidResolver resolver;
    private final Suites suites;
    private final String expectedPurpose;
    private final boolean issuerBinding;

    /** A verifier for credentials (purpose assertionMethod), contexts from the bundled set. */
    public DataIntegrityVerifier(DidResolver resolver) {
        this(resolver, BundledContexts.shared());
    }

    public DataIntegrityVerifier(DidResolver resolver, DocumentLoader contexts) {
        this(resolver, Suites.of(contexts), ProofOptions.ASSERTION_METHOD, true);
    }

    private DataIntegrityVerifier(DidResolver resolver, Suites suites, String expectedPurpose, boolean issuerBinding) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.suites = suites;
        this.expectedPurpose = expectedPurpose;
        this.issuerBinding = issuerBinding;
    }

    /** The same verifier requiring another proof purpose (e.g. authentication for presentations). */
    public DataIntegrityVerifier expectingPurpose(String proofPurpose) {
        return new DataIntegrityVerifier(resolver, suites, Objects.requireNonNull(proofPurpose), issuerBinding);
    }

    /**
     * The same verifier without the check that the signing key's controller is the document's
     * issuer (for documents whose issuer is not a DID, such as the W3C test vectors).
     */
    public DataIntegrityVerifier withoutIssuerBinding() {
        return new DataIntegrityVerifier(resolver, suites, expectedPurpose, false);
    }

    public VerificationReport verify(VerifiableCredential credential) {
        return verify(credential.json());
    }

    /** One result per entry of {@code proof}; a document without proofs gives an empty (unverified) report. */
    public VerificationReport verify(JsonNode securedDocument) {
        if (securedDocument == null || !securedDocument.isObject()) {
            throw new InvalidInputException("A secured document is a JSON object");
        }
        ObjectNode document = (ObjectNode) securedDocument;
        JsonNode proof = document.get("proof");
        if (proof == null || proof.isNull()) {
            return new VerificationReport(List.of());
        }
        ObjectNode unsecured = Suite.without(document, "proof");
        List<ProofResult> results = new ArrayList<>();
        if (proof.isArray()) {
            for (int i = 0; i < proof.size(); i++) {
                JsonNode entry = proof.get(i);
                ObjectNode signedOver = unsecured;
                if (entry.has("previousProof")) {
                    try {
                        signedOver = withPreviousProofs(unsecured, (ArrayNode) proof, entry.get("previousProof"));
                    } catch (ProofCheckException e) {
                        results.add(new ProofResult(i, entry.path("type").textValue(), entry.path("cryptosuite").textValue(),
                                entry.path("verificationMethod").textValue(), e.outcome(), e.getMessage()));
                        continue;
                    }
                }
                results.add(verifyOne(i, entry, signedOver));
            }
        } else {
            results.add(verifyOne(0, proof, unsecured));
        }
        return new VerificationReport(results);
    }

    /**
     * A proof in a chain (with {@code previousProof}) signs the document together with the proofs
     * it names (Data Integrity 1.0, "Verify Proof Sets and Chains"): those are put back, as an array.
     */
    private static ObjectNode withPreviousProofs(ObjectNode unsecured, ArrayNode allProofs, JsonNode previous) {
        List<String> ids = new ArrayList<>();
        if (previous.isTextual()) {
            ids.add(previous.textValue());
        } else if (previous.isArray()) {
            previous.forEach(id -> ids.add(id.textValue()));
        }
        if (ids.isEmpty() || ids.contains(null)) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF,
                    "previousProof must be a proof id or an array of them, got " + previous);
        }
        ArrayNode matching = Suite.NODES.arrayNode();
        for (String id : ids) {
            JsonNode found = null;
            for (JsonNode candidate : allProofs) {
                if (id.equals(candidate.path("id").textValue())) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF,
                        "previousProof names " + id + ", which is not in the proof set");
            }
            matching.add(found);
        }
        ObjectNode document = unsecured.deepCopy();
        document.set("proof", matching);
        return document;
    }

    private ProofResult verifyOne(int index, JsonNode proofNode, ObjectNode unsecured) {
        if (!proofNode.isObject()) {
            return new ProofResult(index, null, null, null, ProofResult.Outcome.MALFORMED_PROOF,
                    "proof entry " + index + " is not an object");
        }
        ObjectNode proof = (ObjectNode) proofNode;
        String type = proof.path("type").textValue();
        String cryptosuite = proof.path("cryptosuite").textValue();
        String method = proof.path("verificationMethod").textValue();
        if (MERKLE_INCLUSION_PROOF.equals(type)) {
            return new ProofResult(index, type, cryptosuite, method, ProofResult.Outcome.NOT_A_SIGNATURE,
                    "a Merkle inclusion proof (anchoring receipt), verified by the anchoring check, not here");
        }
        try {
            VerificationMethod key = check(proof, type, cryptosuite, method, unsecured);
            return new ProofResult(index, type, cryptosuite, method, ProofResult.Outcome.VALID,
                    "signature verified with " + method, key.publicKey().multibase());
        } catch (ProofCheckException e) {
            return new ProofResult(index, type, cryptosuite, method, e.outcome(), e.getMessage());
        }
    }

    /** Returns the key the signature verifies with; throws naming the failure otherwise. */
    private VerificationMethod check(ObjectNode proof, String type, String cryptosuiteId, String method,
                                     ObjectNode unsecured) {
        if (!Suite.DATA_INTEGRITY_PROOF.equals(type)) {
            throw new ProofCheckException(ProofResult.Outcome.UNSUPPORTED_PROOF_TYPE,
                    "proof type " + proof.get("type") + " is not supported; only DataIntegrityProof signatures are");
        }
        Cryptosuite cryptosuite = Cryptosuite.fromId(cryptosuiteId).orElseThrow(() -> new ProofCheckException(
                ProofResult.Outcome.UNKNOWN_CRYPTOSUITE, "cryptosuite " + proof.get("cryptosuite")
                + " is not supported; supported: eddsa-jcs-2022, eddsa-rdfc-2022"));
        byte[] signature = signature(proof.get("proofValue"));
        if (method == null || !method.contains(":")) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF,
                    "verificationMethod must be a DID URL, got " + proof.get("verificationMethod"));
        }
        JsonNode purpose = proof.get("proofPurpose");
        if (purpose == null || !purpose.isTextual()) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF, "proofPurpose is missing");
        }
        if (!expectedPurpose.equals(purpose.textValue())) {
            throw new ProofCheckException(ProofResult.Outcome.WRONG_PROOF_PURPOSE,
                    "proofPurpose is " + purpose.textValue() + ", expected " + expectedPurpose);
        }
        VerificationMethod key = resolve(method);
        if (!key.authorizedFor(expectedPurpose)) {
            throw new ProofCheckException(ProofResult.Outcome.KEY_NOT_AUTHORIZED, "the DID document of " + key.did()
                    + " does not list " + method + " under " + expectedPurpose);
        }
        String issuer = issuerBinding ? issuerOf(unsecured) : null;
        if (issuer != null && ProofOptions.ASSERTION_METHOD.equals(expectedPurpose) && !issuer.equals(key.controller())) {
            throw new ProofCheckException(ProofResult.Outcome.ISSUER_MISMATCH, "the proof was made with "
                    + method + ", controlled by " + key.controller() + ", which is not the issuer " + issuer);
        }
        byte[] hashData = suites.get(cryptosuite).hashData(unsecured, Suite.without(proof, "proofValue"));
        if (!key.publicKey().verify(hashData, signature)) {
            throw new ProofCheckException(ProofResult.Outcome.SIGNATURE_MISMATCH, "the " + cryptosuite.id()
                    + " signature does not verify with " + method + ": the document or its proof was changed after"
                    + " signing, or another key signed it");
        }
        return key;
    }

    private static byte[] signature(JsonNode proofValue) {
        if (proofValue == null || !proofValue.isTextual()) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF, "proofValue is missing");
        }
        byte[] signature;
        try {
            signature = Multibase.decodeBase58Btc(proofValue.textValue());
        } catch (InvalidInputException e) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF, "proofValue is not base58btc multibase: "
                    + e.getMessage(), e);
        }
        if (signature.length != SIGNATURE_LENGTH) {
            throw new ProofCheckException(ProofResult.Outcome.MALFORMED_PROOF,
                    "proofValue holds " + signature.length + " bytes; an Ed25519 signature has 64");
        }
        return signature;
    }

    private VerificationMethod resolve(String method) {
        try {
            return resolver.resolve(method);
        } catch (DidResolutionException e) {
            ProofResult.Outcome outcome = e.reason() == DidResolutionException.Reason.DID_NOT_RESOLVABLE
                    ? ProofResult.Outcome.DID_NOT_RESOLVABLE : ProofResult.Outcome.KEY_NOT_FOUND;
            throw new ProofCheckException(outcome, e.getMessage(), e);
        }
    }

    private static String issuerOf(ObjectNode document) {
        JsonNode issuer = document.get("issuer");
        if (issuer == null) {
            return null;
        }
        return issuer.isTextual() ? issuer.textValue() : issuer.path("id").textValue();
    }
}
