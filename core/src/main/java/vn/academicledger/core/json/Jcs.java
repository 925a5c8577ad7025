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
