package vn.academicledger.core.crypto;

import vn.academicledger.core.error.InvalidInputException;

/** Lower-case hexadecimal, as used for digests in logs, test vectors and the ledger. */
public final class Hex {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0f];
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Decodes upper- or lower-case hex; rejects odd lengths and non-hex characters. */
    public static byte[] decode(String hex) {
        int length = hex.length();
        if ((length & 1) != 0) {
            throw new InvalidInputException("Hex text must have an even number of digits, got " + length);
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
        }
        return out;
    }

    private static int digit(String hex, int index) {
        int value = Character.digit(hex.charAt(index), 16);
        if (value < 0) {
            throw new InvalidInputException("Not a hex digit at position " + index + ": '" + hex.charAt(index) + "'");
        }
        return value;
    }
}
