package vn.academicledger.core.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import vn.academicledger.core.json.Jcs;

/**
 * The salted digest that represents a credential on the ledger:
 * {@code SHA-256("academic-ledger/credential-digest/v1" || 0x00 || salt || JCS(credential))}, where
 * the credential is taken with its signatures but without anchoring receipts. The salt (16 random
 * bytes, carried in the receipt) keeps anyone who holds only the ledger from confirming a guess of
 * a record's content; the tag keeps these digests apart from any other SHA-256 in the system.
 */
public final class CredentialDigest {
    public static final int SALT_LENGTH = 16;
    private static final byte[] TAG = "academic-ledger/credential-digest/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialDigest() {
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** The salted digest of a signed credential; any anchoring receipts it carries are left out. */
    /**
     * The digest of a credential given as its JCS bytes without receipts (what {@link #of} hashes):
     * for an issuer that has just canonicalised the signed credential and keeps those bytes.
     */
    public static byte[] ofCanonical(byte[] canonicalCredentialWithoutReceipts, byte[] salt) {
        MessageDigest sha = MerkleTree.sha256();
        sha.update(TAG);
        sha.update(salt);
        return sha.digest(canonicalCredentialWithoutReceipts);
    }

    public static byte[] of(ObjectNode credential, byte[] salt) {
        MessageDigest sha = MerkleTree.sha256();
        sha.update(TAG);
        sha.update(salt);
        return sha.digest(Jcs.canonicalize(withoutReceipts(credential)));
    }

    /**
     * The credential as it was signed: receipts dropped from the proof set; a set left with one
     * proof becomes that proof, as the issuer signed it.
     */
    public static ObjectNode withoutReceipts(ObjectNode credential) {
        JsonNode proof = credential.get("proof");
        if (proof == null || !proof.isArray()) {
            return credential;
        }
        List<JsonNode> kept = new ArrayList<>();
        proof.forEach(p -> {
            if (!AnchorReceipt.isReceipt(p)) {
                kept.add(p);
            }
        });
        if (kept.size() == proof.size()) {
            return credential;
        }
        ObjectNode copy = credential.deepCopy();
        if (kept.isEmpty()) {
            copy.remove("proof");
        } else if (kept.size() == 1) {
            copy.set("proof", kept.get(0));
        } else {
            ArrayNode a = copy.putArray("proof");
            kept.forEach(a::add);
        }
        return copy;
    }

    /** The credential with its receipt added to the proof set (replacing an earlier receipt). */
    public static ObjectNode withReceipt(ObjectNode signedCredential, AnchorReceipt receipt) {
        ObjectNode copy = withoutReceipts(signedCredential).deepCopy();
        JsonNode proof = copy.get("proof");
        ArrayNode set = copy.arrayNode();
        if (proof != null && proof.isArray()) {
            proof.forEach(set::add);
        } else if (proof != null) {
            set.add(proof);
        }
        set.add(receipt.toJson());
        copy.set("proof", set);
        return copy;
    }

    /** The receipts a credential carries (normally zero or one). */
    public static List<JsonNode> receipts(JsonNode credential) {
        JsonNode proof = credential.get("proof");
        List<JsonNode> out = new ArrayList<>();
        if (proof == null) {
            return out;
        }
        if (proof.isArray()) {
            proof.forEach(p -> {
                if (AnchorReceipt.isReceipt(p)) {
                    out.add(p);
                }
            });
        } else if (AnchorReceipt.isReceipt(proof)) {
            out.add(proof);
        }
        return out;
    }
}
