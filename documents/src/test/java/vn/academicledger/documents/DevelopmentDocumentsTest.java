package vn.academicledger.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.Jcs;
import vn.academicledger.crypto.SchoolOfficials;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.documents.testing.Outputs;
import vn.academicledger.documents.testing.Pdfsig;
import vn.academicledger.documents.testing.Samples;
import vn.academicledger.documents.verify.PdfReport;
import vn.academicledger.documents.verify.PdfVerification;
import vn.academicledger.documents.verify.SignatureCheck;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentDocumentsTest {
    @TempDir
    static Path data;
    DevelopmentDocuments documents;
    AccessTokens tokens;

    ObjectNode cardCredential;
    byte[] reportCard;
    ObjectNode diplomaCredential;
    byte[] diploma;

    @BeforeAll
    void signTheFirstStudentsDocuments() {
        documents = DevelopmentDocuments.open(data);
        tokens = AccessTokens.forDataFolder(data);
        UUID cardId = Samples.uuid("facade report card 0");
        cardCredential = Samples.credential(Samples.reportCard(0), cardId);
        reportCard = documents.signedReportCard(Samples.reportCard(0), cardCredential, Samples.VI, qr(cardId));
        UUID diplomaId = Samples.uuid("facade diploma 0");
        diplomaCredential = Samples.credential(Samples.diploma(0), diplomaId);
        diploma = documents.signedDiploma(Samples.diploma(0), diplomaCredential, Samples.VI, qr(diplomaId));
        Outputs.write("development-report-card-vi.pdf", reportCard);
        Outputs.write("development-diploma-vi.pdf", diploma);
    }

    @AfterAll
    void close() {
        documents.close();
    }

    QrPayload qr(UUID id) {
        return QrPayload.of("http://127.0.0.1:8080", id, tokens.tokenFor(id));
    }

    static List<String> reasons(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getSignatureDictionaries().stream().map(PDSignature::getReason).toList();
        }
    }

    @Nested
    class AReportCard {
        @Test
        void is_signed_by_the_homeroom_teacher_then_the_principal_both_valid_at_b_lt() throws IOException {
            PdfReport report = documents.verification().verify(reportCard);
            assertThat(report.failures()).isEmpty();
            assertThat(report.valid()).isTrue();
            assertThat(report.signatures()).extracting(SignatureCheck::signer)
                    .containsExactly("Phạm Thị Thanh Hương", "Nguyễn Thị Lan");
            assertThat(report.signatures()).allSatisfy(s -> {
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-LT");
                assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
                assertThat(s.timestampTime()).isPresent();
            });
            assertThat(reasons(reportCard)).containsExactlyInAnyOrder(
                    "Giáo viên chủ nhiệm lớp 12A1 ký học bạ", "Hiệu trưởng ký học bạ");
        }

        @Test
        void carries_the_input_credential_byte_for_byte() {
            assertThat(PdfVerification.attachedCredential(reportCard)).isEqualTo(Jcs.canonicalize(cardCredential));
        }

        @Test
        void whose_homeroom_teacher_is_not_the_pkis_is_refused_naming_both() {
            ReportCard card = Samples.reportCard(1);
            ReportCard other = new ReportCard(card.school(), card.student(), card.schoolYear(), card.grade(), card.className(),
                    "Đặng Văn Long", card.subjects(), card.semester1(), card.semester2(), card.year(), card.daysAbsent(),
                    card.homeroomComment(), card.outcome(), card.honourTitle());
            UUID id = Samples.uuid("other teacher");
            assertThatThrownBy(() -> documents.signedReportCard(other, Samples.credential(other, id), Samples.VI, qr(id)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Đặng Văn Long").hasMessageContaining("Phạm Thị Thanh Hương");
        }

        @Test
        void of_a_school_the_pki_was_not_given_is_refused_naming_the_units_it_has(@TempDir Path other) {
            try (DevelopmentDocuments departmentOnly = DevelopmentDocuments.open(other, List.of(SchoolOfficials.department()))) {
                UUID id = Samples.uuid("no school");
                assertThatThrownBy(() -> departmentOnly.signedReportCard(Samples.reportCard(0),
                        Samples.credential(Samples.reportCard(0), id), Samples.VI, qr(id)))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("79000701").hasMessageContaining("79000000");
            }
        }
    }

    @Nested
    class ADiploma {
        @Test
        void is_signed_by_the_departments_director_valid_at_b_lt() throws IOException {
            PdfReport report = documents.verification().verify(diploma);
            assertThat(report.failures()).isEmpty();
            assertThat(report.signatures()).singleElement().satisfies(s -> {
                assertThat(s.signer()).isEqualTo("Trần Quang Minh");
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-LT");
                assertThat(s.indication()).isEqualTo("TOTAL_PASSED");
            });
            assertThat(reasons(diploma)).containsExactly("Giám đốc Sở Giáo dục và Đào tạo ký văn bằng");
        }

        @Test
        void carries_the_input_credential_byte_for_byte() {
            assertThat(PdfVerification.attachedCredential(diploma)).isEqualTo(Jcs.canonicalize(diplomaCredential));
        }

        @Test
        void naming_another_signer_is_refused() {
            Diploma d = Samples.diploma(1);
            Diploma other = new Diploma(d.kind(), d.holder(), d.school(), d.serialNumber(), d.registerNumber(),
                    d.classification(), d.graduationYear(), d.issuingAuthority(), d.signerTitle(), "Lý Thị Mai",
                    d.issueDate(), d.placeOfIssue());
            UUID id = Samples.uuid("other signer");
            assertThatThrownBy(() -> documents.signedDiploma(other, Samples.credential(other, id), Samples.VI, qr(id)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Lý Thị Mai")
                    .hasMessageContaining("Trần Quang Minh");
        }
    }

    @Test
    void signs_on_two_threads_at_once_and_every_document_verifies() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> signed = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int index = i;
                signed.add(pool.submit(() -> {
                    UUID id = Samples.uuid("parallel report card " + index);
                    ReportCard card = Samples.reportCard(index);
                    return documents.signedReportCard(card, Samples.credential(card, id), Locale.ENGLISH, qr(id));
                }));
                signed.add(pool.submit(() -> {
                    UUID id = Samples.uuid("parallel diploma " + index);
                    Diploma d = Samples.diploma(index);
                    return documents.signedDiploma(d, Samples.credential(d, id), Samples.VI, qr(id));
                }));
            }
            for (Future<byte[]> pdf : signed) {
                assertThat(documents.verification().verify(pdf.get()).failures()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pdfsig_finds_every_signature_valid_and_trusts_every_signer(@TempDir Path dir) throws Exception {
        assumeTrue(Pdfsig.installed(), "pdfsig is not installed (apt-get install -y poppler-utils)");
        assumeTrue(Pdfsig.certutilInstalled(), "certutil is not installed (apt-get install -y libnss3-tools)");
        String nss = Pdfsig.nssDatabaseTrusting(dir, documents.trustAnchors().get(0));
        String card = Pdfsig.run(dir, reportCard, "-nssdir", nss);
        assertThat(Pdfsig.validations(card)).as(card).containsExactly("Signature is Valid.", "Signature is Valid.");
        assertThat(Pdfsig.certificateValidations(card)).as(card).containsExactly("Certificate is Trusted.", "Certificate is Trusted.");
        String director = Pdfsig.run(dir, diploma, "-nssdir", nss);
        assertThat(Pdfsig.validations(director)).as(director).containsExactly("Signature is Valid.");
        assertThat(Pdfsig.certificateValidations(director)).as(director).containsExactly("Certificate is Trusted.");
    }

    @Test
    void opening_the_data_folder_again_keeps_the_pki() {
        try (DevelopmentDocuments again = DevelopmentDocuments.open(data)) {
            assertThat(again.trustAnchors()).isEqualTo(documents.trustAnchors());
            assertThat(again.crls()).isEqualTo(documents.crls());
            assertThat(again.verification().verify(reportCard).valid()).isTrue();
        }
        assertThat(documents.trustAnchorsFile()).isEqualTo(data.resolve("dev-pki/trust-anchors.pem")).isRegularFile();
    }
}
