package vn.academicledger.documents.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.PadesSigner;
import vn.academicledger.documents.sign.SignatureLevel;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Samples;

/** veraPDF, an independent PDF/A validator, checks the documents against PDF/A-3b, before and after signing. */
class PdfAConformanceTest {
    @BeforeAll
    static void initialise() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void report_cards_and_diplomas_in_both_languages_conform_to_pdf_a_3b() throws Exception {
        for (Locale lang : List.of(Samples.VI, Locale.ENGLISH)) {
            assertThat(violations(Samples.renderedReportCard(0, lang).pdf())).as("report card " + lang).isEmpty();
            assertThat(violations(Samples.renderedDiploma(0, lang).pdf())).as("diploma " + lang).isEmpty();
        }
    }

    @Test
    void a_report_card_signed_twice_at_b_lt_still_conforms() throws Exception {
        DevPki pki = DevPki.shared();
        try (LocalTimestampAuthority tsa = pki.timestampAuthority()) {
            PadesSigner signer = new PadesSigner(tsa, pki.revocationSource());
            byte[] once = signer.sign(Samples.renderedReportCard(3, Samples.VI).pdf(), pki.homeroomTeacherSigner(),
                    SignatureLevel.PADES_BASELINE_LT);
            byte[] twice = signer.sign(once, pki.principal(), SignatureLevel.PADES_BASELINE_LT);
            assertThat(violations(twice)).isEmpty();
        }
    }

    @Test
    void the_check_is_not_vacuous_a_plain_pdfbox_document_fails_it() throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);
            assertThat(violations(out.toByteArray())).isNotEmpty();
        }
    }

    static List<String> violations(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false);
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
        }
    }
}
