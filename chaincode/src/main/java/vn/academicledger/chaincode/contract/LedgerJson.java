package vn.academicledger.chaincode.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.IssuerStatus;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.Revocation;

/**
 * The ledger's JSON: the bytes the contract writes to the world state and returns to clients.
 * Every endorsing peer must produce the same bytes, so objects are written with their keys in
 * sorted order, without whitespace, without floating point, and with times as ISO-8601
 * instants taken from the transaction. Absent (null) fields are left out.
 *
 * <p>Adapters use the {@code decode…} methods to turn a chaincode response back into the
 * records of {@code vn.academicledger.core.ledger}. A {@link BatchAnchor}'s block number is not
 * part of the stored value (the contract cannot know it); decoding gives {@code -1}.
 */
public final class LedgerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LedgerJson() {
    }

    // ---- issuer registry ----

    public static byte[] encode(IssuerRecord issuer) {
        return write(issuerFields(issuer));
    }

    public static IssuerRecord decodeIssuer(byte[] json) {
        return issuerFrom(read(json));
    }

    public static byte[] encodeIssuers(List<IssuerRecord> issuers) {
        return write(issuers.stream().map(LedgerJson::issuerFields).toList());
    }

    public static List<IssuerRecord> decodeIssuers(byte[] json) {
        return listFrom(read(json), LedgerJson::issuerFrom);
    }

    /** The value of an {@code issuerdid~<did>} index key. */
    public static byte[] encodeDidIndex(String schoolCode) {
        return write(Map.of("schoolCode", schoolCode));
    }

    public static String decodeDidIndex(byte[] json) {
        return text(read(json), "schoolCode");
    }

    // ---- batch anchors ----

    public static byte[] encode(BatchAnchor anchor) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("batchId", anchor.batchId());
        fields.put("merkleRootHex", anchor.merkleRootHex());
        fields.put("issuerCode", anchor.issuerCode());
        fields.put("credentialCount", anchor.credentialCount());
        fields.put("credentialType", anchor.credentialType());
        putInstant(fields, "anchoredAt", anchor.anchoredAt());
        putIfPresent(fields, "txId", anchor.txId());
        return write(fields);
    }

    public static BatchAnchor decodeBatch(byte[] json) {
        JsonNode node = read(json);
        return new BatchAnchor(
                text(node, "batchId"),
                text(node, "merkleRootHex"),
                text(node, "issuerCode"),
                number(node, "credentialCount"),
                optionalText(node, "credentialType"),
                instant(node, "anchoredAt"),
                optionalText(node, "txId"),
                -1);
    }

    // ---- revocations ----

    public static byte[] encode(Revocation revocation) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("credentialDigestHex", revocation.credentialDigestHex());
        fields.put("issuerCode", revocation.issuerCode());
        fields.put("reasonCode", revocation.reasonCode());
        putInstant(fields, "revokedAt", revocation.revokedAt());
        putIfPresent(fields, "revokedBy", revocation.revokedBy());
        putIfPresent(fields, "txId", revocation.txId());
        return write(fields);
    }

    public static Revocation decodeRevocation(byte[] json) {
        JsonNode node = read(json);
        return new Revocation(
                text(node, "credentialDigestHex"),
                text(node, "issuerCode"),
                text(node, "reasonCode"),
                instant(node, "revokedAt"),
                optionalText(node, "revokedBy"),
                optionalText(node, "txId"));
    }

    // ---- raw key history ----

    /** A key's history: each entry's value is the stored JSON, as a string. */
    public static byte[] encodeHistory(List<HistoryEntry> entries) {
        return write(entries.stream().map(entry -> {
            Map<String, Object> fields = new TreeMap<>();
            fields.put("txId", entry.txId());
            putInstant(fields, "timestamp", entry.timestamp());
            fields.put("deleted", entry.deleted());
            putIfPresent(fields, "value", entry.valueJson());
            return fields;
        }).toList());
    }

    public static List<HistoryEntry> decodeHistory(byte[] json) {
        return listFrom(read(json), node -> new HistoryEntry(
                text(node, "txId"),
                instant(node, "timestamp"),
                node.path("deleted").asBoolean(false),
                optionalText(node, "value")));
    }

    // ---- transaction arguments ----

    /** A JSON array of strings, e.g. the public keys argument of {@code AccreditIssuer}. */
    public static byte[] encodeStrings(List<String> values) {
        return write(values);
    }

    /**
     * Parses a JSON array of strings; anything else is refused as
     * {@link LedgerErrorCode#INVALID_ARGUMENT}.
     */
    public static List<String> decodeStrings(String json, String what) {
        JsonNode node;
        try {
            node = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isArray()) {
            throw invalidArgument(what + " must be a JSON array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw invalidArgument(what + " must be a JSON array of strings");
            }
            values.add(element.textValue());
        }
        return List.copyOf(values);
    }

    // ---- plumbing ----

    private static Map<String, Object> issuerFields(IssuerRecord issuer) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("schoolCode", issuer.schoolCode());
        putIfPresent(fields, "name", issuer.name());
        fields.put("did", issuer.did());
        fields.put("publicKeysMultibase", issuer.publicKeysMultibase());
        fields.put("status", issuer.status().name());
        putIfPresent(fields, "reason", issuer.reason());
        putInstant(fields, "changedAt", issuer.changedAt());
        putIfPresent(fields, "txId", issuer.txId());
        return fields;
    }

    private static IssuerRecord issuerFrom(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.path("publicKeysMultibase").forEach(key -> keys.add(key.asText()));
        IssuerStatus status;
        try {
            status = IssuerStatus.valueOf(text(node, "status"));
        } catch (IllegalArgumentException e) {
            throw corrupted("unknown issuer status " + node.path("status"));
        }
        return new IssuerRecord(
                text(node, "schoolCode"),
                optionalText(node, "name"),
                text(node, "did"),
                keys,
                status,
                optionalText(node, "reason"),
                instant(node, "changedAt"),
                optionalText(node, "txId"));
    }

    private static <T> List<T> listFrom(JsonNode node, Function<JsonNode, T> element) {
        if (!node.isArray()) {
            throw corrupted("expected a JSON array");
        }
        List<T> values = new ArrayList<>();
        node.forEach(item -> values.add(element.apply(item)));
        return List.copyOf(values);
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static void putInstant(Map<String, Object> fields, String name, Instant value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ledger JSON", e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            JsonNode node = json == null || json.length == 0 ? null : MAPPER.readTree(json);
            if (node == null) {
                throw corrupted("empty ledger value");
            }
            return node;
        } catch (IOException e) {
            throw corrupted("malformed ledger JSON: " + new String(json, StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String name) {
        String value = optionalText(node, name);
        if (value == null) {
            throw corrupted("ledger value lacks " + name);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode field = node.get(name);
        return field == null || field.isNull() ? null : field.asText();
    }

    private static long number(JsonNode node, String name) {
        JsonNode field = node.get(name);
        if (field == null || !field.canConvertToLong()) {
            throw corrupted("ledger value lacks a whole number " + name);
        }
        return field.longValue();
    }

    private static Instant instant(JsonNode node, String name) {
        String value = optionalText(node, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw corrupted("ledger value has a malformed time " + name + ": " + value);
        }
    }

    private static LedgerException corrupted(String message) {
        return new LedgerException(LedgerErrorCode.CORRUPTED, LedgerException.Stage.EVALUATE, null, message);
    }

    private static LedgerException invalidArgument(String message) {
        return new LedgerException(LedgerErrorCode.INVALID_ARGUMENT, LedgerException.Stage.ENDORSE, null, message);
    }
}
