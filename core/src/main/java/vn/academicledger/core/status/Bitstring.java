package vn.academicledger.core.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import vn.academicledger.core.error.InvalidInputException;

/**
 * The bitstring of a W3C Bitstring Status List: one bit per issued credential, index 0 the
 * left-most (most significant) bit of the first byte. A set bit means the status applies (for the
 * revocation purpose: revoked).
 *
 * <p>At least {@value #MINIMUM_SIZE} entries (16 KB), the spec's minimum, so that a list reveals
 * little about any one holder (herd privacy); sizes are whole bytes. {@link #encode()} gives the
 * list credential's {@code encodedList}: GZIP, then base64url without padding, behind the multibase
 * prefix {@code u}. {@link #decode(String)} reads one back and refuses anything else, including
 * lists that expand beyond {@value #DEFAULT_MAX_DECODED_BYTES} bytes (a GZIP bomb).
 *
 * <p>Mutable and not thread-safe: an issuer loads a list, sets bits, encodes it, signs the result.
 */
public final class Bitstring {
    /** The spec's minimum and this type's default: 131,072 entries, 16 KB. */
    public static final int MINIMUM_SIZE = 131_072;
    /** The largest list {@link #decode(String)} expands: 2 MiB, 16,777,216 entries (128 times the minimum). */
    public static final int DEFAULT_MAX_DECODED_BYTES = 2 * 1024 * 1024;
    /** The multibase prefix of base64url without padding. */
    public static final char BASE64URL_PREFIX = 'u';

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    private final byte[] bits;

    private Bitstring(byte[] bits) {
        this.bits = bits;
    }

    /** An empty list of {@value #MINIMUM_SIZE} entries. */
    public Bitstring() {
        this(new byte[MINIMUM_SIZE / 8]);
    }

    /**
     * An empty list of {@code size} entries.
     *
     * @throws InvalidInputException below {@value #MINIMUM_SIZE} entries or not a multiple of 8
     */
    public static Bitstring ofSize(int size) {
        checkSize((long) size, "A status list");
        return new Bitstring(new byte[size / 8]);
    }

    /** A list over a copy of {@code bytes} (index 0 is the high bit of {@code bytes[0]}). */
    public static Bitstring fromBytes(byte[] bytes) {
        checkSize((long) bytes.length * 8, "A status list");
        return new Bitstring(bytes.clone());
    }

    /** The number of entries. */
    public int size() {
        return bits.length * 8;
    }

    public boolean get(int index) {
        checkIndex(index);
        return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** Sets ({@code true}: the status applies, e.g. revoked) or clears one entry. */
    public Bitstring set(int index, boolean value) {
        checkIndex(index);
        int mask = 0x80 >>> (index & 7);
        bits[index >>> 3] = (byte) (value ? bits[index >>> 3] | mask : bits[index >>> 3] & ~mask);
        return this;
    }

    /** How many entries are set. */
    public int countSet() {
        int count = 0;
        for (byte b : bits) {
            count += Integer.bitCount(b & 0xff);
        }
        return count;
    }

    public Bitstring copy() {
        return new Bitstring(bits.clone());
    }

    /** The raw bits, a copy. */
    public byte[] toBytes() {
        return bits.clone();
    }

    /** The {@code encodedList} value: {@code u} + base64url-without-padding(GZIP(bits)). Deterministic. */
    public String encode() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(256);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return BASE64URL_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    /**
     * Reads an {@code encodedList}, expanding at most {@value #DEFAULT_MAX_DECODED_BYTES} bytes.
     *
     * @throws InvalidInputException saying what is wrong: prefix, alphabet, padding, GZIP data, size
     */
    public static Bitstring decode(String encodedList) {
        return decode(encodedList, DEFAULT_MAX_DECODED_BYTES);
    }

    /** As {@link #decode(String)}, refusing lists that expand beyond {@code maxDecodedBytes}. */
    public static Bitstring decode(String encodedList, int maxDecodedBytes) {
        if (maxDecodedBytes < MINIMUM_SIZE / 8) {
            throw new IllegalArgumentException("maxDecodedBytes " + maxDecodedBytes + " is below the spec's minimum list of "
                    + MINIMUM_SIZE / 8 + " bytes");
        }
        if (encodedList == null || encodedList.isEmpty()) {
            throw invalid("is empty; expected 'u' followed by the base64url (no padding) of the GZIP-compressed bitstring");
        }
        if (encodedList.charAt(0) != BASE64URL_PREFIX) {
            throw invalid("starts with '" + encodedList.charAt(0) + "'; it must start with the multibase prefix 'u'"
                    + " (base64url without padding)");
        }
        String base64 = encodedList.substring(1);
        if (base64.indexOf('=') >= 0) {
            throw invalid("has base64 padding ('='); base64url without padding is required");
        }
        if (!BASE64URL.matcher(base64).matches()) {
            throw invalid("has characters outside the base64url alphabet (A-Z a-z 0-9 - _)");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("is not valid base64url: " + e.getMessage());
        }
        byte[] expanded = gunzip(compressed, maxDecodedBytes);
        checkSize((long) expanded.length * 8, "The encodedList's bitstring");
        return new Bitstring(expanded);
    }

    private static byte[] gunzip(byte[] compressed, int maxDecodedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxDecodedBytes, MINIMUM_SIZE / 8) + 1);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (out.size() + read > maxDecodedBytes) {
                    throw invalid("expands beyond " + maxDecodedBytes + " bytes, more than this verifier accepts from a"
                            + " status list (a GZIP bomb, or a list far larger than any school's)");
                }
                out.write(buffer, 0, read);
            }
        } catch (EOFException e) {
            throw invalid("holds truncated GZIP data");
        } catch (ZipException e) {
            throw invalid("is not GZIP-compressed data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw invalid("cannot be decompressed: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static void checkSize(long entries, String what) {
        if (entries < MINIMUM_SIZE) {
            throw new InvalidInputException(what + " has " + entries + " entries; Bitstring Status List requires at least "
                    + MINIMUM_SIZE + " (16 KB) so that a list does not single out its holders");
        }
        if (entries % 8 != 0) {
            throw new InvalidInputException(what + " has " + entries + " entries; the size must be a whole number of bytes");
        }
        if (entries > Integer.MAX_VALUE) {
            throw new InvalidInputException(what + " has " + entries + " entries, more than " + Integer.MAX_VALUE);
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new InvalidInputException("Status list index " + index + " is outside the list (0 to " + (size() - 1) + ")");
        }
    }

    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException("The status list's encodedList " + problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bitstring b && Arrays.equals(bits, b.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "Bitstring[" + size() + " entries, " + countSet() + " set]";
    }
}
