package vn.academicledger.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.proof.ProofResult;
import vn.academicledger.core.proof.VerificationReport;

class StatusListCredentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "https://issuer.example.vn/status-lists/79000701/3";
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    private final Ed25519KeyPair key = Ed25519KeyPair.generate();
    private final String school = DidKey.did(key.publicKey());

    private ObjectNode unsigned(Bitstring bits) {
        return StatusListCredential.builder(LIST, school)
                .list(bits)
                .validFrom(NOW)
                .validUntil(NOW.plus(Duration.ofDays(1)))
                .buildJson();
    }

    private ObjectNode signed(Cryptosuite suite, Bitstring bits) {
        return new DataIntegritySigner().sign(unsigned(bits),
                ProofOptions.assertion(suite, DidKey.verificationMethodId(key.publicKey()), NOW), key);
    }

    @Nested
    class Building {
        @Test
        void writes_a_bitstring_status_list_credential_as_the_spec_shapes_it() throws Exception {
            ObjectNode json = unsigned(new Bitstring());

            assertThat(json).isEqualTo(JSON.readTree("""
                    {"@context": ["https://www.w3.org/ns/credentials/v2"],
                     "id": "https://issuer.example.vn/status-lists/79000701/3",
                     "type": ["VerifiableCredential", "BitstringStatusListCredential"],
                     "issuer": "%s",
                     "validFrom": "2026-11-25T00:00:00Z",
                     "validUntil": "2026-11-26T00:00:00Z",
                     "credentialSubject": {
                       "id": "https://issuer.example.vn/status-lists/79000701/3#list",
                       "type": "BitstringStatusList",
                       "statusPurpose": "revocation",
                       "encodedList": "%s"}}""".formatted(school, new Bitstring().encode())));
        }

        @Test
        void writes_the_issuers_name_and_a_ttl_in_milliseconds_when_given() {
            ObjectNode json = StatusListCredential.builder(LIST, school).issuerName("Trường THPT Bến Nghé")
                    .ttl(Duration.ofMinutes(5)).buildJson();

            assertThat(json.at("/issuer/id").asText()).isEqualTo(school);
            assertThat(json.at("/issuer/name/@value").asText()).isEqualTo("Trường THPT Bến Nghé");
            assertThat(json.at("/credentialSubject/ttl").asLong()).isEqualTo(300_000);
        }

        @Test
        void copies_the_bits_when_built_so_later_revocations_do_not_leak_in() {
            Bitstring bits = new Bitstring();
            StatusListCredential.Builder builder = StatusListCredential.builder(LIST, school).list(bits);
            bits.set(3, true);

            assertThat(StatusListCredential.read(builder.buildJson()).isSet(3)).isFalse();
        }

        @Test
        void refuses_a_list_url_that_is_not_http_or_has_a_fragment() {
            assertThatThrownBy(() -> StatusListCredential.builder("urn:uuid:1", school))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> StatusListCredential.builder(LIST + "#list", school))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no #fragment");
        }
    }

    @Nested
    class Signing {
        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void signs_a_list_that_verifies_with_the_cryptosuite(Cryptosuite suite) {
            ObjectNode list = signed(suite, new Bitstring().set(94_567, true));

            VerificationReport report = new DataIntegrityVerifier(DidResolver.didKey()).verify(list);

            assertThat(report.verified()).as(report.toString()).isTrue();
            assertThat(report.proofs().get(0).cryptosuite()).isEqualTo(suite.id());
        }

        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void a_bit_cleared_after_signing_breaks_the_signature(Cryptosuite suite) {
            ObjectNode list = signed(suite, new Bitstring().set(94_567, true));
            ((ObjectNode) list.get("credentialSubject")).put("encodedList", new Bitstring().encode());

            VerificationReport report = new DataIntegrityVerifier(DidResolver.didKey()).verify(list);

            assertThat(report.proofs().get(0).outcome()).isEqualTo(ProofResult.Outcome.SIGNATURE_MISMATCH);
        }
    }

    @Nested
    class Reading {
        @Test
        void reads_the_list_its_issuer_purposes_and_validity() {
            StatusListCredential list = StatusListCredential.read(signed(Cryptosuite.EDDSA_JCS_2022,
                    new Bitstring().set(94_567, true)));

            assertThat(list.id()).isEqualTo(LIST);
            assertThat(list.issuer()).isEqualTo(school);
            assertThat(list.statusPurposes()).containsExactly("revocation");
            assertThat(list.size()).isEqualTo(131_072);
            assertThat(list.isSet(94_567)).isTrue();
            assertThat(list.isSet(94_566)).isFalse();
            assertThat(list.validFrom()).contains(NOW);
            assertThat(list.validUntil()).contains(NOW.plus(Duration.ofDays(1)));
        }

        @Test
        void accepts_several_purposes_and_no_validity_period() {
            ObjectNode json = StatusListCredential.builder(LIST, school).buildJson();
            ((ObjectNode) json.get("credentialSubject")).putArray("statusPurpose").add("revocation").add("suspension");

            StatusListCredential list = StatusListCredential.read(json);

            assertThat(list.statusPurposes()).isEqualTo(List.of("revocation", "suspension"));
            assertThat(list.validUntil()).isEqualTo(Optional.empty());
        }

        @Test
        void refuses_a_credential_that_is_not_a_status_list() {
            ObjectNode json = unsigned(new Bitstring());
            json.putArray("type").add("VerifiableCredential").add("ReportCardCredential");

            assertThatThrownBy(() -> StatusListCredential.read(json)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("does not include BitstringStatusListCredential");
        }

        @Test
        void refuses_a_list_without_an_id_or_a_subject_of_another_type() {
            ObjectNode noId = unsigned(new Bitstring());
            noId.remove("id");
            ObjectNode otherSubject = unsigned(new Bitstring());
            ((ObjectNode) otherSubject.get("credentialSubject")).put("type", "StatusList2021");

            assertThatThrownBy(() -> StatusListCredential.read(noId)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("no id");
            assertThatThrownBy(() -> StatusListCredential.read(otherSubject)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("credentialSubject.type must be BitstringStatusList");
        }

        @Test
        void refuses_a_missing_purpose_or_a_malformed_encoded_list() {
            ObjectNode noPurpose = unsigned(new Bitstring());
            ((ObjectNode) noPurpose.get("credentialSubject")).remove("statusPurpose");
            ObjectNode badList = unsigned(new Bitstring());
            ((ObjectNode) badList.get("credentialSubject")).put("encodedList", "H4sIAAAA");

            assertThatThrownBy(() -> StatusListCredential.read(noPurpose)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("statusPurpose");
            assertThatThrownBy(() -> StatusListCredential.read(badList)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("multibase prefix 'u'");
        }

        @Test
        void refuses_what_is_not_a_vc_2_0_credential() {
            assertThatThrownBy(() -> StatusListCredential.read(JSON.createArrayNode()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
            assertThatThrownBy(() -> StatusListCredential.read(JSON.createObjectNode()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Not a status list credential");
        }
    }
}
