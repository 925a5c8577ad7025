package vn.academicledger.documents.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Samples;

class PdfVerificationTest {
    final PdfVerification verification = PdfVerification.trusting(DevPki.shared().trustAnchors());

    @Test
    void an_unsigned_document_is_not_valid_and_says_it_has_no_signature() {
        PdfReport report = verification.verify(Samples.renderedReportCard(0, Samples.VI).pdf());
        assertThat(report.valid()).isFalse();
        assertThat(report.failures()).containsExactly("The PDF has no signature");
        assertThat(report.attachment().present()).isTrue();
    }

    @Test
    void a_pdf_without_the_credential_says_so() throws IOException {
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            assertThatThrownBy(() -> PdfVerification.attachedCredential(out.toByteArray()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("carries no credential.json");
            assertThat(verification.verify(out.toByteArray()).failures())
                    .contains("The PDF has no signature", "attachment: credential.json is not attached");
        }
    }

    @Test
    void bytes_that_are_not_a_pdf_are_refused() {
        assertThatThrownBy(() -> verification.verify("not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a readable PDF");
    }

    @Test
    void verification_needs_a_trust_anchor() {
        assertThatThrownBy(() -> PdfVerification.trusting(List.of())).isInstanceOf(InvalidInputException.class);
    }
}
