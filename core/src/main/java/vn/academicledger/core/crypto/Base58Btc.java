package vn.academicledger.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import vn.academicledger.core.error.InvalidInputException;

/** The Bitcoin base-58 alphabet, as used by multibase prefix {@code z}, did:key and proof values. */
public final class Base58Btc {
    private static final byte[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58Btc() {
    }

    /** 58^5: five base-58 digits per limb. */
    private static final long LIMB = 58L * 58 * 58 * 58 * 58;

    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // Long division in big limbs: 32 input bits at a time into base 58^5 limbs (little-endian),
        // twenty times fewer steps than byte by byte into single digits. limb * 2^32 + carry < 2^63.
        long[] limbs = new long[(input.length - zeros) * 138 / 500 + 2];
        int n = 0;
        int i = zeros;
        int first = (input.length - zeros) % 4;
        while (i < input.length) {
            int take = (i == zeros && first != 0) ? first : 4;
            long carry = 0;
            for (int k = 0; k < take; k++) {
                carry = (carry << 8) | (input[i++] & 0xff);
            }
            long multiplier = 1L << (8 * take);
            for (int j = 0; j < n; j++) {
                long v = limbs[j] * multiplier + carry;
                limbs[j] = v % LIMB;
                carry = v / LIMB;
            }
            while (carry > 0) {
                limbs[n++] = carry % LIMB;
                carry /= LIMB;
            }
        }
        byte[] digits = new byte[n * 5];
        int length = 0;
        for (int j = 0; j < n; j++) {
            long v = limbs[j];
            for (int k = 0; k < 5 && (j < n - 1 || v > 0); k++) {
                digits[length++] = (byte) (v % 58);
                v /= 58;
            }
        }
        byte[] out = new byte[zeros + length];
        Arrays.fill(out, 0, zeros, ALPHABET[0]);
        for (int k = 0; k < length; k++) {
            out[zeros + k] = ALPHABET[digits[length - 1 - k]];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    public static byte[] decode(String input) {
        if (input.isEmpty()) {
            return new byte[0];
        }
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == '1') {
            zeros++;
        }
        // log(58) / log(256) < 0.733
        byte[] bytes = new byte[input.length() * 733 / 1000 + 1];
        int length = 0;
        for (int i = zeros; i < input.length(); i++) {
            char c = input.charAt(i);
            int carry = c < 128 ? INDEXES[c] : -1;
            if (carry < 0) {
                throw new InvalidInputException(
                        "Not a base58btc character at position " + i + ": '" + c + "'");
            }
            for (int j = 0; j < length; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[length++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + length];
        for (int i = 0; i < length; i++) {
            out[zeros + i] = bytes[length - 1 - i];
        }
        return out;
    }
}
