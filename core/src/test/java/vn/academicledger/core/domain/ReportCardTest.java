package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.academicledger.core.domain.DomainFixtures.SUBJECTS;
import static vn.academicledger.core.domain.DomainFixtures.reportCard;
import static vn.academicledger.core.domain.DomainFixtures.subjects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class ReportCardTest {
    @Test
    void subjects_are_kept_in_report_card_order_whatever_the_input_order() {
        List<String> shuffled = new ArrayList<>(SUBJECTS);
        Collections.reverse(shuffled);
        assertThat(reportCard(subjects(shuffled))).isEqualTo(reportCard());
        assertThat(reportCard().subjects().get(0).subject().code()).isEqualTo("NGU_VAN");
    }

    @Test
    void a_missing_compulsory_subject_is_refused_naming_the_student_and_the_subject() {
        List<String> codes = new ArrayList<>(SUBJECTS);
        codes.remove("LICH_SU");
        assertThatThrownBy(() -> reportCard(subjects(codes))).isInstanceOf(InvalidInputException.class)
                .hasMessage("Học bạ của học sinh Nguyễn Ngọc Bảo Trâm (mã 2300145), lớp 12A1 năm học 2025-2026:"
                        + " thiếu môn bắt buộc Lịch sử.");
    }

    @Test
    void an_upper_secondary_report_card_needs_exactly_four_electives() {
        List<String> five = new ArrayList<>(SUBJECTS);
        five.add("DIA_LI");
        assertThatThrownBy(() -> reportCard(subjects(five))).hasMessageContaining("có 5 môn lựa chọn")
                .hasMessageContaining("cần đúng 4");
    }

    @Test
    void a_subject_line_given_twice_is_refused() {
        List<String> twice = new ArrayList<>(SUBJECTS);
        twice.add("TOAN");
        assertThatThrownBy(() -> reportCard(subjects(twice))).hasMessageContaining("môn Toán có hai dòng kết quả");
    }

    @Test
    void a_lower_secondary_subject_does_not_belong_on_a_grade_12_report_card() {
        List<SubjectResult> lines = new ArrayList<>(subjects(SUBJECTS));
        Subject science = SubjectCatalogue.find(8, "KHOA_HOC_TU_NHIEN");
        lines.add(new ScoredSubjectResult(science, Score.of("7.0"), Score.of("7.0"), Score.of("7.0")));
        assertThatThrownBy(() -> reportCard(lines)).hasMessageContaining("Khoa học tự nhiên")
                .hasMessageContaining("không thuộc chương trình lớp 12");
    }

    @Test
    void a_student_of_another_school_is_refused() {
        Student other = new Student("2300145", "Nguyễn Ngọc Bảo Trâm", LocalDate.of(2008, 3, 14), "Quận 3, Thành phố Hồ Chí Minh",
                Gender.FEMALE, "079308001234", "79000702");
        TermRatings good = new TermRatings(Rating.GOOD, Rating.GOOD);
        assertThatThrownBy(() -> new ReportCard(DomainFixtures.SCHOOL, other, SchoolYear.parse("2025-2026"), 12, "12A1",
                "Phạm Thị Thanh Hương", subjects(SUBJECTS), good, good, good, 0, "Ngoan.",
                YearOutcome.COMPLETED_UPPER_SECONDARY, null))
                .hasMessageContaining("học sinh thuộc trường mã 79000702 nhưng học bạ thuộc trường mã 79000701");
    }

    @Test
    void a_comment_only_subject_cannot_carry_scores() {
        Subject pe = SubjectCatalogue.find(12, "GIAO_DUC_THE_CHAT");
        assertThatThrownBy(() -> new ScoredSubjectResult(pe, Score.of("8.0"), Score.of("8.0"), Score.of("8.0")))
                .hasMessageContaining("Giáo dục thể chất đánh giá bằng nhận xét");
    }
}
