package vn.academicledger.core.proof;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Multibase;
import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.json.Jcs;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;
import vn.academicledger.core.vc.XsdDateTime;

/**
 * Adds Data Integrity proofs ({@code DataIntegrityProof}, eddsa-jcs-2022 or eddsa-rdfc-2022)
 * to JSON-LD documents. Thread-safe; create one and share it.
 *
 * <pre>{@code
 * DataIntegritySigner signer = new DataIntegritySigner();
 * ObjectNode signed = signer.sign(credentialJson,
 *     ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, "did:web:school.hcm.edu.vn#key-1", Instant.now()),
 *     schoolKey);
 * }</pre>
 *
 * A document that already has proofs gets one more (a proof set): the new proof signs the
 * document without its {@code proof} property.
 */
public final class DataIntegritySigner {
    private final Suites suites;

    /** A signer that resolves contexts from the bundled set only. */
    public DataIntegritySigner() {
        this(BundledContexts.shared());
    }

    /** A signer whose eddsa-rdfc-2022 proofs load contexts through {@code contexts}. */
    public DataIntegritySigner(DocumentLoader contexts) {
        this.suites = Suites.of(contexts);
    }

    /**
     * A copy of {@code document} with a new proof added. {@code document} is not modified; the
     * copy shares its unchanged members with it, so do not modify either afterwards.
     */
    public ObjectNode sign(ObjectNode document, ProofOptions options, SigningKey key) {
        ObjectNode proof = createProof(document, options, key);
        ObjectNode secured = Suite.NODES.objectNode();
        secured.setAll(document);
        JsonNode existing = document.get("proof");
        if (existing == null) {
            secured.set("proof", proof);
        } else {
            ArrayNode set = secured.putArray("proof");
            if (existing.isArray()) {
                set.addAll((ArrayNode) existing);
            } else {
                set.add(existing);
            }
            set.add(proof);
        }
        return secured;
    }

    /** A document signed with eddsa-jcs-2022, and its canonical (RFC 8785) bytes with the proof. */
    public record SignedJcs(ObjectNode document, byte[] canonical) {
    }

    /**
     * {@link #sign} with eddsa-jcs-2022 for a document without proofs, returning the secured
     * document's canonical bytes too: the document is serialized once, its members serving both the
     * hash that is signed and the secured form (which bulk issuance stores and digests).
     */
    public SignedJcs signJcs(ObjectNode document, ProofOptions options, SigningKey key) {
        if (options.cryptosuite() != Cryptosuite.EDDSA_JCS_2022) {
            throw new IllegalArgumentException("signJcs signs with eddsa-jcs-2022, not " + options.cryptosuite().id());
        }
        if (document.has("proof")) {
            throw new IllegalArgumentException("signJcs adds the first proof; this document has one");
        }
        Suite suite = suites.get(options.cryptosuite());
        ObjectNode proof = suite.proofFor(document, optionsNode(options));
        suite.checkProofConfig(proof);
        Jcs.Members members = Jcs.Members.of(document);
        // The proof's @context is the document's own (proofFor copies it), so the document is hashed as it is.
        byte[] hashData = Suite.concat(Jcs.sha256(proof), Sha256.digest(members.toBytes()));
        proof.put("proofValue", Multibase.encodeBase58Btc(key.sign(hashData)));
        ObjectNode secured = Suite.NODES.objectNode();
        secured.setAll(document);
        secured.set("proof", proof);
        return new SignedJcs(secured, members.with("proof", proof).toBytes());
    }

    /** {@link #sign(ObjectNode, ProofOptions, SigningKey)} for a credential. */
    public VerifiableCredential sign(VerifiableCredential credential, ProofOptions options, SigningKey key) {
        return VerifiableCredential.of(sign(credential.json(), options, key));
    }

    /** The proof alone (what {@link #sign} adds), over {@code document} without its {@code proof}. */
    public ObjectNode createProof(ObjectNode document, ProofOptions options, SigningKey key) {
        Suite suite = suites.get(options.cryptosuite());
        ObjectNode unsecured = document.has("proof") ? Suite.without(document, "proof") : document;
        ObjectNode proof = suite.proofFor(unsecured, optionsNode(options));
        byte[] hashData;
        try {
            hashData = suite.hashData(unsecured, proof);
        } catch (ProofCheckException e) {
            throw new InvalidInputException("Cannot sign with " + options.cryptosuite().id() + ": " + e.getMessage(), e);
        }
        proof.put("proofValue", Multibase.encodeBase58Btc(key.sign(hashData)));
        return proof;
    }

    static ObjectNode optionsNode(ProofOptions options) {
        ObjectNode node = Suite.NODES.objectNode();
        node.put("type", Suite.DATA_INTEGRITY_PROOF);
        node.put("cryptosuite", options.cryptosuite().id());
        if (options.created() != null) {
            node.put("created", XsdDateTime.format(options.created()));
        }
        node.put("verificationMethod", options.verificationMethod());
        node.put("proofPurpose", options.proofPurpose());
        return node;
    }
}
