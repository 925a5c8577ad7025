package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.academicledger.core.grading.Fixtures.s;
import static vn.academicledger.core.grading.Fixtures.scores;
import static vn.academicledger.core.grading.Fixtures.subject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectResult;
import vn.academicledger.core.domain.YearOutcome;
import vn.academicledger.core.error.InvalidInputException;

class ReportCardGradingTest {

    /** Every scored subject at the given level in both semesters, except Toán which has real scores. */
    static StudentGradebook gradebook(String level, Rating conduct1, Rating conduct2, int absent) {
        List<SubjectAssessment> subjects = new ArrayList<>();
        for (String code : Fixtures.SCORED) {
            Subject subject = subject(code);
            if (code.equals("TOAN")) {
                // semester I: (8 + 7 + 9 + 8 + 2×7 + 3×8) / 9 = 7.8; semester II: (9 + 8 + 9 + 9 + 2×8 + 3×9) / 9 = 8.7
                subjects.add(new ScoredAssessment(subject,
                        new SemesterScores(scores("8", "7", "9", "8"), s("7"), s("8")),
                        new SemesterScores(scores("9", "8", "9", "9"), s("8"), s("9")), false));
            } else {
                int n = GradingRules.requiredRegularAssessments(subject, false);
                SemesterScores same = new SemesterScores(Collections.nCopies(n, s(level)), s(level), s(level));
                subjects.add(new ScoredAssessment(subject, same, same, false));
            }
        }
        for (String code : Fixtures.COMMENT) {
            SemesterComments passed = new SemesterComments(List.of(CommentGrade.PASSED, CommentGrade.PASSED),
                    CommentGrade.PASSED, CommentGrade.PASSED);
            subjects.add(new CommentAssessment(subject(code), passed, passed, false));
        }
        return new StudentGradebook(Fixtures.SCHOOL, Fixtures.STUDENT, SchoolYear.parse("2025-2026"), 12, "12A1",
                "Phạm Thị Thanh Hương", subjects, conduct1, conduct2, absent, "Chăm ngoan, học tốt.");
    }

    @Nested
    class WhenGradingAGradebook {
        @Test
        void subject_averages_come_from_the_scores_with_semester_two_counted_twice() {
            ReportCard card = ReportCardGrading.grade(gradebook("9.0", Rating.GOOD, Rating.GOOD, 0));
            ScoredSubjectResult math = (ScoredSubjectResult) card.subject("TOAN").orElseThrow();
            assertThat(math.semester1()).isEqualTo(s("7.8"));
            assertThat(math.semester2()).isEqualTo(s("8.7"));
            assertThat(math.year()).isEqualTo(s("8.4")); // (7.8 + 17.4) / 3 = 8.4
        }

        @Test
        void ratings_outcome_and_title_follow_from_the_averages() {
            ReportCard card = ReportCardGrading.grade(gradebook("9.0", Rating.FAIR, Rating.GOOD, 3));
            assertThat(card.semester1().study()).isEqualTo(Rating.GOOD);
            assertThat(card.year().conduct()).isEqualTo(Rating.GOOD);
            assertThat(card.year().study()).isEqualTo(Rating.GOOD);
            assertThat(card.outcome()).isEqualTo(YearOutcome.COMPLETED_UPPER_SECONDARY);
            assertThat(card.honourTitle()).isEqualTo(HonourTitle.EXCELLENT_STUDENT);
        }

        @Test
        void too_many_absences_decide_the_outcome_whatever_the_results() {
            ReportCard card = ReportCardGrading.grade(gradebook("9.0", Rating.GOOD, Rating.GOOD, 46));
            assertThat(card.outcome()).isEqualTo(YearOutcome.REPEAT_GRADE);
        }

        @Test
        void a_missing_regular_score_is_refused_naming_the_student_the_subject_and_the_semester() {
            StudentGradebook ok = gradebook("8.0", Rating.GOOD, Rating.GOOD, 0);
            List<SubjectAssessment> subjects = new ArrayList<>(ok.subjects());
            subjects.set(3, new ScoredAssessment(subject("LICH_SU"),
                    new SemesterScores(scores("8", "8", "8"), s("8"), s("8")),
                    new SemesterScores(scores("8", "8"), s("8"), s("8")), false));
            assertThatThrownBy(() -> new StudentGradebook(ok.school(), ok.student(), ok.schoolYear(), 12, "12A1",
                    ok.homeroomTeacher(), subjects, Rating.GOOD, Rating.GOOD, 0, "Ngoan."))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Học sinh Nguyễn Ngọc Bảo Trâm (mã 2300145), môn Lịch sử, học kì II: có 2 điểm đánh giá"
                            + " thường xuyên (ĐĐGtx), cần đúng 3 (môn 52 tiết/năm, Điều 6 khoản 2 Thông tư"
                            + " 22/2021/TT-BGDĐT).");
        }

        @Test
        void a_subject_entered_twice_is_refused() {
            StudentGradebook ok = gradebook("8.0", Rating.GOOD, Rating.GOOD, 0);
            List<SubjectAssessment> subjects = new ArrayList<>(ok.subjects());
            subjects.add(ok.subjects().get(0));
            assertThatThrownBy(() -> new StudentGradebook(ok.school(), ok.student(), ok.schoolYear(), 12, "12A1",
                    ok.homeroomTeacher(), subjects, Rating.GOOD, Rating.GOOD, 0, "Ngoan."))
                    .hasMessageContaining("môn Ngữ văn được nhập hai lần");
        }
    }

    @Nested
    class WhenCheckingAStatedReportCard {
        private final ReportCard graded = ReportCardGrading.grade(gradebook("9.0", Rating.GOOD, Rating.GOOD, 0));

        @Test
        void a_report_card_computed_by_the_rules_has_no_discrepancies() {
            assertThat(ReportCardGrading.discrepancies(graded)).isEmpty();
        }

        @Test
        void a_wrong_year_average_is_reported_with_the_field_the_values_and_the_article() {
            ReportCard tampered = withSubject(graded, new ScoredSubjectResult(subject("TOAN"), s("7.8"), s("8.7"), s("8.3")));
            List<Discrepancy> found = ReportCardGrading.discrepancies(tampered);
            assertThat(found).containsExactly(new Discrepancy("subjectResults[TOAN].averageYear",
                    "Môn Toán, điểm trung bình cả năm", "8,3", "8,4", "Điều 9 khoản 1 điểm b"));
            assertThat(found.get(0).message()).isEqualTo("Môn Toán, điểm trung bình cả năm: ghi 8,3 nhưng theo Điều 9"
                    + " khoản 1 điểm b Thông tư 22/2021/TT-BGDĐT là 8,4.");
        }

        @Test
        void a_title_the_rules_do_not_give_is_reported() {
            ReportCard tampered = new ReportCard(graded.school(), graded.student(), graded.schoolYear(), 12, "12A1",
                    graded.homeroomTeacher(), graded.subjects(), graded.semester1(), graded.semester2(), graded.year(),
                    0, graded.homeroomComment(), graded.outcome(), HonourTitle.GOOD_STUDENT);
            assertThat(ReportCardGrading.discrepancies(tampered)).extracting(Discrepancy::field)
                    .containsExactly("honourTitle");
        }

        @Test
        void a_lowered_score_that_changes_the_study_result_is_reported_at_every_level_it_affects() {
            ReportCard tampered = withSubject(graded, new ScoredSubjectResult(subject("TOAN"), s("7.8"), s("4.0"), s("5.3")));
            assertThat(ReportCardGrading.discrepancies(tampered)).extracting(Discrepancy::field)
                    .contains("studyResultSemester2", "studyResultYear", "honourTitle");
        }

        private ReportCard withSubject(ReportCard card, SubjectResult replacement) {
            List<SubjectResult> subjects = new ArrayList<>(card.subjects());
            subjects.replaceAll(r -> r.subject().equals(replacement.subject()) ? replacement : r);
            return new ReportCard(card.school(), card.student(), card.schoolYear(), card.grade(), card.className(),
                    card.homeroomTeacher(), subjects, card.semester1(), card.semester2(), card.year(),
                    card.daysAbsent(), card.homeroomComment(), card.outcome(), card.honourTitle());
        }
    }

}
