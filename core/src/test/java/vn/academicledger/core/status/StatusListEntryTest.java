package vn.academicledger.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;

class StatusListEntryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "https://issuer.example.vn/status-lists/79000701/3";

    private static ObjectNode entry(Consumer<ObjectNode> change) {
        ObjectNode json = StatusListEntry.revocation(LIST, 94_567).toJson();
        change.accept(json);
        return json;
    }

    @Test
    void writes_the_credential_status_entry_of_the_spec() throws Exception {
        ObjectNode json = StatusListEntry.revocation(LIST, 94_567).toJson();

        assertThat(json).isEqualTo(JSON.readTree("""
                {"id": "https://issuer.example.vn/status-lists/79000701/3#94567",
                 "type": "BitstringStatusListEntry",
                 "statusPurpose": "revocation",
                 "statusListIndex": "94567",
                 "statusListCredential": "https://issuer.example.vn/status-lists/79000701/3"}"""));
        assertThat(json.get("statusListIndex").isTextual()).isTrue();
    }

    @Test
    void names_a_schools_list_under_the_issuer_base_url() {
        assertThat(StatusListEntry.listUrl("https://issuer.example.vn/", "79000701", 3)).isEqualTo(LIST);
        assertThat(StatusListEntry.listUrl("http://127.0.0.1:8081", "79000701", 0))
                .isEqualTo("http://127.0.0.1:8081/status-lists/79000701/0");
        assertThatThrownBy(() -> StatusListEntry.listUrl("https://issuer.example.vn", "../x", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("school code");
        assertThatThrownBy(() -> StatusListEntry.listUrl("https://issuer.example.vn", "79000701", -1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatusListEntry.listUrl("ftp://issuer.example.vn", "79000701", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s) URL");
    }

    @Test
    void reads_back_what_it_writes() {
        StatusListEntry entry = StatusListEntry.revocation(LIST, 0);

        assertThat(StatusListEntry.fromJson(entry.toJson())).isEqualTo(entry);
        assertThat(entry.id()).isEqualTo(LIST + "#0");
        assertThat(entry.isRevocation()).isTrue();
    }

    @Test
    void reads_an_entry_without_id_and_with_status_size_1() {
        StatusListEntry entry = StatusListEntry.fromJson(entry(e -> {
            e.remove("id");
            e.put("statusSize", 1);
        }));

        assertThat(entry.statusListIndex()).isEqualTo(94_567);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "01", "1.5", "", "x", "99999999999"})
    void refuses_an_index_that_is_not_a_plain_non_negative_integer(String index) {
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.put("statusListIndex", index))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statusListIndex");
    }

    @Test
    void refuses_an_index_written_as_a_number() {
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.put("statusListIndex", 94_567))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("base-10 string");
    }

    @Test
    void refuses_a_missing_list_url_purpose_or_a_wider_status() {
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.remove("statusListCredential"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statusListCredential");
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.put("statusListCredential", "urn:uuid:1234"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.remove("statusPurpose"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statusPurpose");
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.put("statusSize", 2))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statusSize 2 is not supported");
        assertThatThrownBy(() -> StatusListEntry.fromJson(entry(e -> e.put("type", "StatusList2021Entry"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a BitstringStatusListEntry");
    }

    @Test
    void finds_the_revocation_entries_of_a_credential_among_other_statuses() {
        ObjectNode credential = JSON.createObjectNode();
        ArrayNode status = credential.putArray("credentialStatus");
        status.add(entry(e -> e.put("statusPurpose", "suspension")));
        status.add(entry(e -> { }));
        status.addObject().put("type", "SomeOtherStatus").put("statusPurpose", "revocation");

        java.util.List<JsonNode> found = StatusListEntry.entriesOf(credential, StatusListEntry.REVOCATION);

        assertThat(found).containsExactly(status.get(1));
        credential.set("credentialStatus", entry(e -> { }));
        assertThat(StatusListEntry.entriesOf(credential, StatusListEntry.REVOCATION)).hasSize(1);
        assertThat(StatusListEntry.entriesOf(JSON.createObjectNode(), StatusListEntry.REVOCATION)).isEmpty();
    }
}
