package vn.academicledger.core.crypto;

import vn.academicledger.core.error.InvalidInputException;

/**
 * Multibase with the one base this project uses: base58btc, prefix {@code z}. Any other prefix
 * is refused, as the Data Integrity EdDSA suites require.
 */
public final class Multibase {
    /** The multibase prefix of base58btc. */
    public static final char BASE58BTC = 'z';

    private Multibase() {
    }

    public static String encodeBase58Btc(byte[] bytes) {
        return BASE58BTC + Base58Btc.encode(bytes);
    }

    public static byte[] decodeBase58Btc(String multibase) {
        if (multibase == null || multibase.isEmpty()) {
            throw new InvalidInputException("A multibase value is empty; expected 'z' followed by base58btc");
        }
        if (multibase.charAt(0) != BASE58BTC) {
            throw new InvalidInputException("Unsupported multibase prefix '" + multibase.charAt(0)
                    + "'; only base58btc ('z') is accepted");
        }
        return Base58Btc.decode(multibase.substring(1));
    }
}
