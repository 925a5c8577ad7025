package vn.academicledger.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.academicledger.core.error.InvalidInputException;

class BitstringTest {
    /** The all-clear 16 KB list of the examples of W3C Bitstring Status List v1.0. */
    static final String SPEC_EXAMPLE_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    static String gzipBase64url(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    @Nested
    class AsAValue {
        @Test
        void has_131072_clear_entries_by_default_the_specs_minimum() {
            Bitstring list = new Bitstring();

            assertThat(list.size()).isEqualTo(131_072).isEqualTo(Bitstring.MINIMUM_SIZE);
            assertThat(list.countSet()).isZero();
            assertThat(list.toBytes()).hasSize(16 * 1024);
        }

        @Test
        void sets_and_clears_single_entries() {
            Bitstring list = new Bitstring();

            list.set(0, true).set(94_567, true).set(131_071, true).set(94_567, false);

            assertThat(list.get(0)).isTrue();
            assertThat(list.get(1)).isFalse();
            assertThat(list.get(94_567)).isFalse();
            assertThat(list.get(131_071)).isTrue();
            assertThat(list.countSet()).isEqualTo(2);
        }

        @Test
        void puts_index_0_in_the_left_most_bit_of_the_first_byte() {
            Bitstring list = new Bitstring().set(0, true).set(9, true);

            byte[] bytes = list.toBytes();
            assertThat(bytes[0]).isEqualTo((byte) 0x80);
            assertThat(bytes[1]).isEqualTo((byte) 0x40);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 131_072, Integer.MAX_VALUE})
        void refuses_an_index_outside_the_list(int index) {
            Bitstring list = new Bitstring();

            assertThatThrownBy(() -> list.get(index)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("outside the list (0 to 131071)");
            assertThatThrownBy(() -> list.set(index, true)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void refuses_a_list_smaller_than_16_kb_or_not_whole_bytes() {
            assertThatThrownBy(() -> Bitstring.ofSize(131_064)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("at least 131072 (16 KB)");
            assertThatThrownBy(() -> Bitstring.ofSize(131_073)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("whole number of bytes");
            assertThatThrownBy(() -> Bitstring.fromBytes(new byte[100])).isInstanceOf(InvalidInputException.class);
            assertThat(Bitstring.ofSize(262_144).size()).isEqualTo(262_144);
        }

        @Test
        void keeps_its_bytes_to_itself() {
            byte[] raw = new byte[16 * 1024];
            Bitstring list = Bitstring.fromBytes(raw);
            raw[0] = (byte) 0xff;
            list.toBytes()[1] = (byte) 0xff;
            Bitstring copy = list.copy().set(5, true);

            assertThat(list.countSet()).isZero();
            assertThat(copy).isNotEqualTo(list);
            assertThat(list.copy()).isEqualTo(list).hasSameHashCodeAs(list);
        }
    }

    @Nested
    class Encoding {
        @Test
        void decodes_the_spec_example_list_to_131072_clear_entries() {
            Bitstring list = Bitstring.decode(SPEC_EXAMPLE_LIST);

            assertThat(list.size()).isEqualTo(131_072);
            assertThat(list.countSet()).isZero();
        }

        @Test
        void encodes_gzip_then_base64url_without_padding_behind_the_multibase_prefix_u() {
            Bitstring list = new Bitstring().set(7, true).set(94_567, true);

            String encoded = list.encode();

            assertThat(encoded).startsWith("uH4sI").doesNotContain("=", "+", "/");
            assertThat(Bitstring.decode(encoded)).isEqualTo(list);
            assertThat(new Bitstring().encode()).isEqualTo(new Bitstring().encode());
        }

        @Test
        void reads_lists_written_by_any_gzip() throws IOException {
            byte[] raw = new byte[32 * 1024];
            raw[32 * 1024 - 1] = 1;

            Bitstring list = Bitstring.decode(gzipBase64url(raw));

            assertThat(list.size()).isEqualTo(262_144);
            assertThat(list.get(262_143)).isTrue();
            assertThat(list.countSet()).isOne();
        }
    }

    @Nested
    class RefusesMalformedInput {
        @Test
        void without_the_multibase_prefix_u() {
            assertThatThrownBy(() -> Bitstring.decode(SPEC_EXAMPLE_LIST.substring(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("multibase prefix 'u'");
            assertThatThrownBy(() -> Bitstring.decode("z" + SPEC_EXAMPLE_LIST.substring(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("starts with 'z'");
            assertThatThrownBy(() -> Bitstring.decode("")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is empty");
            assertThatThrownBy(() -> Bitstring.decode(null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void with_padding_or_characters_outside_base64url() {
            assertThatThrownBy(() -> Bitstring.decode(SPEC_EXAMPLE_LIST + "=="))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("padding");
            assertThatThrownBy(() -> Bitstring.decode(SPEC_EXAMPLE_LIST.replace('-', '+')))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("base64url alphabet");
            assertThatThrownBy(() -> Bitstring.decode("uA")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not valid base64url");
        }

        @Test
        void that_is_not_gzip_or_is_cut_short() {
            String notGzip = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
            String truncated = SPEC_EXAMPLE_LIST.substring(0, 40);

            assertThatThrownBy(() -> Bitstring.decode(notGzip)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not GZIP-compressed");
            assertThatThrownBy(() -> Bitstring.decode(truncated)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("encodedList");
        }

        @Test
        void that_holds_fewer_than_131072_entries() throws IOException {
            String small = gzipBase64url(new byte[1024]);

            assertThatThrownBy(() -> Bitstring.decode(small)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("8192 entries").hasMessageContaining("at least 131072");
        }

        @Test
        void that_expands_beyond_the_cap_a_gzip_bomb() throws IOException {
            byte[] zeros = new byte[64 * 1024 * 1024];
            String bomb = gzipBase64url(zeros);

            assertThat(bomb.length()).isLessThan(100_000);
            assertThatThrownBy(() -> Bitstring.decode(bomb)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("expands beyond " + Bitstring.DEFAULT_MAX_DECODED_BYTES + " bytes");
            assertThatThrownBy(() -> Bitstring.decode(new Bitstring().set(1, true).encode(), 16 * 1024 - 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
