package vn.academicledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

class JakartaJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void converts_a_jackson_tree_to_jakarta_json_and_back_unchanged() throws Exception {
        JsonNode original = JSON.readTree("""
                {"ten": "Trần Văn Bình", "lop": "12A1", "diem": ["8.6", "9.0"], "soMon": 15,
                 "heSo": 1.5, "lon": 12345678901234567890, "dat": true, "ghiChu": null,
                 "nested": {"a": [], "b": {}}}
                """);

        JsonValue jakarta = JakartaJson.toJakarta(original);
        JsonNode back = JakartaJson.toJackson(jakarta);

        assertThat(back).isEqualTo(original);
        JsonObject object = jakarta.asJsonObject();
        assertThat(object.getString("ten")).isEqualTo("Trần Văn Bình");
        assertThat(object.getJsonNumber("soMon").isIntegral()).isTrue();
        assertThat(object.getJsonNumber("heSo").doubleValue()).isEqualTo(1.5);
        assertThat(object.getJsonNumber("lon").bigIntegerValue().toString()).isEqualTo("12345678901234567890");
    }

    @Test
    void lets_the_caller_decide_how_numbers_are_converted() throws Exception {
        JsonNode original = JSON.readTree("[1, 2.5]");

        JsonValue converted = JakartaJson.toJakarta(original, n -> JakartaJson.provider().createValue(n.asText() + "!"));

        assertThat(converted.asJsonArray().getString(0)).isEqualTo("1!");
        assertThat(converted.asJsonArray().get(1)).isNotInstanceOf(JsonNumber.class);
    }
}
