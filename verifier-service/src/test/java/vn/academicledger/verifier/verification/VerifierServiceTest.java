package vn.academicledger.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.ledger.embedded.ChainHead;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.verifier.testing.Http;
import vn.academicledger.verifier.testing.Presentations;
import vn.academicledger.verifier.testing.TestIssuer;

/**
 * The whole service on a random port over the embedded ledger, with credentials issued in the test:
 * every endpoint over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifierServiceTest {
    static final Path DATA = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("verifier.data-dir", DATA::toString);
        registry.add("verifier.directory.credentials", () -> DATA.resolve("credentials").toString());
        registry.add("verifier.rate-limit.burst", () -> "100000");
    }

    @AfterAll
    static void removeData() throws IOException {
        if (writer != null) {
            writer.close();
        }
        FileSystemUtils.deleteRecursively(DATA);
    }

    @LocalServerPort
    int port;
    /** The ledger the service follows, read-only. */
    @Autowired
    EmbeddedLedger ledger;
    /** Its writer: the test writes the ledger as the issuer service would, in a writer of its own. */
    static EmbeddedLedger writer;
    @Autowired
    AccessTokens tokens;

    static TestIssuer issuer;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
        synchronized (VerifierServiceTest.class) {
            if (issuer == null) {
                writer = EmbeddedLedger.open(ledger.directory());
                issuer = new TestIssuer(writer, DATA.resolve("credentials"));
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("verifier-service-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statusOf(JsonNode response, String check) {
        for (JsonNode c : response.path("checks")) {
            if (c.path("check").asText().equals(check)) {
                return c.path("status").asText();
            }
        }
        return "ABSENT";
    }

    @Nested
    class TheCredentialApi {
        @Test
        void finds_a_report_card_signed_with_eddsa_jcs_2022_valid_with_every_check_passed() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

            Http.Response response = http.postJson("/api/v1/verify", credential);

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("verdict").asText()).as(response.body()).isEqualTo("VALID");
            for (String check : List.of("structure", "proof", "issuer-accredited", "anchored", "not-revoked", "not-expired",
                    "results-consistent")) {
                assertThat(statusOf(body, check)).as(check).isEqualTo("PASSED");
            }
            JsonNode anchored = body.at("/checks/3/details");
            assertThat(anchored.path("batchId").asText()).startsWith(issuer.schoolCode() + "-test-");
            assertThat(anchored.path("transactionId").asText()).hasSize(64);
            assertThat(anchored.has("block")).isTrue();
            assertThat(anchored.has("anchoredAt")).isTrue();
            assertThat(body.at("/freshness/issuerAndRevocationMaxAgeSeconds").asLong()).isZero();
        }

        @Test
        void finds_a_report_card_signed_with_eddsa_rdfc_2022_valid() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_RDFC_2022);

            JsonNode body = http.postJson("/api/v1/verify", credential).json();

            assertThat(body.path("verdict").asText()).isEqualTo("VALID");
            assertThat(body.at("/checks/1/details/cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        }

        @Test
        void finds_a_changed_grade_not_valid_naming_the_signature_and_the_anchor() {
            ObjectNode tampered = TestIssuer.withChangedGrade(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));

            JsonNode body = http.postJson("/api/v1/verify", tampered).json();

            assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
            assertThat(body.path("valid").asBoolean()).isFalse();
            assertThat(statusOf(body, "proof")).isEqualTo("FAILED");
            assertThat(statusOf(body, "anchored")).isEqualTo("FAILED");
        }

        @Test
        void sees_a_revocation_made_after_an_earlier_check_at_once() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            assertThat(http.postJson("/api/v1/verify", credential).json().path("verdict").asText()).isEqualTo("VALID");

            issuer.revoke(credential, "ISSUED_IN_ERROR");
            JsonNode body = http.postJson("/api/v1/verify", credential).json();

            assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
            assertThat(statusOf(body, "not-revoked")).isEqualTo("FAILED");
            assertThat(body.at("/checks/4/details/reasonCode").asText()).isEqualTo("ISSUED_IN_ERROR");
        }

        @Test
        void finds_a_credential_from_an_unknown_issuer_not_valid_because_it_is_not_accredited() {
            JsonNode body = http.postJson("/api/v1/verify", issuer.fromUnknownIssuer()).json();

            assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
            assertThat(statusOf(body, "proof")).isEqualTo("PASSED"); // did:key verifies by itself...
            assertThat(statusOf(body, "issuer-accredited")).isEqualTo("FAILED"); // ...but nobody accredited it
            assertThat(statusOf(body, "anchored")).isEqualTo("FAILED");
        }

        @Test
        void answers_json_that_is_no_credential_with_a_failed_structure_check_not_an_error() {
            JsonNode body = http.postJson("/api/v1/verify", "{\"hello\": \"world\"}").json();

            assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
            assertThat(statusOf(body, "structure")).isEqualTo("FAILED");
        }

        @Test
        void answers_malformed_json_with_400_problem_details_naming_line_and_column() {
            Http.Response response = http.postJson("/api/v1/verify", "{\"@context\": [\n  \"https://www.w3.org/ns/credentials/v2\",,");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("code").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(problem.path("detail").asText()).contains("line 2");
            assertThat(problem.path("type").asText()).endsWith("/problems#malformed-json");
            assertThat(response.body()).doesNotContain("VALID");
        }

        @Test
        void refuses_a_body_over_the_limit_with_413() {
            String big = "{\"padding\": \"" + "x".repeat(600 * 1024) + "\"}";

            Http.Response response = http.postJson("/api/v1/verify", big);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }

        @Test
        void follows_the_embedded_ledger_read_only_and_sees_a_batch_anchored_after_it_started() {
            assertThat(ledger.readOnly()).isTrue();
            ChainHead before = ledger.head();

            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

            assertThat(ledger.head().blockNumber()).isGreaterThan(before.blockNumber());
            assertThat(http.postJson("/api/v1/verify", credential).json().path("verdict").asText()).isEqualTo("VALID");
            assertThatThrownBy(() -> ledger.connect(ClientIdentity.departmentAdmin("admin@test"))
                    .suspendIssuer(issuer.schoolCode(), "UNDER_INVESTIGATION"))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.READ_ONLY));
        }
    }

    @Nested
    class TheQrPage {
        @Test
        void shows_the_verdict_and_each_check_without_personal_data() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            String name = credential.at("/credentialSubject/fullName").asText();

            Http.Response page = http.get("/v/" + TestIssuer.uuidOf(credential), "text/html");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("HỢP LỆ", "Chữ ký số của đơn vị cấp", "Đã neo trên sổ cái", "Chưa bị thu hồi")
                    .doesNotContain(name);
        }

        @Test
        void shows_the_record_summary_only_with_the_access_token_of_that_credential() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            ObjectNode other = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            UUID id = TestIssuer.uuidOf(credential);
            String name = credential.at("/credentialSubject/fullName").asText();

            Http.Response withToken = http.postForm("/v/" + id + "/record", "t=" + tokens.tokenFor(id));
            Http.Response withOthersToken = http.postForm("/v/" + id + "/record", "t=" + tokens.tokenFor(TestIssuer.uuidOf(other)));
            Http.Response forged = http.postForm("/v/" + id + "/record", "t=AAAAAAAAAAAAAAAAAAAAAA");

            assertThat(withToken.status()).isEqualTo(200);
            assertThat(withToken.body()).contains(name, "Toán");
            assertThat(withOthersToken.status()).isEqualTo(403);
            assertThat(withOthersToken.body()).doesNotContain(name);
            assertThat(forged.status()).isEqualTo(403);
        }

        @Test
        void answers_an_unknown_code_with_404_and_a_malformed_one_with_400() {
            assertThat(http.get("/v/" + UUID.randomUUID(), "text/html").status()).isEqualTo(404);
            Http.Response malformed = http.get("/v/not-a-code", "application/json");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().path("code").asText()).isEqualTo("INVALID_INPUT");
        }

        @Test
        void speaks_english_when_asked() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

            Http.Response page = http.get("/v/" + TestIssuer.uuidOf(credential) + "?lang=en", "text/html");

            assertThat(page.body()).contains("VALID", "Issuer&#39;s digital signature", "Anchored on the ledger");
        }
    }

    @Nested
    class TheQrApi {
        @Test
        void verifies_what_a_scanned_code_points_to_and_opens_the_record_with_its_token() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            UUID id = TestIssuer.uuidOf(credential);
            String qr = "https://verify.hcm.edu.vn/v/" + id + "#t=" + tokens.tokenFor(id);

            JsonNode body = http.postJson("/api/v1/qr", "{\"qr\": \"" + qr + "\"}").json();

            assertThat(body.at("/verification/verdict").asText()).isEqualTo("VALID");
            assertThat(body.path("accessToken").asText()).isEqualTo("ACCEPTED");
            assertThat(body.at("/record/facts/0/value").asText()).isEqualTo(credential.at("/credentialSubject/fullName").asText());
        }

        @Test
        void keeps_the_record_closed_for_a_token_reused_from_another_credential() {
            UUID id = TestIssuer.uuidOf(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));
            UUID other = TestIssuer.uuidOf(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));

            JsonNode body = http.postJson("/api/v1/qr", "{\"qr\": \"https://x.vn/v/" + id + "#t=" + tokens.tokenFor(other) + "\"}")
                    .json();

            assertThat(body.path("accessToken").asText()).isEqualTo("REJECTED");
            assertThat(body.has("record")).isFalse();
        }

        @Test
        void answers_a_payload_that_is_no_verification_link_with_400() {
            Http.Response response = http.postJson("/api/v1/qr", "{\"qr\": \"WIFI:S:cafe;T:WPA;P:secret;;\"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("detail").asText()).contains("not a verification link");
        }
    }

    @Nested
    class TheVcApi {
        @Test
        void verifies_a_credential_with_200_and_verified_true() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_RDFC_2022);

            Http.Response response = http.postJson("/credentials/verify", "{\"verifiableCredential\": " + credential + ", \"options\": {}}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("verified").asBoolean()).isTrue();
            assertThat(response.json().path("errors")).isEmpty();
            assertThat(response.json().path("checks").toString()).contains("proof", "anchored");
        }

        @Test
        void answers_a_tampered_credential_with_200_verified_false_and_problem_details() {
            ObjectNode tampered = TestIssuer.withChangedGrade(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));

            Http.Response response = http.postJson("/credentials/verify", "{\"verifiableCredential\": " + tampered + "}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("verified").asBoolean()).isFalse();
            assertThat(response.json().at("/problemDetails/0/type").asText()).endsWith("CRYPTOGRAPHIC_SECURITY_ERROR");
        }

        @Test
        void answers_a_request_without_a_credential_with_400() {
            Http.Response response = http.postJson("/credentials/verify", "{\"credential\": {}}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("detail").asText()).contains("verifiableCredential");
        }

        @Test
        void verifies_a_presentation_signed_by_its_holder_for_the_given_challenge_and_domain() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            ObjectNode vp = Presentations.signed(Ed25519KeyPair.generate(), List.of(credential), "c-123", "tuyensinh.example.vn");

            Http.Response response = http.postJson("/presentations/verify", Presentations.request(vp, "c-123", "tuyensinh.example.vn"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("verified").asBoolean()).as(response.body()).isTrue();
            assertThat(response.json().path("checks").toString()).contains("presentation-proof", "challenge", "domain", "holder");
            assertThat(response.json().at("/credentialResults/0/verdict").asText()).isEqualTo("VALID");
        }

        @Test
        void refuses_a_presentation_replayed_for_another_challenge_or_domain() {
            ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
            ObjectNode vp = Presentations.signed(Ed25519KeyPair.generate(), List.of(credential), "c-123", "a.example.vn");

            JsonNode otherChallenge = http.postJson("/presentations/verify", Presentations.request(vp, "c-999", "a.example.vn")).json();
            JsonNode otherDomain = http.postJson("/presentations/verify", Presentations.request(vp, "c-123", "b.example.vn")).json();

            assertThat(otherChallenge.path("verified").asBoolean()).isFalse();
            assertThat(otherChallenge.path("errors").toString()).contains("challenge");
            assertThat(otherDomain.path("verified").asBoolean()).isFalse();
            assertThat(otherDomain.path("errors").toString()).contains("domain");
        }

        @Test
        void refuses_a_presentation_whose_credential_was_changed_after_the_holder_signed() {
            ObjectNode tampered = TestIssuer.withChangedGrade(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));
            ObjectNode vp = Presentations.signed(Ed25519KeyPair.generate(), List.of(tampered), "c-1", null);

            JsonNode body = http.postJson("/presentations/verify", Presentations.request(vp, "c-1", null)).json();

            assertThat(body.path("verified").asBoolean()).isFalse();
            assertThat(body.path("errors").toString()).contains("verifiableCredential[0].proof");
        }

        @Test
        void asks_for_the_challenge_of_a_signed_presentation_with_400() {
            ObjectNode vp = Presentations.signed(Ed25519KeyPair.generate(), List.of(), "c-1", null);

            Http.Response response = http.postJson("/presentations/verify", Presentations.request(vp, null, null));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("detail").asText()).contains("options.challenge is required");
        }
    }

    @Nested
    class TheDocumentation {
        @Test
        void describes_every_endpoint_in_openapi() {
            JsonNode api = http.get("/v3/api-docs", "application/json").json();

            assertThat(api.path("paths").has("/api/v1/verify")).isTrue();
            assertThat(api.path("paths").has("/credentials/verify")).isTrue();
            assertThat(api.path("paths").has("/presentations/verify")).isTrue();
            assertThat(api.path("paths").has("/api/v1/qr")).isTrue();
            assertThat(api.path("paths").has("/api/v1/pdf/verify")).isTrue();
            assertThat(api.path("paths").has("/v/{code}")).isTrue();
            assertThat(api.path("paths").has("/v/{code}/record")).isTrue();
        }

        @Test
        void serves_swagger_ui_from_the_jar() {
            assertThat(http.get("/swagger-ui/index.html", "text/html").status()).isEqualTo(200);
        }
    }
}
