package vn.academicledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Hex;
import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.error.InvalidInputException;

class JcsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String resource(String name) throws IOException {
        try (InputStream in = JcsTest.class.getResourceAsStream("/vectors/rfc8785/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void reproduces_the_published_rfc8785_examples(String name) throws IOException {
        JsonNode input = JSON.readTree(resource(name + ".input.json"));

        assertThat(Jcs.canonicalizeToString(input)).isEqualTo(resource(name + ".output.json"));
    }

    @Test
    void writes_the_rfc8785_section_3_2_2_example_as_its_utf8_bytes() throws IOException {
        byte[] canonical = Jcs.canonicalize(JSON.readTree(resource("values.input.json")));

        assertThat(canonical).isEqualTo(resource("values.output.json").getBytes(StandardCharsets.UTF_8));
        assertThat(Hex.encode(canonical)).startsWith("7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d");
    }

    @Test
    void sorts_member_names_by_utf16_code_units_not_by_code_points_or_locale() throws IOException {
        String canonical = Jcs.canonicalizeToString(JSON.readTree(resource("weird.input.json")));

        // U+1F602 (surrogates D83D DE02) sorts before U+FB33 in UTF-16 order.
        assertThat(canonical.indexOf("😂")).isLessThan(canonical.indexOf("\ufb33"));
    }

    // RFC 8785 Appendix B: IEEE 754 value (hex) → ECMAScript serialization.
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "0000000000000000 0",
        "8000000000000000 0",
        "0000000000000001 5e-324",
        "8000000000000001 -5e-324",
        "7fefffffffffffff 1.7976931348623157e+308",
        "ffefffffffffffff -1.7976931348623157e+308",
        "4340000000000000 9007199254740992",
        "c340000000000000 -9007199254740992",
        "4430000000000000 295147905179352830000",
        "44b52d02c7e14af5 9.999999999999997e+22",
        "44b52d02c7e14af6 1e+23",
        "44b52d02c7e14af7 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e 999999999999999700000",
        "444b1ae4d6e2ef4f 999999999999999900000",
        "444b1ae4d6e2ef50 1e+21",
        "3eb0c6f7a0b5ed8c 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d 0.000001",
        "41b3de4355555553 333333333.3333332",
        "41b3de4355555554 333333333.33333325",
        "41b3de4355555555 333333333.3333333",
        "41b3de4355555556 333333333.3333334",
        "41b3de4355555557 333333333.33333343",
        "becbf647612f3696 -0.0000033333333333333333",
        "43143ff3c1cb0959 1424953923781206.2",
    })
    void serializes_the_rfc8785_appendix_b_numbers(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

        assertThat(Jcs.canonicalizeToString(JsonNodeFactory.instance.numberNode(value))).isEqualTo(expected);
    }

    @Test
    void serializes_numbers_exactly_as_ecmascript_does_for_five_thousand_generated_values() throws IOException {
        List<String> lines = resource("ecmascript-numbers.txt").lines().toList();
        assertThat(lines).hasSize(5000);
        for (String line : lines) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(JakartaJson.ecmaScriptNumber(value)).as(parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void treats_integers_decimals_and_doubles_of_equal_value_alike() throws IOException {
        JsonNode parsed = JSON.readTree("[9, 9.0, 9.00, 8.6, 1e2, 12345678901234567890]");
        ObjectMapper bigDecimals = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

        String expected = "[9,9,9,8.6,100,12345678901234567000]";
        assertThat(Jcs.canonicalizeToString(parsed)).isEqualTo(expected);
        assertThat(Jcs.canonicalizeToString(bigDecimals.readTree("[9, 9.0, 9.00, 8.6, 1e2, 12345678901234567890]")))
                .isEqualTo(expected);
    }

    @Test
    void keeps_grades_written_as_strings_unchanged() {
        ObjectNode grade = JsonNodeFactory.instance.objectNode().put("diemTrungBinh", "8.60");

        assertThat(Jcs.canonicalizeToString(grade)).isEqualTo("{\"diemTrungBinh\":\"8.60\"}");
    }

    @Test
    void writes_vietnamese_text_as_raw_utf8_and_escapes_only_what_json_requires() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("ten", "Nguyễn Thị Ánh Tuyết")
                .put("ghiChu", "tab\there \"quoted\" \\ \u0001 \u007f </script>");

        assertThat(Jcs.canonicalizeToString(node)).isEqualTo(
                "{\"ghiChu\":\"tab\\there \\\"quoted\\\" \\\\ \\u0001 \u007f </script>\",\"ten\":\"Nguyễn Thị Ánh Tuyết\"}");
    }

    @Test
    void hashes_the_canonical_bytes_without_copying_them() throws IOException {
        JsonNode input = JSON.readTree(resource("weird.input.json"));

        assertThat(Jcs.sha256(input)).isEqualTo(Sha256.digest(Jcs.canonicalize(input)));
    }

    @Test
    void can_be_called_while_another_canonicalization_is_in_progress_on_the_same_thread() {
        ObjectNode big = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < 10_000; i++) {
            big.put("k" + i, "giá trị " + i);
        }

        byte[] first = Jcs.canonicalize(big);
        byte[] second = Jcs.canonicalize(big);
        assertThat(first).isEqualTo(second).hasSizeGreaterThan(150_000);
    }

    @Test
    void rejects_nan_infinity_and_lone_surrogates() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;

        assertThatThrownBy(() -> Jcs.canonicalize(nodes.numberNode(Double.NaN)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Jcs.canonicalize(nodes.numberNode(Double.POSITIVE_INFINITY)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Jcs.canonicalize(nodes.textNode("a\ud800b")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Jcs.canonicalize(nodes.binaryNode(new byte[] {1})))
                .isInstanceOf(InvalidInputException.class);
    }
}
