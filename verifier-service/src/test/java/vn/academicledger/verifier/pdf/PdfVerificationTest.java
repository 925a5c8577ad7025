package vn.academicledger.verifier.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.verifier.testing.Http;
import vn.academicledger.verifier.testing.TestIssuer;

/**
 * PDF uploads end to end: report cards issued on the embedded ledger in the test, rendered and
 * signed (homeroom teacher, then principal, PAdES B-LT) with the documents module's development PKI
 * in the service's data folder, whose root the service trusts by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PdfVerificationTest {
    static final Path DATA = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("verifier.data-dir", DATA::toString);
        registry.add("verifier.directory.credentials", () -> DATA.resolve("credentials").toString());
        registry.add("verifier.limits.pdf", () -> "2MB");
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
    static DevelopmentDocuments documents;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (issuer == null) {
            writer = EmbeddedLedger.open(ledger.directory());
            issuer = new TestIssuer(writer, DATA.resolve("credentials"));
            documents = DevelopmentDocuments.open(DATA);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (documents != null) {
            documents.close();
        }
        if (writer != null) {
            writer.close();
        }
        FileSystemUtils.deleteRecursively(DATA);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("verifier-pdf");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] signedPdf(ObjectNode credential) {
        QrPayload qr = QrPayload.of("http://127.0.0.1:" + port, TestIssuer.uuidOf(credential), tokens.tokenFor(TestIssuer.uuidOf(credential)));
        return documents.signedReportCard(issuer.recordOf(credential), credential, Locale.forLanguageTag("vi"), qr);
    }

    private static String statusOf(JsonNode response, String check) {
        for (JsonNode c : response.path("checks")) {
            if (c.path("check").asText().equals(check)) {
                return c.path("status").asText();
            }
        }
        return "ABSENT";
    }

    @Test
    void a_signed_report_card_is_valid_with_its_signatures_and_its_credential_checked() {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

        Http.Response response = http.upload("/api/v1/pdf/verify", "file", "hoc-ba.pdf", signedPdf(credential), "application/json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("verdict").asText()).as(response.body()).isEqualTo("VALID");
        assertThat(statusOf(body, "pdf-signature")).isEqualTo("PASSED");
        assertThat(statusOf(body, "pdf-credential")).isEqualTo("PASSED");
        assertThat(statusOf(body, "anchored")).isEqualTo("PASSED");
        assertThat(response.body()).contains("PAdES-BASELINE-LT", "Phạm Thị Thanh Hương");
    }

    @Test
    void a_pdf_with_one_changed_byte_is_not_valid() {
        byte[] pdf = signedPdf(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));
        int at = pdf.length / 3;
        pdf[at] = (byte) (pdf[at] ^ 0x01);

        Http.Response response = http.upload("/api/v1/pdf/verify", "file", "x.pdf", pdf, "application/json");

        assertThat(response.status()).isIn(200, 400);
        if (response.status() == 200) {
            assertThat(response.json().path("verdict").asText()).isEqualTo("NOT_VALID");
            assertThat(statusOf(response.json(), "pdf-signature")).isEqualTo("FAILED");
        }
        assertThat(response.body()).doesNotContain("\"verdict\":\"VALID\"");
    }

    @Test
    void a_signed_pdf_of_a_revoked_credential_is_not_valid() {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
        byte[] pdf = signedPdf(credential);
        issuer.revoke(credential, "ISSUED_IN_ERROR");

        JsonNode body = http.upload("/api/v1/pdf/verify", "file", "x.pdf", pdf, "application/json").json();

        assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
        assertThat(statusOf(body, "pdf-signature")).isEqualTo("PASSED");
        assertThat(statusOf(body, "not-revoked")).isEqualTo("FAILED");
    }

    @Test
    void a_file_that_is_not_a_pdf_gets_400_saying_so() {
        Http.Response response = http.upload("/api/v1/pdf/verify", "file", "photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2},
                "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("NOT_A_PDF");
    }

    @Test
    void a_truncated_pdf_gets_a_clear_answer_never_valid() {
        byte[] pdf = signedPdf(issuer.reportCard(Cryptosuite.EDDSA_JCS_2022));
        byte[] half = java.util.Arrays.copyOf(pdf, pdf.length / 2);

        Http.Response response = http.upload("/api/v1/pdf/verify", "file", "half.pdf", half, "application/json");

        assertThat(response.status()).isIn(200, 400);
        assertThat(response.body()).doesNotContain("\"verdict\":\"VALID\"");
    }

    @Test
    void a_file_over_the_limit_gets_413() {
        byte[] big = new byte[3 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);

        Http.Response response = http.upload("/api/v1/pdf/verify", "file", "big.pdf", big, "application/json");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void the_upload_page_shows_the_verdict_the_pdf_checks_and_the_record() {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

        Http.Response page = http.upload("/pdf", "file", "hoc-ba.pdf", signedPdf(credential), "text/html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("HỢP LỆ", "Chữ ký số trên tệp PDF", "Tệp PDF khớp chứng chỉ đính kèm",
                credential.at("/credentialSubject/fullName").asText());
    }
}
