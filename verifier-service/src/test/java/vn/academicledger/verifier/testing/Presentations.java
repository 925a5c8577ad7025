package vn.academicledger.verifier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.crypto.Multibase;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.json.Jcs;
import vn.academicledger.core.vc.BundledContexts;

/**
 * Builds holder-signed presentations for tests: eddsa-jcs-2022 as "Data Integrity EdDSA Cryptosuites
 * v1.0" defines it (hash of the JCS proof configuration, then of the JCS document), proof purpose
 * authentication, with challenge and domain. Core's signer does not take challenge/domain yet, so
 * the proof is assembled here; the verifier under test checks it with core's verifier.
 */
public final class Presentations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Presentations() {
    }

    public static ObjectNode signed(Ed25519KeyPair holderKey, List<ObjectNode> credentials, String challenge, String domain) {
        String holder = DidKey.did(holderKey.publicKey());
        ObjectNode presentation = JSON.createObjectNode();
        presentation.putArray("@context").add(BundledContexts.CREDENTIALS_V2);
        presentation.putArray("type").add("VerifiablePresentation");
        presentation.put("holder", holder);
        credentials.forEach(presentation.withArray("verifiableCredential")::add);

        ObjectNode proof = JSON.createObjectNode();
        proof.put("type", "DataIntegrityProof");
        proof.put("cryptosuite", "eddsa-jcs-2022");
        proof.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        proof.put("verificationMethod", DidKey.verificationMethodId(holderKey.publicKey()));
        proof.put("proofPurpose", "authentication");
        if (challenge != null) {
            proof.put("challenge", challenge);
        }
        if (domain != null) {
            proof.put("domain", domain);
        }
        ObjectNode config = proof.deepCopy();
        config.set("@context", presentation.get("@context").deepCopy());
        byte[] hashData = ByteBuffer.allocate(64).put(Jcs.sha256(config)).put(Jcs.sha256(presentation)).array();
        proof.put("proofValue", Multibase.encodeBase58Btc(holderKey.sign(hashData)));
        proof.set("@context", config.get("@context"));
        ObjectNode secured = presentation.deepCopy();
        secured.set("proof", proof);
        return secured;
    }

    public static ObjectNode request(JsonNode presentation, String challenge, String domain) {
        ObjectNode body = JSON.createObjectNode();
        body.set("verifiablePresentation", presentation);
        ObjectNode options = body.putObject("options");
        if (challenge != null) {
            options.put("challenge", challenge);
        }
        if (domain != null) {
            options.put("domain", domain);
        }
        return body;
    }
}
