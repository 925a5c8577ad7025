package vn.academicledger.core.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;

class VerifiableCredentialTest {
    private static final String SCHOOL = "did:web:truong-thpt-le-quy-don.hcm.edu.vn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode subject() {
        return JsonNodeFactory.instance.objectNode()
                .put("id", "urn:uuid:6b1d6c2e-94a4-4b7c-9d3f-000000000001")
                .put("type", "Student")
                .put("fullName", "Lê Minh Khôi")
                .put("birthDate", "2008-09-02");
    }

    private static CredentialBuilder reportCard() {
        return VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .type("ReportCardCredential")
                .issuer(SCHOOL, "Trường THPT Lê Quý Đôn")
                .name("Học bạ năm học 2024-2025", "Report card, school year 2024-2025")
                .description("Kết quả học tập và rèn luyện", "Learning and conduct results")
                .validFrom(OffsetDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7)))
                .validUntil(Instant.parse("2075-06-01T00:00:00Z"))
                .credentialSubject(subject());
    }

    @Nested
    class Building {
        @Test
        void builds_a_vc_2_0_report_card() {
            ObjectNode json = reportCard().id("urn:uuid:0f0c5a4e-2c1b-4d7e-8a6f-000000000001").buildJson();

            assertThat(json.get("@context").toString()).isEqualTo(
                    "[\"https://www.w3.org/ns/credentials/v2\",\"https://w3id.org/academic-ledger/v1\"]");
            assertThat(json.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"ReportCardCredential\"]");
            assertThat(json.get("id").textValue()).isEqualTo("urn:uuid:0f0c5a4e-2c1b-4d7e-8a6f-000000000001");
            assertThat(json.get("issuer").toString()).isEqualTo(
                    "{\"id\":\"" + SCHOOL + "\",\"name\":{\"@value\":\"Trường THPT Lê Quý Đôn\",\"@language\":\"vi\"}}");
            assertThat(json.get("name").toString()).isEqualTo("[{\"@value\":\"Học bạ năm học 2024-2025\",\"@language\":\"vi\"},"
                    + "{\"@value\":\"Report card, school year 2024-2025\",\"@language\":\"en\"}]");
            assertThat(json.get("validFrom").textValue()).isEqualTo("2025-06-01T00:00:00+07:00");
            assertThat(json.get("validUntil").textValue()).isEqualTo("2075-06-01T00:00:00Z");
            assertThat(json.get("credentialSubject").get("fullName").textValue()).isEqualTo("Lê Minh Khôi");
        }

        @Test
        void gives_each_credential_a_random_urn_uuid() {
            String first = reportCard().build().id().orElseThrow();
            String second = reportCard().build().id().orElseThrow();

            assertThat(first).matches("urn:uuid:[0-9a-f-]{36}").isNotEqualTo(second);
        }

        @Test
        void reads_back_what_it_built() {
            ObjectNode status = JsonNodeFactory.instance.objectNode()
                    .put("id", "https://so-gddt.hcm.edu.vn/status/1#94567")
                    .put("type", "BitstringStatusListEntry")
                    .put("statusPurpose", "revocation")
                    .put("statusListIndex", "94567")
                    .put("statusListCredential", "https://so-gddt.hcm.edu.vn/status/1");
            VerifiableCredential credential = reportCard().credentialStatus(status).build();

            assertThat(credential.types()).containsExactly("VerifiableCredential", "ReportCardCredential");
            assertThat(credential.issuer()).isEqualTo(SCHOOL);
            assertThat(credential.validFrom()).contains(Instant.parse("2025-05-31T17:00:00Z"));
            assertThat(credential.validUntil()).contains(Instant.parse("2075-06-01T00:00:00Z"));
            assertThat(credential.credentialSubject().get("birthDate").textValue()).isEqualTo("2008-09-02");
            assertThat(credential.credentialStatus()).isPresent();
            assertThat(credential.proofs()).isEmpty();
            assertThat(VerifiableCredential.parse(credential.toJson())).isEqualTo(credential);
        }

        @Test
        void keeps_a_bare_issuer_did_when_no_name_is_given() {
            assertThat(reportCard().issuer(SCHOOL).buildJson().get("issuer").textValue()).isEqualTo(SCHOOL);
        }

        @Test
        void refuses_to_build_without_issuer_or_subject() {
            assertThatThrownBy(() -> VerifiableCredential.builder().credentialSubject(subject()).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("issuer is missing");
            assertThatThrownBy(() -> VerifiableCredential.builder().issuer(SCHOOL).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentialSubject is missing");
        }

        @Test
        void refuses_a_language_value_without_a_language_tag() {
            assertThatThrownBy(() -> new LanguageValue("Học bạ", "tiếng việt"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("BCP 47");
        }
    }

    @Nested
    class Validating {
        private ObjectNode valid() {
            return reportCard().buildJson();
        }

        private void assertRejected(Consumer<ObjectNode> change, String reason) {
            ObjectNode json = valid();
            change.accept(json);
            assertThatThrownBy(() -> VerifiableCredential.of(json))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
                    .hasMessageContaining(reason);
        }

        @Test
        void accepts_what_the_builder_makes() {
            VerifiableCredential.validate(valid());
        }

        @Test
        void requires_the_vc_2_0_context_first() {
            assertRejected(j -> j.remove("@context"), "@context is missing");
            assertRejected(j -> j.putArray("@context").add("https://w3id.org/academic-ledger/v1"),
                    "first @context entry must be https://www.w3.org/ns/credentials/v2");
            assertRejected(j -> j.putArray("@context").add("https://www.w3.org/2018/credentials/v1"),
                    "VC Data Model 1.1 credential");
        }

        @Test
        void requires_the_verifiable_credential_type() {
            assertRejected(j -> j.remove("type"), "type is missing");
            assertRejected(j -> j.put("type", "ReportCardCredential"), "must include \"VerifiableCredential\"");
            assertRejected(j -> j.putArray("type").add("VerifiableCredential").add(3), "type[1] must be a non-empty string");
        }

        @Test
        void requires_an_issuer_url() {
            assertRejected(j -> j.remove("issuer"), "issuer is missing");
            assertRejected(j -> j.put("issuer", "Trường THPT Lê Quý Đôn"), "issuer must be an absolute URL");
            assertRejected(j -> j.putObject("issuer").put("name", "Trường"), "issuer is an object without an id");
        }

        @Test
        void requires_a_subject_with_claims() {
            assertRejected(j -> j.remove("credentialSubject"), "credentialSubject is missing");
            assertRejected(j -> j.putObject("credentialSubject"), "must be a non-empty object of claims");
            assertRejected(j -> j.put("credentialSubject", "Lê Minh Khôi"), "credentialSubject must be an object");
            assertRejected(j -> j.putObject("credentialSubject").put("id", "did:key:z6Mkabc"), "needs at least one claim");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025-06-01", "01/06/2025", "2025-06-01T00:00:00", "2025-02-30T00:00:00Z", "2025-06-01 00:00:00Z"})
        void requires_dates_as_xml_schema_date_time_stamps(String date) {
            assertRejected(j -> j.put("validFrom", date), "validFrom must be an XML Schema dateTimeStamp");
        }

        @Test
        void refuses_a_credential_that_expires_before_it_starts() {
            assertRejected(j -> j.put("validUntil", "2025-05-01T00:00:00Z"), "cannot expire before it starts");
        }

        @Test
        void refuses_vc_1_1_date_properties_and_says_what_to_use() {
            assertRejected(j -> j.put("issuanceDate", "2025-06-01T00:00:00Z"), "use 'validFrom'");
        }

        @Test
        void checks_language_values_status_and_id() {
            assertRejected(j -> j.putObject("name").put("@value", "Học bạ").put("@lang", "vi"), "may only hold @value");
            assertRejected(j -> j.putObject("credentialStatus").put("id", "https://a.vn/1"), "credentialStatus.type is missing");
            assertRejected(j -> j.put("id", "12345"), "id must be an absolute URL");
        }

        @Test
        void refuses_json_that_is_not_an_object_or_has_duplicate_names() {
            assertThatThrownBy(() -> VerifiableCredential.parse("[]")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> VerifiableCredential.parse("{\"id\": \"urn:a\", \"id\": \"urn:b\"}"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Duplicate");
        }
    }

    @Test
    void formats_and_parses_xml_schema_date_times() {
        assertThat(XsdDateTime.format(Instant.parse("2023-02-24T23:36:38Z"))).isEqualTo("2023-02-24T23:36:38Z");
        assertThat(XsdDateTime.format(Instant.parse("2023-02-24T23:36:38.250Z"))).isEqualTo("2023-02-24T23:36:38.25Z");
        assertThat(XsdDateTime.tryParse("2025-06-01T24:00:00Z")).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
        assertThat(XsdDateTime.isValid("2025-06-01T07:00:00+07:00")).isTrue();
        assertThat(XsdDateTime.isValid("2025-06-01T07:00:00+15:00")).isFalse();
    }

    @Test
    void keeps_its_json_private() throws Exception {
        ObjectNode json = reportCard().buildJson();
        VerifiableCredential credential = VerifiableCredential.of(json);

        json.put("issuer", "did:web:someone-else.vn");
        credential.json().put("issuer", "did:web:someone-else.vn");

        assertThat(credential.issuer()).isEqualTo(SCHOOL);
        assertThat(JSON.readTree(credential.toJson()).get("issuer").get("id").textValue()).isEqualTo(SCHOOL);
    }
}
