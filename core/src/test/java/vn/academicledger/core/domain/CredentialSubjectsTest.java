package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.grading.SampleClass;

class CredentialSubjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class WhenWriting {
        @Test
        void a_report_card_subject_is_the_student_with_their_school_and_report_card() throws Exception {
            ObjectNode subject = CredentialSubjects.of(DomainFixtures.reportCard());
            assertThat(subject.fieldNames()).toIterable().containsExactly("type", "studentNumber", "fullName",
                    "birthDate", "placeOfBirth", "gender", "personalIdentifier", "school", "reportCard");
            assertThat(JSON.writeValueAsString(subject.get("school"))).isEqualTo("{\"id\":\"did:web:thptbennghe.hcm.edu.vn\","
                    + "\"type\":\"School\",\"schoolCode\":\"79000701\",\"schoolName\":\"Trường Trung học phổ thông Bến Nghé\","
                    + "\"address\":\"45 Lê Thánh Tôn\",\"ward\":\"Phường Sài Gòn\",\"province\":\"Thành phố Hồ Chí Minh\"}");
            JsonNode lines = subject.path("reportCard").path("subjectResults");
            assertThat(JSON.writeValueAsString(lines.get(1))).isEqualTo("{\"type\":\"SubjectResult\",\"subjectCode\":\"TOAN\","
                    + "\"subjectName\":\"Toán\",\"assessmentMethod\":\"SCORED\",\"averageSemester1\":\"8.2\","
                    + "\"averageSemester2\":\"8.8\",\"averageYear\":\"8.6\"}");
            assertThat(JSON.writeValueAsString(lines.get(4))).isEqualTo("{\"type\":\"SubjectResult\","
                    + "\"subjectCode\":\"GIAO_DUC_THE_CHAT\",\"subjectName\":\"Giáo dục thể chất\",\"assessmentMethod\":\"COMMENT\","
                    + "\"gradeSemester1\":\"PASSED\",\"gradeSemester2\":\"PASSED\",\"gradeYear\":\"PASSED\"}");
            assertThat(subject.path("reportCard").path("honourTitle").asText()).isEqualTo("GOOD_STUDENT");
        }

        @Test
        void the_same_record_always_gives_the_same_bytes() throws Exception {
            for (ReportCard card : SampleClass.load().reportCards()) {
                assertThat(JSON.writeValueAsString(CredentialSubjects.of(card)))
                        .isEqualTo(JSON.writeValueAsString(CredentialSubjects.of(card)));
            }
        }

        @Test
        void empty_optional_fields_are_left_out_rather_than_written_as_null() {
            ReportCard card = DomainFixtures.reportCard();
            ReportCard untitled = new ReportCard(card.school(), card.student(), card.schoolYear(), 12, "12A1",
                    card.homeroomTeacher(), card.subjects(), card.semester1(), card.semester2(), card.year(), 2,
                    card.homeroomComment(), card.outcome(), null);
            ObjectNode subject = CredentialSubjects.of(untitled);
            assertThat(subject.path("reportCard").has("honourTitle")).isFalse();
            assertThat(subject.path("school").has("district")).isFalse();
            assertThat(CredentialSubjects.of(DomainFixtures.diploma()).path("diploma").has("classification")).isFalse();
        }

        @Test
        void ten_and_whole_scores_are_written_with_one_decimal() {
            Subject math = SubjectCatalogue.find(12, "TOAN");
            ReportCard card = DomainFixtures.reportCard();
            java.util.List<SubjectResult> lines = new java.util.ArrayList<>(card.subjects());
            lines.set(1, new ScoredSubjectResult(math, Score.of("10"), Score.of("9"), Score.of("9.3")));
            JsonNode line = CredentialSubjects.of(DomainFixtures.reportCard(lines)).path("reportCard")
                    .path("subjectResults").get(1);
            assertThat(line.path("averageSemester1").asText()).isEqualTo("10.0");
            assertThat(line.path("averageSemester2").asText()).isEqualTo("9.0");
        }

        @Test
        void credentials_have_vietnamese_and_english_names_and_descriptions() {
            CredentialText card = CredentialText.of(DomainFixtures.reportCard());
            assertThat(card.nameVi()).isEqualTo("Học bạ số lớp 12 năm học 2025-2026");
            assertThat(card.nameEn()).isEqualTo("Digital report card, grade 12, school year 2025-2026");
            assertThat(card.descriptionVi()).contains("lớp 12A1", "Thông tư 22/2021/TT-BGDĐT");
            CredentialText diploma = CredentialText.of(DomainFixtures.diploma());
            assertThat(diploma.nameVi()).isEqualTo("Bằng tốt nghiệp trung học phổ thông năm 2026");
            assertThat(diploma.descriptionVi()).isEqualTo("Số hiệu TN0123456, số vào sổ gốc cấp văn bằng 0001/2026, do Sở"
                    + " Giáo dục và Đào tạo Thành phố Hồ Chí Minh cấp ngày 31/07/2026.");
            assertThat(CredentialText.of(DomainFixtures.certificate()).nameVi())
                    .isEqualTo("Chứng chỉ ngoại ngữ: Tiếng Anh, Bậc 3 (B1)");
            assertThat(card.nameJson().toString()).isEqualTo("[{\"@value\":\"Học bạ số lớp 12 năm học 2025-2026\","
                    + "\"@language\":\"vi\"},{\"@value\":\"Digital report card, grade 12, school year 2025-2026\","
                    + "\"@language\":\"en\"}]");
            assertThat(CredentialType.REPORT_CARD.typeName()).isEqualTo("ReportCardCredential");
            assertThat(CredentialType.DIPLOMA.typeName()).isEqualTo("DiplomaCredential");
            assertThat(CredentialType.CERTIFICATE.typeName()).isEqualTo("CertificateCredential");
        }
    }

    @Nested
    class WhenReadingBack {
        @Test
        void every_sample_report_card_reads_back_to_the_same_record() {
            for (ReportCard card : SampleClass.load().reportCards()) {
                assertThat(CredentialSubjects.readReportCard(CredentialSubjects.of(card))).isEqualTo(card);
            }
        }

        @Test
        void diplomas_and_certificates_read_back_to_the_same_record() {
            assertThat(CredentialSubjects.readDiploma(CredentialSubjects.of(DomainFixtures.diploma())))
                    .isEqualTo(DomainFixtures.diploma());
            assertThat(CredentialSubjects.readCertificate(CredentialSubjects.of(DomainFixtures.certificate())))
                    .isEqualTo(DomainFixtures.certificate());
            for (Diploma d : SampleClass.load().diplomas()) {
                assertThat(CredentialSubjects.readDiploma(CredentialSubjects.of(d))).isEqualTo(d);
            }
        }

        @Test
        void a_holder_did_bound_by_the_issuer_is_accepted() {
            ObjectNode subject = CredentialSubjects.of(DomainFixtures.reportCard());
            subject.put("id", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
            assertThat(CredentialSubjects.readReportCard(subject)).isEqualTo(DomainFixtures.reportCard());
        }

        @Test
        void a_score_with_two_decimals_is_refused_naming_its_path() {
            assertRefused(s -> line(s, 1).put("averageYear", "8.60"),
                    "credentialSubject.reportCard.subjectResults[1].averageYear: '8.60' phải là điểm từ 0.0 đến 10.0");
        }

        @Test
        void a_score_written_as_a_json_number_is_refused() {
            assertRefused(s -> line(s, 1).put("averageYear", 8.6),
                    "credentialSubject.reportCard.subjectResults[1].averageYear: phải là chuỗi");
        }

        @Test
        void a_property_the_context_does_not_define_is_refused() {
            assertRefused(s -> ((ObjectNode) s.get("reportCard")).put("rank", 1),
                    "credentialSubject.reportCard.rank: trường này không có trong ngữ cảnh https://w3id.org/academic-ledger/v1");
            assertRefused(s -> s.put("nickname", "Bé Trâm"), "credentialSubject.nickname");
        }

        @Test
        void an_unknown_level_is_refused_listing_the_valid_ones() {
            assertRefused(s -> ((ObjectNode) s.get("reportCard")).put("conductYear", "Tốt"),
                    "credentialSubject.reportCard.conductYear: 'Tốt' không hợp lệ; giá trị hợp lệ: GOOD, FAIR, SATISFACTORY, UNSATISFACTORY");
        }

        @Test
        void a_missing_field_is_named() {
            assertRefused(s -> ((ObjectNode) s.get("reportCard")).remove("homeroomTeacher"),
                    "credentialSubject.reportCard.homeroomTeacher: thiếu");
            assertRefused(s -> s.remove("birthDate"), "credentialSubject.birthDate: thiếu");
        }

        @Test
        void an_impossible_date_is_refused() {
            assertRefused(s -> s.put("birthDate", "2008-02-30"),
                    "credentialSubject.birthDate: '2008-02-30' không phải ngày có thật");
        }

        @Test
        void a_subject_name_that_does_not_match_its_code_is_refused() {
            assertRefused(s -> line(s, 1).put("subjectName", "Ngữ văn"),
                    "credentialSubject.reportCard.subjectResults[1].subjectName: 'Ngữ văn' không khớp tên môn mã TOAN");
        }

        @Test
        void a_grade_outside_secondary_school_is_refused() {
            assertRefused(s -> ((ObjectNode) s.get("reportCard")).put("gradeLevel", 13),
                    "credentialSubject.reportCard.gradeLevel: Khối lớp 13");
        }

        @Test
        void an_error_of_the_domain_rules_is_prefixed_with_the_path_of_the_object() {
            assertRefused(s -> s.put("gender", "MALE"),
                    "credentialSubject: Mã định danh cá nhân 079308001234 của học sinh Nguyễn Ngọc Bảo Trâm");
            assertRefused(s -> ((ArrayNode) s.get("reportCard").get("subjectResults")).remove(3),
                    "credentialSubject.reportCard: Học bạ của học sinh Nguyễn Ngọc Bảo Trâm (mã 2300145), lớp 12A1"
                            + " năm học 2025-2026: thiếu môn bắt buộc Lịch sử.");
        }

        @Test
        void a_wrong_type_is_refused() {
            assertRefused(s -> ((ObjectNode) s.get("school")).put("type", "Organization"),
                    "credentialSubject.school.type: phải là \"School\"");
            assertThatThrownBy(() -> CredentialSubjects.readDiploma(CredentialSubjects.of(DomainFixtures.reportCard())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentialSubject.diploma: thiếu");
        }

        private ObjectNode line(ObjectNode subject, int i) {
            return (ObjectNode) subject.get("reportCard").get("subjectResults").get(i);
        }

        private void assertRefused(Consumer<ObjectNode> edit, String message) {
            ObjectNode subject = CredentialSubjects.of(DomainFixtures.reportCard());
            edit.accept(subject);
            assertThatThrownBy(() -> CredentialSubjects.readReportCard(subject)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(message);
        }
    }
}
