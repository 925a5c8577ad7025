package vn.academicledger.issuer.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.verify.PdfReport;
import vn.academicledger.documents.verify.PdfVerification;
import vn.academicledger.issuer.revocation.IssuedReportCards;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

class PdfExtractTest extends IssuerServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private String pdfPath(Object id, String lang) {
        return "/api/v1/schools/" + SCHOOL_A + "/credentials/" + id + "/pdf" + (lang == null ? "" : "?lang=" + lang);
    }

    @Test
    void an_anchored_report_card_comes_as_a_signed_pdf_with_the_credential_and_its_receipt_attached() throws Exception {
        IssuedReportCards.Issued card = IssuedReportCards.issue(api(), jdbc, 1).get(0);
        IssuedReportCards.awaitAnchored(jdbc, card.id());

        ApiClient.Response response = api().get("bennghe.issuer", pdfPath(card.id(), "en"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(response.header("Content-Disposition")).contains("report-card-" + card.id() + ".pdf");
        byte[] pdf = response.raw().body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        JsonNode attached = JSON.readTree(PdfVerification.attachedCredential(pdf));
        assertThat(attached.get("id").asText()).isEqualTo("urn:uuid:" + card.id());
        assertThat(attached.get("proof").toString()).contains("MerkleInclusionProof");
        try (DevelopmentDocuments pki = DevelopmentDocuments.open(dataFolder())) {
            PdfReport report = pki.verification().verify(pdf);
            assertThat(report.valid()).as(report.failures().toString()).isTrue();
            assertThat(report.signatures()).hasSize(2);
        }
        assertThat(jdbc.sql("select details->>'lang' from audit_log where action = 'PDF_EXTRACTED' and target = ? and outcome = 'SUCCESS'")
                .param(card.id().toString()).query(String.class).single()).isEqualTo("en");
    }

    @Test
    void a_revoked_credential_gets_no_new_pdf_and_other_schools_and_languages_are_refused() throws Exception {
        IssuedReportCards.Issued card = IssuedReportCards.issue(api(), jdbc, 1).get(0);

        assertThat(api().get("bennghe.issuer", pdfPath(card.id(), "fr")).json().get("code").asText()).isEqualTo("UNSUPPORTED_LANGUAGE");
        assertThat(api().get("thuthiem.issuer", pdfPath(card.id(), null)).status()).isEqualTo(404);
        assertThat(api().get(null, pdfPath(card.id(), null)).status()).isEqualTo(401);
        assertThat(api().post("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/credentials/" + card.id() + "/revoke",
                Map.of("reasonCode", "SUPERSEDED")).status()).isEqualTo(200);

        ApiClient.Response revoked = api().get("bennghe.principal", pdfPath(card.id(), "vi"));

        assertThat(revoked.status()).isEqualTo(409);
        assertThat(revoked.json().get("code").asText()).isEqualTo("CREDENTIAL_REVOKED");
    }
}
