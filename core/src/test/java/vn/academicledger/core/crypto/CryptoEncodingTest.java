package vn.academicledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.academicledger.core.error.InvalidInputException;

class CryptoEncodingTest {

    // Base58 examples of the IETF draft "The Base58 Encoding Scheme" (draft-msporny-base58), section 5.
    @ParameterizedTest
    @CsvSource({
        "Hello World!, 2NEpo7TZRRrLZSi2U",
        "The quick brown fox jumps over the lazy dog., USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
    })
    void encodes_the_published_base58_examples(String text, String base58) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base58Btc.encode(bytes)).isEqualTo(base58);
        assertThat(Base58Btc.decode(base58)).isEqualTo(bytes);
    }

    @Test
    void keeps_leading_zero_bytes_as_ones() {
        byte[] bytes = Hex.decode("0000287fb4cd");

        assertThat(Base58Btc.encode(bytes)).isEqualTo("11233QC4");
        assertThat(Base58Btc.decode("11233QC4")).isEqualTo(bytes);
    }

    @Test
    void round_trips_random_bytes_through_base58_and_hex() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = 0;
            }
            assertThat(Base58Btc.decode(Base58Btc.encode(bytes))).isEqualTo(bytes);
            assertThat(Hex.decode(Hex.encode(bytes))).isEqualTo(bytes);
        }
    }

    @Test
    void rejects_characters_outside_the_base58_alphabet_and_other_multibase_prefixes() {
        assertThatThrownBy(() -> Base58Btc.decode("abc0")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("position 3");
        assertThatThrownBy(() -> Multibase.decodeBase58Btc("uAQID")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only base58btc");
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void hashes_with_sha256() {
        // FIPS 180-2 example "abc".
        assertThat(Hex.encode(Sha256.digest("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
