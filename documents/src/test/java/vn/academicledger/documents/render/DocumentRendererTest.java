package vn.academicledger.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.Jcs;
import vn.academicledger.documents.testing.Outputs;
import vn.academicledger.documents.testing.QrImages;
import vn.academicledger.documents.testing.Samples;

class DocumentRendererTest {

    @Nested
    class AReportCard {
        final Samples.Rendered vi = Samples.renderedReportCard(0, Samples.VI);
        final ReportCard card = Samples.reportCard(0);

        @Test
        void shows_the_national_header_school_student_every_subject_and_the_teachers_comment() throws IOException {
            String text = text(vi.pdf());
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "SỞ GIÁO DỤC VÀ ĐÀO TẠO", card.school().name().toUpperCase(Locale.forLanguageTag("vi")),
                    "HỌC BẠ SỐ", card.student().fullName(), card.student().personalId(), "Học kì I", "Học kì II", "Cả năm",
                    "Kết quả rèn luyện", "Kết quả học tập", "GIÁO VIÊN CHỦ NHIỆM", "HIỆU TRƯỞNG", card.homeroomTeacher());
            card.subjects().forEach(s -> assertThat(text).contains(s.subject().vietnamese()));
            assertThat(text.replaceAll("\\s+", " ")).contains(card.homeroomComment());
        }

        @Test
        void prints_scores_with_a_decimal_comma_in_vietnamese_and_a_point_in_english() throws IOException {
            var scored = card.scoredSubjects().get(0);
            assertThat(text(vi.pdf())).contains(scored.semester1().toVietnamese());
            String en = text(Samples.renderedReportCard(0, Locale.ENGLISH).pdf());
            assertThat(en).contains("SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
                    "DIGITAL REPORT CARD", scored.subject().english(), scored.semester1().toString(), "Whole year",
                    "HOMEROOM TEACHER", "PRINCIPAL");
        }

        @Test
        void fits_on_one_a4_page_and_is_written_as_a_150_dpi_image_to_look_at() throws IOException {
            png(vi.pdf(), "report-card-vi");
            png(Samples.renderedReportCard(0, Locale.ENGLISH).pdf(), "report-card-en");
            try (PDDocument d = Loader.loadPDF(vi.pdf())) {
                assertThat(d.getNumberOfPages()).isEqualTo(1);
            }
        }

        @Test
        void carries_a_qr_code_with_the_verification_url_that_decodes_from_the_rendered_page() throws IOException {
            BufferedImage page = page(vi.pdf(), 150);
            assertThat(QrImages.decode(page)).isEqualTo(vi.qr().url())
                    .startsWith("https://verify.hcm.edu.vn/v/" + vi.qr().credentialId() + "#t=");
        }

        @Test
        void qr_code_still_decodes_when_printed_and_photographed_badly() throws IOException {
            // A phone photo of a printout: low resolution, blurred, slightly rotated, uneven light.
            BufferedImage page = page(vi.pdf(), 100);
            BufferedImage photo = QrImages.photograph(page, 3.5, 0.8f);
            ImageIO.write(photo, "png", Outputs.directory().resolve("report-card-vi-photo.png").toFile());
            assertThat(QrImages.decode(photo)).isEqualTo(vi.qr().url());
        }

        @Test
        void attaches_the_credential_as_an_associated_source_file_byte_for_byte() throws IOException {
            try (PDDocument d = Loader.loadPDF(vi.pdf())) {
                COSArray af = (COSArray) d.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.AF);
                assertThat(af).hasSize(1);
                PDComplexFileSpecification spec = new PDComplexFileSpecification((COSDictionary) af.getObject(0));
                assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Source");
                assertThat(spec.getFileUnicode()).isEqualTo("credential.json");
                assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
                assertThat(spec.getEmbeddedFile().toByteArray()).isEqualTo(Jcs.canonicalize(vi.credential()));
                assertThat(d.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()).containsOnlyKeys("credential.json");
            }
        }

        @Test
        void declares_pdf_a_3b_with_an_srgb_output_intent_and_embeds_only_subset_fonts() throws IOException {
            try (PDDocument d = Loader.loadPDF(vi.pdf())) {
                String xmp = new String(d.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                        "urn:uuid:" + vi.qr().credentialId());
                assertThat(d.getDocumentCatalog().getOutputIntents()).singleElement()
                        .satisfies(oi -> assertThat(oi.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
                assertThat(d.getVersion()).isGreaterThanOrEqualTo(1.4f);
                for (COSName name : d.getPage(0).getResources().getFontNames()) {
                    PDFont font = d.getPage(0).getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSerif.*");
                }
            }
        }

        @Test
        void is_deterministic() {
            assertThat(Samples.renderedReportCard(0, Samples.VI).pdf()).isEqualTo(vi.pdf());
        }

        @Test
        void every_student_of_the_sample_class_renders_on_one_page() throws IOException {
            int longest = 0;
            for (int i = 0; i < Samples.CLASS.reportCards().size(); i++) {
                if (Samples.reportCard(i).homeroomComment().length() > Samples.reportCard(longest).homeroomComment().length()) {
                    longest = i;
                }
            }
            png(Samples.renderedReportCard(longest, Samples.VI).pdf(), "report-card-vi-longest-comment");
            for (int i = 0; i < Samples.CLASS.reportCards().size(); i++) {
                try (PDDocument d = Loader.loadPDF(Samples.renderedReportCard(i, Samples.VI).pdf())) {
                    assertThat(d.getNumberOfPages()).as("student %d", i).isEqualTo(1);
                }
            }
        }

        @Test
        void refuses_a_credential_that_describes_another_student_naming_the_difference() {
            ObjectNode other = Samples.credential(Samples.reportCard(1), vi.qr().credentialId());
            assertThatThrownBy(() -> DocumentRenderer.reportCard(card, other, Samples.VI, vi.qr()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("credentialSubject.studentNumber");
        }

        @Test
        void refuses_a_qr_code_that_points_to_another_credential() {
            var elsewhere = Samples.qr(UUID.randomUUID());
            assertThatThrownBy(() -> DocumentRenderer.reportCard(card, vi.credential(), Samples.VI, elsewhere))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("QR code");
        }

        @Test
        void refuses_a_language_it_has_no_layout_for() {
            assertThatThrownBy(() -> DocumentRenderer.reportCard(card, vi.credential(), Locale.FRENCH, vi.qr()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("vi").hasMessageContaining("en");
        }
    }

    @Nested
    class ADiploma {
        final Samples.Rendered vi = Samples.renderedDiploma(0, Samples.VI);

        @Test
        void shows_the_header_the_issuing_authority_the_graduate_and_both_numbers() throws IOException {
            var d = Samples.diploma(0);
            String text = text(vi.pdf());
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH",
                    d.holder().fullName(), d.school().name(), "Số hiệu", d.serialNumber(), "Số vào sổ", d.registerNumber(),
                    "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", d.signerName(), "ngày 31 tháng 7 năm 2026");
            String en = text(Samples.renderedDiploma(0, Locale.ENGLISH).pdf());
            assertThat(en).contains("SOCIALIST REPUBLIC OF VIETNAM", "UPPER SECONDARY SCHOOL GRADUATION DIPLOMA",
                    "Serial number", d.serialNumber(), "Register number", d.registerNumber(), "31 July 2026");
        }

        @Test
        void is_one_landscape_page_with_a_decodable_qr_code() throws IOException {
            try (PDDocument d = Loader.loadPDF(vi.pdf())) {
                assertThat(d.getNumberOfPages()).isEqualTo(1);
                assertThat(d.getPage(0).getMediaBox().getWidth()).isGreaterThan(d.getPage(0).getMediaBox().getHeight());
            }
            assertThat(QrImages.decode(page(vi.pdf(), 150))).isEqualTo(vi.qr().url());
            png(vi.pdf(), "diploma-vi");
            png(Samples.renderedDiploma(0, Locale.ENGLISH).pdf(), "diploma-en");
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    static BufferedImage page(byte[] pdf, int dpi) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFRenderer(d).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    static void png(byte[] pdf, String name) throws IOException {
        Outputs.write(name + ".pdf", pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(page(pdf, 150), "png", out);
        Outputs.write(name + ".png", out.toByteArray());
    }
}
