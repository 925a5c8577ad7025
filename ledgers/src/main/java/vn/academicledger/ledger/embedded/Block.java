package vn.academicledger.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One block of the embedded ledger's log, and its record format. A record is one line:
 *
 * <pre>
 * {"block":BODY,"hash":"&lt;hex SHA-256 of the exact BODY bytes&gt;"}\n
 * BODY = {"number":7,"previousHash":"…","transactions":[{"creatorMspId":"…","creatorSubject":"…",
 *         "function":"AnchorBatch","timestamp":"2025-…Z","txId":"…","writes":[{"key":"…","value":"…"}]}]}
 * </pre>
 *
 * Keys are sorted and no raw newline can occur inside a record (JSON escapes them), so a line
 * is a record and the whole line is itself valid JSON. Values are the contract's JSON, kept as
 * strings so that the world state's bytes survive replay exactly.
 */
record Block(long number, String previousHash, List<Tx> transactions, String hash) {
    /** The previous hash of block 0. */
    static final String GENESIS_PREVIOUS_HASH = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final byte[] PREFIX = "{\"block\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    Block {
        transactions = List.copyOf(transactions);
    }

    /** A transaction as the block records it: who, when, what, and the keys it wrote. */
    record Tx(String txId, Instant timestamp, String creatorMspId, String creatorSubject, String function,
            List<Write> writes) {
        Tx {
            Objects.requireNonNull(txId, "txId");
            Objects.requireNonNull(timestamp, "timestamp");
            writes = List.copyOf(writes);
        }
    }

    /** One key written; the value is shared, never modified once in a block. */
    record Write(String key, byte[] value) {
    }

    /** Builds the next block after {@code previousHash}, computing its hash; returns it with its record bytes. */
    static Sealed seal(long number, String previousHash, List<Tx> transactions) {
        byte[] body = body(number, previousHash, transactions);
        String hash = HEX.formatHex(sha256(body));
        byte[] hashBytes = hash.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer line = ByteBuffer.allocate(PREFIX.length + body.length + HASH_FIELD.length + hashBytes.length
                + SUFFIX.length + 1);
        line.put(PREFIX).put(body).put(HASH_FIELD).put(hashBytes).put(SUFFIX).put((byte) '\n');
        return new Sealed(new Block(number, previousHash, transactions, hash), line.array());
    }

    /** A block with the exact bytes of its log record. */
    record Sealed(Block block, byte[] record) {
    }

    /**
     * Reads one record (without its newline), checking that its hash matches its body.
     *
     * @throws Unreadable when the record is malformed or its body does not match its hash
     */
    static Block parse(byte[] line, int length) throws Unreadable {
        int bodyEnd = length - SUFFIX.length - 64 - HASH_FIELD.length;
        if (bodyEnd <= PREFIX.length || !startsWith(line, PREFIX, 0) || !startsWith(line, HASH_FIELD, bodyEnd)
                || !startsWith(line, SUFFIX, length - SUFFIX.length)) {
            throw new Unreadable("not a block record");
        }
        String recordedHash = new String(line, bodyEnd + HASH_FIELD.length, 64, StandardCharsets.US_ASCII);
        MessageDigest digest = sha256();
        digest.update(line, PREFIX.length, bodyEnd - PREFIX.length);
        if (!HEX.formatHex(digest.digest()).equals(recordedHash)) {
            throw new Unreadable("its contents do not match its hash");
        }
        try {
            JsonNode body = MAPPER.readTree(line, PREFIX.length, bodyEnd - PREFIX.length);
            List<Tx> transactions = new ArrayList<>();
            for (JsonNode tx : body.required("transactions")) {
                List<Write> writes = new ArrayList<>();
                for (JsonNode write : tx.required("writes")) {
                    writes.add(new Write(write.required("key").textValue(),
                            write.required("value").textValue().getBytes(StandardCharsets.UTF_8)));
                }
                transactions.add(new Tx(
                        tx.required("txId").textValue(),
                        Instant.parse(tx.required("timestamp").textValue()),
                        tx.required("creatorMspId").textValue(),
                        tx.required("creatorSubject").textValue(),
                        tx.required("function").textValue(),
                        writes));
            }
            return new Block(body.required("number").longValue(), body.required("previousHash").textValue(),
                    transactions, recordedHash);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("its body is not a readable block (" + e.getMessage() + ")");
        }
    }

    /** A record that is not a well-formed block whose hash matches. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static byte[] body(long number, String previousHash, List<Tx> transactions) {
        Map<String, Object> body = new TreeMap<>();
        body.put("number", number);
        body.put("previousHash", previousHash);
        body.put("transactions", transactions.stream().map(Block::txFields).toList());
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a block", e);
        }
    }

    private static Map<String, Object> txFields(Tx tx) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("txId", tx.txId());
        fields.put("timestamp", tx.timestamp().toString());
        fields.put("creatorMspId", tx.creatorMspId());
        fields.put("creatorSubject", tx.creatorSubject());
        fields.put("function", tx.function());
        fields.put("writes", tx.writes().stream().map(write -> {
            Map<String, Object> w = new TreeMap<>();
            w.put("key", write.key());
            w.put("value", utf8(write.value()));
            return w;
        }).toList());
        return fields;
    }

    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the embedded ledger stores UTF-8 (JSON) values only", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        if (at < 0 || at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
