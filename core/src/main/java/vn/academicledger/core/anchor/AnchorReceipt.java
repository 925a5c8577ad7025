package vn.academicledger.core.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import vn.academicledger.core.error.InvalidInputException;

/**
 * The anchoring receipt a credential carries next to its signature: which ledger and batch anchor
 * it, the batch's Merkle root, the credential's position and audit path, and the salt of its digest.
 * With the receipt and the anchored root alone, anyone can check that the credential was in the batch.
 *
 * <p>It travels as an entry of the credential's proof set with {@code "type": "MerkleInclusionProof"};
 * Data Integrity verifiers skip it and the credential's signature does not cover it.
 */
public record AnchorReceipt(
        String ledger,
        String batchId,
        String merkleRootHex,
        int leafIndex,
        int treeSize,
        List<String> pathHex,
        String salt) {
    public static final String TYPE = "MerkleInclusionProof";
    private static final HexFormat HEX = HexFormat.of();

    public AnchorReceipt {
        Objects.requireNonNull(ledger, "ledger");
        requireText(batchId, "batchId");
        requireHex32(merkleRootHex, "merkleRoot");
        pathHex = List.copyOf(pathHex);
        pathHex.forEach(h -> requireHex32(h, "path"));
        requireText(salt, "salt");
        new InclusionProof(leafIndex, treeSize, List.of()); // validates index against size
    }

    public InclusionProof inclusionProof() {
        return new InclusionProof(leafIndex, treeSize, pathHex.stream().map(HEX::parseHex).toList());
    }

    public byte[] merkleRoot() {
        return HEX.parseHex(merkleRootHex);
    }

    public byte[] saltBytes() {
        try {
            return Base64.getUrlDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The anchoring receipt's salt is not base64url: " + e.getMessage());
        }
    }

    public static AnchorReceipt of(String ledger, String batchId, byte[] root, InclusionProof proof, byte[] salt) {
        List<String> path = new ArrayList<>(proof.path().size());
        for (byte[] h : proof.path()) {
            path.add(HEX.formatHex(h));
        }
        return new AnchorReceipt(ledger, batchId, HEX.formatHex(root), proof.leafIndex(), proof.treeSize(), path,
                Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("type", TYPE);
        o.put("ledger", ledger);
        o.put("batchId", batchId);
        o.put("merkleRoot", merkleRootHex);
        o.put("leafIndex", leafIndex);
        o.put("treeSize", treeSize);
        ArrayNode p = o.putArray("path");
        pathHex.forEach(p::add);
        o.put("salt", salt);
        return o;
    }

    public static boolean isReceipt(JsonNode proof) {
        return proof != null && proof.isObject() && TYPE.equals(proof.path("type").asText());
    }

    /** Reads a receipt, naming the field that is missing or malformed. */
    public static AnchorReceipt fromJson(JsonNode o) {
        if (!isReceipt(o)) {
            throw new InvalidInputException("Not an anchoring receipt: type must be " + TYPE);
        }
        JsonNode path = o.get("path");
        if (path == null || !path.isArray()) {
            throw new InvalidInputException("The anchoring receipt has no 'path' array");
        }
        List<String> hashes = new ArrayList<>();
        path.forEach(h -> hashes.add(h.asText()));
        return new AnchorReceipt(text(o, "ledger"), text(o, "batchId"), text(o, "merkleRoot"),
                integer(o, "leafIndex"), integer(o, "treeSize"), hashes, text(o, "salt"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException("The anchoring receipt's '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new InvalidInputException("The anchoring receipt's '" + field + "' must be a whole number");
        }
        return v.intValue();
    }

    private static void requireText(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new InvalidInputException("The anchoring receipt's '" + field + "' is empty");
        }
    }

    private static void requireHex32(String v, String field) {
        if (v == null || v.length() != 64 || !v.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new InvalidInputException("The anchoring receipt's '" + field + "' must be 64 lower-case hex digits");
        }
    }
}
