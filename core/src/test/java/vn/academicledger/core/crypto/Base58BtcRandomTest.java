package vn.academicledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58BtcRandomTest {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** The definition: the number in base 58, one '1' per leading zero byte. */
    private static String reference(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    @Test
    void encodes_every_length_and_leading_zeros_as_the_definition_says() {
        Random random = new Random(58);
        for (int length = 0; length <= 80; length++) {
            for (int round = 0; round < 40; round++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                int zeros = length == 0 ? 0 : random.nextInt(Math.min(length, 4) + 1);
                for (int i = 0; i < zeros; i++) {
                    bytes[i] = 0;
                }
                String encoded = Base58Btc.encode(bytes);
                assertThat(encoded).as("length %d round %d", length, round).isEqualTo(reference(bytes));
                assertThat(Base58Btc.decode(encoded)).isEqualTo(bytes);
            }
        }
        assertThat(Base58Btc.encode(new byte[]{0, 0, 0})).isEqualTo("111");
        byte[] ones = new byte[64];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertThat(Base58Btc.encode(ones)).isEqualTo(reference(ones));
    }
}
