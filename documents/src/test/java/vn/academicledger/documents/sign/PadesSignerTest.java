package vn.academicledger.documents.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.academicledger.core.json.Jcs;
import vn.academicledger.documents.render.DocumentRenderer;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Outputs;
import vn.academicledger.documents.testing.Samples;
import vn.academicledger.documents.testing.Tampering;
import vn.academicledger.documents.verify.PdfReport;
import vn.academicledger.documents.verify.PdfVerification;
import vn.academicledger.documents.verify.SignatureCheck;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PadesSignerTest {
    final DevPki pki = DevPki.shared();
    LocalTimestampAuthority tsa;
    PadesSigner signer;
    PdfVerification verification;

    Samples.Rendered card;
    byte[] cardSigned;
    Samples.Rendered diploma;
    byte[] diplomaSignedLt;
    byte[] diplomaSignedT;

    @BeforeAll
    void signTheSamples() {
        tsa = pki.timestampAuthority();
        signer = new PadesSigner(tsa, pki.revocationSource());
        verification = PdfVerification.trusting(pki.trustAnchors());
        card = Samples.renderedReportCard(0, Samples.VI);
        byte[] byTeacher = signer.sign(card.pdf(), pki.homeroomTeacherSigner(), SignatureLevel.PADES_BASELINE_LT,
                "Giáo viên chủ nhiệm ký học bạ");
        cardSigned = signer.sign(byTeacher, pki.principal(), SignatureLevel.PADES_BASELINE_LT, "Hiệu trưởng ký học bạ");
        Outputs.write("report-card-vi-signed-lt.pdf", cardSigned);
        diploma = Samples.renderedDiploma(0, Samples.VI);
        diplomaSignedLt = signer.sign(diploma.pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_LT);
        diplomaSignedT = signer.sign(diploma.pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_T);
        Outputs.write("diploma-vi-signed-lt.pdf", diplomaSignedLt);
        Outputs.write("diploma-vi-signed-t.pdf", diplomaSignedT);
    }

    @AfterAll
    void stop() {
        tsa.close();
    }

    @Nested
    class AReportCardSignedByTheTeacherThenThePrincipal {
        @Test
        void has_two_valid_b_lt_signatures_in_order() {
            PdfReport report = verification.verify(cardSigned);
            assertThat(report.failures()).isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.signatures()).extracting(SignatureCheck::signer)
                    .containsExactly("Phạm Thị Thanh Hương", "Nguyễn Thị Lan");
            assertThat(report.signatures()).allSatisfy(s -> {
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-LT");
                assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
                assertThat(s.timestampTime()).isPresent();
                assertThat(s.changesAfterSigning()).isEmpty();
            });
        }

        @Test
        void only_the_last_revision_reaches_the_end_of_the_file_and_validation_data_follows_both() {
            PdfReport report = verification.verify(cardSigned);
            // Each B-LT signature is followed by a /DSS update, so neither byte range reaches the end.
            assertThat(report.signatures()).extracting(SignatureCheck::coversWholeDocument).containsExactly(false, false);
            byte[] principalOnlyBT = signer.sign(card.pdf(), pki.principal(), SignatureLevel.PADES_BASELINE_T);
            assertThat(verification.withRevocationData(pki.crls()).verify(principalOnlyBT).signatures())
                    .singleElement().satisfies(s -> assertThat(s.coversWholeDocument()).isTrue());
        }

        @Test
        void carries_the_input_credential_byte_for_byte() throws IOException {
            byte[] attached = PdfVerification.attachedCredential(cardSigned);
            assertThat(attached).isEqualTo(Jcs.canonicalize(card.credential()));
            assertThat(new ObjectMapper().readTree(attached)).isEqualTo(card.credential());
            PdfReport report = verification.verify(cardSigned);
            assertThat(report.attachment().valid()).isTrue();
            assertThat(report.attachment().credentialId()).contains("urn:uuid:" + card.qr().credentialId());
            assertThat(report.attachment().unchangedSinceSigned()).isTrue();
        }

        @Test
        void still_verifies_after_the_officials_certificates_expire() {
            Instant afterExpiry = pki.homeroomTeacher.certificate().getNotAfter().toInstant().plus(Duration.ofDays(30));
            PdfReport report = verification.at(afterExpiry).verify(cardSigned);
            assertThat(report.failures()).isEmpty();
        }
    }

    @Nested
    class ADiplomaSignedByTheDepartmentDirector {
        @Test
        void has_one_valid_signature_at_b_lt() {
            PdfReport report = verification.verify(diplomaSignedLt);
            assertThat(report.failures()).isEmpty();
            assertThat(report.signatures()).singleElement().satisfies(s -> {
                assertThat(s.signer()).isEqualTo("Trần Quang Minh");
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-LT");
            });
        }

        @Test
        void at_b_t_is_valid_when_the_verifier_has_the_crls_and_covers_the_whole_file() {
            PdfReport report = verification.withRevocationData(pki.crls()).verify(diplomaSignedT);
            assertThat(report.failures()).isEmpty();
            assertThat(report.signatures()).singleElement().satisfies(s -> {
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-T");
                assertThat(s.coversWholeDocument()).isTrue();
            });
        }

        @Test
        void at_b_t_without_any_revocation_data_is_not_accepted_as_valid() {
            PdfReport report = verification.verify(diplomaSignedT);
            assertThat(report.valid()).isFalse();
            assertThat(report.failures()).singleElement().asString().contains("signature 1 (Trần Quang Minh)")
                    .contains("INDETERMINATE");
        }
    }

    @Nested
    class WhenASignedPdfIsTampered {
        @Test
        void one_changed_byte_breaks_the_signature_and_the_report_says_which() {
            int[] range = firstByteRange(cardSigned);
            byte[] tampered = Tampering.flipOneByte(cardSigned, range[1] / 2);
            PdfReport report = verification.verify(tampered);
            Outputs.write("report-card-vi-tampered-byte.txt", String.join("\n", report.failures()).getBytes(UTF_8));
            assertThat(report.valid()).isFalse();
            assertThat(report.failures()).anySatisfy(f -> assertThat(f).startsWith("signature 1 (Phạm Thị Thanh Hương)"));
        }

        @Test
        void one_changed_grade_with_a_matching_credential_is_detected_on_the_page_and_in_the_attachment() throws IOException {
            var forgedCard = Tampering.withOneGradeRaised(Samples.reportCard(0));
            var forgedCredential = Samples.credential(forgedCard, card.qr().credentialId());
            byte[] forged = DocumentRenderer.reportCard(forgedCard, forgedCredential, Samples.VI, card.qr());
            byte[] tampered = Tampering.replacePageAndAttachment(cardSigned, forged);
            Outputs.write("report-card-vi-tampered-grade.pdf", tampered);
            PdfReport report = verification.verify(tampered);
            Outputs.write("report-card-vi-tampered-grade.txt", String.join("\n", report.failures()).getBytes(UTF_8));
            assertThat(report.valid()).isFalse();
            assertThat(report.signatures()).allSatisfy(s -> {
                assertThat(s.valid()).isFalse();
                assertThat(s.changesAfterSigning()).contains("page 1", "attachment credential.json");
            });
            assertThat(report.attachment().valid()).isFalse();
            assertThat(report.failures()).contains(
                    "attachment: credential.json differs from the one that was signed");
            assertThat(report.failures()).anySatisfy(f -> assertThat(f)
                    .startsWith("signature 2 (Nguyễn Thị Lan): the document changed after signing: page 1"));
            // EU DSS sees it too, but its default policy only warns: the indication stays TOTAL_PASSED.
            assertThat(report.signatures()).allSatisfy(s -> assertThat(s.indication()).isEqualTo("TOTAL_PASSED"));
            assertThat(report.failures()).anySatisfy(f -> assertThat(f).contains("DSS sees visual differences after signing on page(s) [1]"));
        }

        @Test
        void a_replaced_attachment_is_named() throws IOException {
            String other = Jcs.canonicalizeToString(Samples.credential(Samples.reportCard(1), card.qr().credentialId()));
            byte[] tampered = Tampering.replaceAttachment(cardSigned, other);
            PdfReport report = verification.verify(tampered);
            assertThat(report.valid()).isFalse();
            assertThat(report.failures()).contains("attachment: credential.json differs from the one that was signed");
            assertThat(report.signatures()).allSatisfy(s ->
                    assertThat(s.changesAfterSigning()).contains("attachment credential.json"));
            Outputs.write("report-card-vi-tampered-attachment.txt", String.join("\n", report.failures()).getBytes(UTF_8));
        }
    }

    @Nested
    class SignerAndAuthorityFailures {
        @Test
        void a_revoked_signer_is_reported_invalid() {
            X509Certificate director = pki.director.certificate();
            PadesSigner withRevoked = new PadesSigner(tsa, pki.revocationSource(director));
            byte[] signed = withRevoked.sign(diploma.pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_LT);
            PdfReport report = verification.verify(signed);
            assertThat(report.valid()).isFalse();
            assertThat(report.signatures().get(0).indication()).startsWith("INDETERMINATE").contains("REVOKED");
        }

        @Test
        void an_untrusted_root_is_reported_invalid() {
            PdfReport report = PdfVerification.trusting(List.of(pki.tsa.certificate())).verify(diplomaSignedLt);
            assertThat(report.valid()).isFalse();
            assertThat(report.signatures().get(0).indication()).startsWith("INDETERMINATE");
        }

        @Test
        void b_lt_without_revocation_data_is_refused_before_anything_is_signed() {
            PadesSigner noCrls = new PadesSigner(tsa, RevocationSource.none());
            assertThatThrownBy(() -> noCrls.sign(diploma.pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_LT))
                    .isInstanceOf(SigningException.class)
                    .hasMessageContaining("No CRL for")
                    .extracting(e -> ((SigningException) e).code()).isEqualTo("REVOCATION_DATA_MISSING");
        }

        @Test
        void a_wrong_pkcs12_password_says_so() {
            assertThatThrownBy(() -> Pkcs12OfficialSigner.open(pki.principalP12(), "wrong".toCharArray(), null))
                    .isInstanceOf(SigningException.class).hasMessageContaining("Wrong password");
        }

        @Test
        void the_tsa_works_over_http_on_the_loopback_interface() {
            var url = tsa.serveHttp();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            PadesSigner overHttp = new PadesSigner(new HttpTimestampSource(url, Duration.ofSeconds(10), tsa.certificateChain()),
                    pki.revocationSource());
            byte[] signed = overHttp.sign(diploma.pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_LT);
            assertThat(verification.verify(signed).failures()).isEmpty();
        }

        @Test
        void an_unreachable_tsa_is_named() {
            PadesSigner nowhere = new PadesSigner(new HttpTimestampSource(java.net.URI.create("http://127.0.0.1:9/tsa"),
                    Duration.ofSeconds(2), List.of()), pki.revocationSource());
            assertThatThrownBy(() -> nowhere.sign(diploma.pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_T))
                    .isInstanceOf(SigningException.class).hasMessageContaining("127.0.0.1:9")
                    .extracting(e -> ((SigningException) e).code()).isEqualTo("TIMESTAMP_FAILED");
        }
    }

    @Test
    void an_english_report_card_signs_and_verifies_too() {
        byte[] en = Samples.renderedReportCard(1, Locale.ENGLISH).pdf();
        byte[] signed = signer.sign(en, pki.principal(), SignatureLevel.PADES_BASELINE_B);
        PdfReport report = verification.withRevocationData(pki.crls()).verify(signed);
        assertThat(report.signatures()).singleElement().satisfies(s -> assertThat(s.level()).isEqualTo("PAdES-BASELINE-B"));
    }

    static int[] firstByteRange(byte[] pdf) {
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return d.getSignatureDictionaries().stream().map(s -> s.getByteRange())
                    .min(java.util.Comparator.comparingInt(r -> r[2] + r[3])).orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
