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

    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.38: enough room for every digit.
        byte[] digits = new byte[input.length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            for (int j = 0; j < length; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[length++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        byte[] out = new byte[zeros + length];
        Arrays.fill(out, 0, zeros, ALPHABET[0]);
        for (int i = 0; i < length; i++) {
            out[zeros + i] = ALPHABET[digits[length - 1 - i]];
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
