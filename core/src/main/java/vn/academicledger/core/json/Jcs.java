package vn.academicledger.core.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.JsonNode;

import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.error.AcademicLedgerException;

/**
 * RFC 8785 JSON Canonicalization Scheme over Jackson trees: object members sorted by UTF-16
 * code units, no whitespace, minimal string escaping, numbers as ECMAScript prints doubles.
 *
 * <p>Output is written straight to bytes into a per-thread buffer; {@link #sha256(JsonNode)}
 * hashes that buffer without copying it. Refuses (with {@code InvalidInputException}) NaN,
 * infinities, lone surrogates and node types that are not JSON (binary, POJO).
 */
public final class Jcs {
    private static final int RETAINED_BUFFER_LIMIT = 1 << 20;
    private static final ThreadLocal<JcsWriter> WRITER = ThreadLocal.withInitial(JcsWriter::new);
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Jcs() {
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        JcsWriter writer = writer(node);
        try {
            return writer.toByteArray();
        } finally {
            release(writer);
        }
    }

    /** The canonical form as a string (for logs and tests; signing uses bytes). */
    public static String canonicalizeToString(JsonNode node) {
        return new String(canonicalize(node), StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical bytes, computed without copying them. */
    public static byte[] sha256(JsonNode node) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        update(digest, node);
        return digest.digest();
    }

    /** Feeds the canonical bytes of {@code node} into {@code digest}. */
    public static void update(MessageDigest digest, JsonNode node) {
        JcsWriter writer = writer(node);
        try {
            digest.update(writer.buffer(), 0, writer.size());
        } finally {
            release(writer);
        }
    }

    /** Writes the canonical bytes of {@code node} to {@code out}. */
    public static void write(JsonNode node, OutputStream out) {
        JcsWriter writer = writer(node);
        try {
            out.write(writer.buffer(), 0, writer.size());
        } catch (IOException e) {
            throw new AcademicLedgerException("IO_ERROR", "Cannot write canonical JSON: " + e.getMessage(), e);
        } finally {
            release(writer);
        }
    }

    /**
     * A JSON object's members, each canonicalized once, from which the canonical object can be
     * assembled with members added: a document and the same document with its proof, for one
     * serialization of the document instead of two. Members are ordered as RFC 8785 §3.2.3 orders
     * them (UTF-16 code units, {@link String#compareTo}).
     */
    public static final class Members {
        private final java.util.TreeMap<String, byte[]> members = new java.util.TreeMap<>();
        private int length = 2;

        private Members() {
        }

        /** The members of {@code object}. */
        public static Members of(com.fasterxml.jackson.databind.node.ObjectNode object) {
            Members m = new Members();
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                java.util.Map.Entry<String, JsonNode> f = fields.next();
                m.put(f.getKey(), f.getValue());
            }
            return m;
        }

        /** These members and one more ({@code name} must not be one of them yet). */
        public Members with(String name, JsonNode value) {
            Members m = new Members();
            m.members.putAll(members);
            m.length = length;
            m.put(name, value);
            return m;
        }

        private void put(String name, JsonNode value) {
            byte[] key = canonicalize(com.fasterxml.jackson.databind.node.TextNode.valueOf(name));
            byte[] val = canonicalize(value);
            byte[] member = new byte[key.length + 1 + val.length];
            System.arraycopy(key, 0, member, 0, key.length);
            member[key.length] = ':';
            System.arraycopy(val, 0, member, key.length + 1, val.length);
            if (members.put(name, member) != null) {
                throw new IllegalArgumentException("member " + name + " is already there");
            }
            length += member.length + (members.size() > 1 ? 1 : 0);
        }

        /** The canonical bytes of the object these members make. */
        public byte[] toBytes() {
            byte[] out = new byte[length];
            int pos = 0;
            out[pos++] = '{';
            boolean first = true;
            for (byte[] member : members.values()) {
                if (!first) {
                    out[pos++] = ',';
                }
                first = false;
                System.arraycopy(member, 0, out, pos, member.length);
                pos += member.length;
            }
            out[pos++] = '}';
            if (pos != length) {
                throw new IllegalStateException("canonical object of " + pos + " bytes, expected " + length);
            }
            return out;
        }
    }

    private static JcsWriter writer(JsonNode node) {
        JcsWriter writer = WRITER.get();
        if (writer.inUse()) {
            writer = new JcsWriter(); // re-entrant use on one thread: do not clobber the shared buffer
        }
        writer.start();
        writer.write(node);
        return writer;
    }

    private static void release(JcsWriter writer) {
        writer.finish();
        if (writer.capacity() > RETAINED_BUFFER_LIMIT) {
            WRITER.remove();
        }
    }
}
