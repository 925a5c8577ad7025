package vn.academicledger.core.crypto;

import java.util.Arrays;

import vn.academicledger.core.error.InvalidInputException;

/**
 * Multikey encodings of Ed25519 keys (W3C Controlled Identifiers, "Multikey"): a multicodec
 * header followed by the 32 raw key bytes, written as base58btc multibase.
 * <ul>
 *   <li>{@code publicKeyMultibase}: header {@code 0xed 0x01} (ed25519-pub), starts with {@code z6Mk}</li>
 *   <li>{@code secretKeyMultibase}: header {@code 0x80 0x26} (ed25519-priv, the 32-byte seed), starts with {@code z3u2}</li>
 * </ul>
 */
public final class Multikey {
    static final byte[] ED25519_PUB_HEADER = {(byte) 0xed, 0x01};
    static final byte[] ED25519_PRIV_HEADER = {(byte) 0x80, 0x26};
    static final int KEY_LENGTH = 32;

    private Multikey() {
    }

    public static String encodePublicKey(byte[] publicKey) {
        return encode(ED25519_PUB_HEADER, publicKey, "public");
    }

    public static byte[] decodePublicKey(String publicKeyMultibase) {
        return decode(ED25519_PUB_HEADER, publicKeyMultibase, "publicKeyMultibase", "0xed01 (Ed25519 public key)");
    }

    public static String encodeSecretKey(byte[] seed) {
        return encode(ED25519_PRIV_HEADER, seed, "secret");
    }

    public static byte[] decodeSecretKey(String secretKeyMultibase) {
        return decode(ED25519_PRIV_HEADER, secretKeyMultibase, "secretKeyMultibase", "0x8026 (Ed25519 secret key)");
    }

    private static String encode(byte[] header, byte[] key, String kind) {
        if (key.length != KEY_LENGTH) {
            throw new InvalidInputException("An Ed25519 " + kind + " key has 32 bytes, got " + key.length);
        }
        byte[] bytes = new byte[header.length + KEY_LENGTH];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(key, 0, bytes, header.length, KEY_LENGTH);
        return Multibase.encodeBase58Btc(bytes);
    }

    private static byte[] decode(byte[] header, String multibase, String property, String expected) {
        byte[] bytes;
        try {
            bytes = Multibase.decodeBase58Btc(multibase);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Malformed " + property + ": " + e.getMessage(), e);
        }
        if (bytes.length != header.length + KEY_LENGTH
                || bytes[0] != header[0] || bytes[1] != header[1]) {
            throw new InvalidInputException("Malformed " + property + ": expected multicodec header " + expected
                    + " followed by 32 key bytes");
        }
        return Arrays.copyOfRange(bytes, header.length, bytes.length);
    }
}
