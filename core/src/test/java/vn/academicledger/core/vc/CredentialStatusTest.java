package vn.academicledger.core.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;

/** Credentials carrying a {@code credentialStatus}: built, accepted, and refused when an entry is malformed. */
class CredentialStatusTest {
    private static final String SCHOOL = "did:web:thptbennghe.hcm.edu.vn";
    private static final String LIST = "https://issuer.example.vn/status-lists/79000701/3";

    private static ObjectNode statusEntry() {
        return JsonNodeFactory.instance.objectNode()
                .put("id", LIST + "#94567")
                .put("type", "BitstringStatusListEntry")
                .put("statusPurpose", "revocation")
                .put("statusListIndex", "94567")
                .put("statusListCredential", LIST);
    }

    private static ObjectNode credential(ObjectNode status) {
        return VerifiableCredential.builder()
                .type("ReportCardCredential")
                .issuer(SCHOOL)
                .validFrom(Instant.parse("2026-06-01T00:00:00Z"))
                .credentialSubject(JsonNodeFactory.instance.objectNode().put("id", "urn:uuid:1").put("name", "x"))
                .credentialStatus(status)
                .buildJson();
    }

    private static ObjectNode credentialWith(Consumer<ObjectNode> change) {
        ObjectNode json = credential(statusEntry());
        change.accept((ObjectNode) json.get("credentialStatus"));
        return json;
    }

    @Test
    void the_builder_writes_the_status_entry_after_the_subject() {
        ObjectNode json = credential(statusEntry());

        assertThat(json.get("credentialStatus")).isEqualTo(statusEntry());
        java.util.List<String> members = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(members::add);
        assertThat(members).endsWith("credentialSubject", "credentialStatus");
        assertThat(VerifiableCredential.of(json).credentialStatus()).contains(statusEntry());
    }

    @Test
    void accepts_a_list_of_entries_and_status_types_it_does_not_know() {
        ObjectNode json = credential(statusEntry());
        json.putArray("credentialStatus").add(statusEntry())
                .add(JsonNodeFactory.instance.objectNode().put("type", "SomeRegistryStatus").put("anything", 1));

        VerifiableCredential.validate(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "007", "1e3", ""})
    void refuses_an_index_that_is_not_a_plain_non_negative_integer(String index) {
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.put("statusListIndex", index))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentialStatus.statusListIndex must be a non-negative integer");
    }

    @Test
    void refuses_an_index_given_as_a_json_number() {
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.put("statusListIndex", 94567))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("base-10 string");
    }

    @Test
    void refuses_an_entry_without_its_list_or_purpose() {
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.remove("statusListCredential"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statusListCredential is missing");
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.put("statusListCredential", "lists/3"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.remove("statusPurpose"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentialStatus.statusPurpose");
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.put("statusSize", 0))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("statusSize must be a positive integer");
        assertThatThrownBy(() -> VerifiableCredential.validate(credentialWith(s -> s.remove("type"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentialStatus.type is missing");
    }

    @Test
    void names_the_entry_of_a_list_that_is_wrong() {
        ObjectNode json = credential(statusEntry());
        json.putArray("credentialStatus").add(statusEntry()).add(statusEntry().put("statusListIndex", "x"));

        assertThatThrownBy(() -> VerifiableCredential.validate(json))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentialStatus[1].statusListIndex");
    }
}
