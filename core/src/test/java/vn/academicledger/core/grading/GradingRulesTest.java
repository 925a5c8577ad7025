package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.academicledger.core.grading.Fixtures.comments;
import static vn.academicledger.core.grading.Fixtures.s;
import static vn.academicledger.core.grading.Fixtures.scored;
import static vn.academicledger.core.grading.Fixtures.scores;
import static vn.academicledger.core.grading.Fixtures.subject;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.academicledger.core.domain.AssessmentMethod;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectCatalogue;
import vn.academicledger.core.domain.SubjectCategory;
import vn.academicledger.core.domain.YearOutcome;
import vn.academicledger.core.error.InvalidInputException;

class GradingRulesTest {

    @Nested
    class RegularAssessmentCountsOfArticle6 {
        @Test
        void subjects_of_more_than_70_periods_need_four_regular_scores() {
            assertThat(GradingRules.requiredRegularAssessments(subject("TOAN"), false)).isEqualTo(4);
            assertThat(GradingRules.requiredRegularAssessments(subject("NGU_VAN"), false)).isEqualTo(4);
        }

        @Test
        void subjects_of_exactly_70_periods_need_three_and_of_71_need_four() {
            assertThat(GradingRules.requiredRegularAssessments(subject("VAT_LI"), false)).isEqualTo(3);
            assertThat(GradingRules.requiredRegularAssessments(scoredSubject(71), false)).isEqualTo(4);
        }

        @Test
        void subjects_of_35_periods_need_two_and_of_36_need_three() {
            assertThat(GradingRules.requiredRegularAssessments(subject("GIAO_DUC_QUOC_PHONG_AN_NINH"), false))
                    .isEqualTo(2);
            assertThat(GradingRules.requiredRegularAssessments(scoredSubject(36), false)).isEqualTo(3);
        }

        @Test
        void history_with_52_periods_needs_three() {
            assertThat(GradingRules.requiredRegularAssessments(subject("LICH_SU"), false)).isEqualTo(3);
        }

        @Test
        void comment_only_subjects_need_two_whatever_their_periods() {
            assertThat(GradingRules.requiredRegularAssessments(subject("HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP"), false))
                    .isEqualTo(2);
            assertThat(GradingRules.requiredRegularAssessments(subject("GIAO_DUC_THE_CHAT"), false)).isEqualTo(2);
        }

        @Test
        void a_cluster_of_study_topics_adds_one_regular_assessment() {
            assertThat(GradingRules.requiredRegularAssessments(subject("TOAN"), true)).isEqualTo(5);
            assertThat(GradingRules.requiredRegularAssessments(subject("HOA_HOC"), true)).isEqualTo(4);
        }

        @Test
        void lower_secondary_periods_differ_from_upper_secondary() {
            assertThat(GradingRules.requiredRegularAssessments(SubjectCatalogue.find(7, "TIN_HOC"), false)).isEqualTo(2);
            assertThat(GradingRules.requiredRegularAssessments(SubjectCatalogue.find(12, "TIN_HOC"), false)).isEqualTo(3);
            assertThat(GradingRules.requiredRegularAssessments(SubjectCatalogue.find(9, "CONG_NGHE"), false)).isEqualTo(3);
            assertThat(GradingRules.requiredRegularAssessments(SubjectCatalogue.find(8, "CONG_NGHE"), false)).isEqualTo(2);
        }

        private Subject scoredSubject(int periods) {
            return new Subject("THU", "Môn thử", "Test subject", AssessmentMethod.SCORED, SubjectCategory.ELECTIVE, periods);
        }
    }

    @Nested
    class SubjectAveragesOfArticle9Clause1 {
        @Test
        void semester_average_counts_the_midterm_twice_and_the_final_three_times() {
            // (8 + 7 + 9 + 8 + 2×7 + 3×8) / (4 + 5) = 70 / 9 = 7.77…
            assertThat(GradingRules.semesterAverage(new SemesterScores(scores("8", "7", "9", "8"), s("7"), s("8"))))
                    .isEqualTo(s("7.8"));
        }

        @Test
        void semester_average_rounds_a_trailing_five_up_not_to_even() {
            // (7 + 7 + 7.6 + 2×7 + 3×8) / 8 = 59.6 / 8 = 7.45 exactly
            assertThat(GradingRules.semesterAverage(new SemesterScores(scores("7", "7", "7.6"), s("7"), s("8"))))
                    .isEqualTo(s("7.5"));
        }

        @Test
        void semester_average_is_exact_where_binary_floating_point_is_not() {
            // 66.0 / 8 = 8.25, which as a double rounds to 8.2
            assertThat(GradingRules.semesterAverage(new SemesterScores(scores("8", "8", "8.5"), s("8"), s("8.5"))))
                    .isEqualTo(s("8.3"));
        }

        @Test
        void semester_average_of_all_tens_is_written_with_one_decimal() {
            Score ten = GradingRules.semesterAverage(new SemesterScores(scores("10", "10"), s("10"), s("10")));
            assertThat(ten.toString()).isEqualTo("10.0");
        }

        @Test
        void semester_average_uses_however_many_regular_scores_there_are() {
            // (9 + 2×6 + 3×6) / 6 = 39 / 6 = 6.5
            assertThat(GradingRules.semesterAverage(new SemesterScores(scores("9"), s("6"), s("6"))))
                    .isEqualTo(s("6.5"));
        }

        @Test
        void year_average_counts_semester_two_twice() {
            // (6.4 + 2×6.5) / 3 = 19.4 / 3 = 6.47
            assertThat(GradingRules.yearAverage(s("6.4"), s("6.5"))).isEqualTo(s("6.5"));
            // (9.0 + 2×6.0) / 3 = 7.0
            assertThat(GradingRules.yearAverage(s("9.0"), s("6.0"))).isEqualTo(s("7.0"));
        }

        @Test
        void year_average_is_computed_from_the_rounded_semester_averages() {
            // semester II is 7.45 exactly and recorded as 7.5: (6.2 + 2×7.5) / 3 = 7.07 → 7.1,
            // whereas the unrounded 7.45 would give (6.2 + 14.9) / 3 = 7.03 → 7.0
            Score semester2 = GradingRules.semesterAverage(new SemesterScores(scores("7", "7", "7.6"), s("7"), s("8")));
            assertThat(GradingRules.yearAverage(s("6.2"), semester2)).isEqualTo(s("7.1"));
        }

        @Test
        void comment_only_semester_is_passed_when_every_assessment_is_passed() {
            SemesterComments all = new SemesterComments(List.of(CommentGrade.PASSED, CommentGrade.PASSED),
                    CommentGrade.PASSED, CommentGrade.PASSED);
            assertThat(GradingRules.commentSemesterGrade(all)).isEqualTo(CommentGrade.PASSED);
        }

        @Test
        void one_regular_assessment_not_passed_makes_the_semester_not_passed() {
            SemesterComments one = new SemesterComments(List.of(CommentGrade.PASSED, CommentGrade.NOT_PASSED),
                    CommentGrade.PASSED, CommentGrade.PASSED);
            assertThat(GradingRules.commentSemesterGrade(one)).isEqualTo(CommentGrade.NOT_PASSED);
        }

        @Test
        void a_missing_assessment_makes_the_semester_not_passed() {
            SemesterComments missing = new SemesterComments(List.of(CommentGrade.PASSED), CommentGrade.PASSED,
                    CommentGrade.PASSED);
            assertThat(GradingRules.commentSemesterGrade(missing)).isEqualTo(CommentGrade.NOT_PASSED);
        }

        @Test
        void comment_only_year_result_is_the_semester_two_result() {
            assertThat(GradingRules.commentYearGrade(CommentGrade.NOT_PASSED, CommentGrade.PASSED))
                    .isEqualTo(CommentGrade.PASSED);
            assertThat(GradingRules.commentYearGrade(CommentGrade.PASSED, CommentGrade.NOT_PASSED))
                    .isEqualTo(CommentGrade.NOT_PASSED);
        }
    }

    @Nested
    class StudyResultsOfArticle9Clause2 {
        @Test
        void good_needs_exactly_six_subjects_at_8_0_and_the_rest_at_6_5() {
            assertThat(rating(scored("8.0", "8.0", "8.0", "8.0", "8.0", "8.0", "6.5", "6.5", "6.5"), 0))
                    .isEqualTo(Rating.GOOD);
        }

        @Test
        void five_subjects_at_8_0_and_one_at_7_9_is_only_fair() {
            assertThat(rating(scored("8.0", "8.0", "8.0", "8.0", "8.0", "7.9", "6.5", "6.5", "6.5"), 0))
                    .isEqualTo(Rating.FAIR);
        }

        @Test
        void a_6_4_keeps_a_student_out_of_good_but_6_5_does_not() {
            assertThat(rating(scored("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "6.5", "7.0", "7.0"), 0))
                    .isEqualTo(Rating.GOOD);
            assertThat(rating(scored("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "6.4", "7.0", "7.0"), 0))
                    .isEqualTo(Rating.FAIR);
        }

        @Test
        void fair_needs_six_subjects_at_6_5_and_the_rest_at_5_0() {
            assertThat(rating(scored("6.5", "6.5", "6.5", "6.5", "6.5", "6.5", "5.0", "5.0", "5.0"), 0))
                    .isEqualTo(Rating.FAIR);
            assertThat(rating(scored("6.5", "6.5", "6.5", "6.5", "6.5", "6.4", "5.0", "5.0", "5.0"), 0))
                    .isEqualTo(Rating.SATISFACTORY);
        }

        @Test
        void a_4_9_keeps_a_student_out_of_fair_but_5_0_does_not() {
            assertThat(rating(scored("7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "5.0"), 0))
                    .isEqualTo(Rating.FAIR);
            assertThat(rating(scored("7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "4.9"), 0))
                    .isEqualTo(Rating.SATISFACTORY);
        }

        @Test
        void satisfactory_needs_six_subjects_at_5_0() {
            assertThat(rating(scored("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "4.0", "4.0", "4.0"), 0))
                    .isEqualTo(Rating.SATISFACTORY);
            assertThat(rating(scored("5.0", "5.0", "5.0", "5.0", "5.0", "4.9", "4.0", "4.0", "4.0"), 0))
                    .isEqualTo(Rating.UNSATISFACTORY);
        }

        @Test
        void a_3_4_fails_a_student_who_would_otherwise_be_satisfactory_but_3_5_does_not() {
            assertThat(rating(scored("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "3.5"), 0))
                    .isEqualTo(Rating.SATISFACTORY);
            assertThat(rating(scored("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "3.4"), 0))
                    .isEqualTo(Rating.UNSATISFACTORY);
        }

        @Test
        void one_comment_subject_not_passed_keeps_a_fair_student_at_satisfactory() {
            assertThat(rating(scored("7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0"), 1))
                    .isEqualTo(Rating.SATISFACTORY);
        }

        @Test
        void two_comment_subjects_not_passed_is_unsatisfactory_however_good_the_scores() {
            assertThat(rating(scored("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0"), 2))
                    .isEqualTo(Rating.UNSATISFACTORY);
        }

        @Test
        void the_same_thresholds_apply_to_semester_averages() {
            ReportCard card = Fixtures.card(scored("8.0", "8.0", "8.0", "8.0", "8.0", "8.0", "6.5", "6.5", "6.5"),
                    comments(0), Rating.GOOD, Rating.GOOD, YearOutcome.COMPLETED_UPPER_SECONDARY,
                    HonourTitle.GOOD_STUDENT);
            for (var term : vn.academicledger.core.domain.Term.values()) {
                assertThat(GradingRules.studyRating(card.subjects(), term).rating()).isEqualTo(Rating.GOOD);
            }
        }
    }

    @Nested
    class AdjustmentOfArticle9Clause3 {
        @Test
        void one_subject_pulling_good_down_to_satisfactory_is_raised_to_fair() {
            StudyRating r = GradingRules.studyRating(
                    scored("8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "4.0"), comments(0));
            assertThat(r.unadjusted()).isEqualTo(Rating.SATISFACTORY);
            assertThat(r.rating()).isEqualTo(Rating.FAIR);
            assertThat(r.adjustedFor()).isEqualTo(subject("TIN_HOC"));
        }

        @Test
        void one_subject_pulling_good_down_three_levels_is_raised_one_level_only() {
            StudyRating r = GradingRules.studyRating(
                    scored("8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "3.0"), comments(0));
            assertThat(r.unadjusted()).isEqualTo(Rating.UNSATISFACTORY);
            assertThat(r.rating()).isEqualTo(Rating.SATISFACTORY);
        }

        @Test
        void one_subject_pulling_fair_down_to_unsatisfactory_is_raised_to_satisfactory() {
            StudyRating r = GradingRules.studyRating(
                    scored("7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "3.4"), comments(0));
            assertThat(r.unadjusted()).isEqualTo(Rating.UNSATISFACTORY);
            assertThat(r.rating()).isEqualTo(Rating.SATISFACTORY);
        }

        @Test
        void a_drop_of_one_level_is_not_adjusted() {
            StudyRating r = GradingRules.studyRating(
                    scored("8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "6.4"), comments(0));
            assertThat(r.rating()).isEqualTo(Rating.FAIR);
            assertThat(r.isAdjusted()).isFalse();
        }

        @Test
        void two_weak_subjects_are_not_adjusted() {
            StudyRating r = GradingRules.studyRating(
                    scored("8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "8.5", "4.0", "4.0"), comments(0));
            assertThat(r.rating()).isEqualTo(Rating.SATISFACTORY);
            assertThat(r.isAdjusted()).isFalse();
        }

        @Test
        void a_drop_from_satisfactory_level_is_not_adjusted_because_the_clause_names_good_and_fair_only() {
            StudyRating r = GradingRules.studyRating(
                    scored("5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0", "3.4"), comments(0));
            assertThat(r.rating()).isEqualTo(Rating.UNSATISFACTORY);
        }

        @Test
        void one_comment_subject_not_passed_pulling_good_down_to_satisfactory_is_raised_to_fair() {
            StudyRating r = GradingRules.studyRating(
                    scored("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "9.0"), comments(1));
            assertThat(r.unadjusted()).isEqualTo(Rating.SATISFACTORY);
            assertThat(r.rating()).isEqualTo(Rating.FAIR);
            assertThat(r.adjustedFor()).isEqualTo(subject("GIAO_DUC_THE_CHAT"));
        }
    }

    @Nested
    class YearConductOfArticle8 {
        @ParameterizedTest(name = "học kì I {0}, học kì II {1} → cả năm {2}")
        @CsvSource({
                "GOOD, GOOD, GOOD", "FAIR, GOOD, GOOD", "SATISFACTORY, GOOD, FAIR", "UNSATISFACTORY, GOOD, FAIR",
                "GOOD, FAIR, FAIR", "FAIR, FAIR, FAIR", "SATISFACTORY, FAIR, FAIR", "UNSATISFACTORY, FAIR, SATISFACTORY",
                "GOOD, SATISFACTORY, FAIR", "FAIR, SATISFACTORY, SATISFACTORY",
                "SATISFACTORY, SATISFACTORY, SATISFACTORY", "UNSATISFACTORY, SATISFACTORY, SATISFACTORY",
                "GOOD, UNSATISFACTORY, UNSATISFACTORY", "FAIR, UNSATISFACTORY, UNSATISFACTORY",
                "SATISFACTORY, UNSATISFACTORY, UNSATISFACTORY", "UNSATISFACTORY, UNSATISFACTORY, UNSATISFACTORY"})
        void year_conduct_follows_the_table_of_both_semesters(Rating semester1, Rating semester2, Rating year) {
            assertThat(GradingRules.yearConduct(semester1, semester2)).isEqualTo(year);
        }
    }

    @Nested
    class OutcomeOfArticles12To14 {
        @Test
        void satisfactory_conduct_and_study_with_45_sessions_absent_moves_up() {
            assertThat(GradingRules.yearOutcome(11, Rating.SATISFACTORY, Rating.SATISFACTORY, 45))
                    .isEqualTo(YearOutcome.PROMOTED);
        }

        @Test
        void a_46th_session_absent_means_repeating_the_grade_even_for_good_students() {
            assertThat(GradingRules.yearOutcome(11, Rating.GOOD, Rating.GOOD, 46)).isEqualTo(YearOutcome.REPEAT_GRADE);
        }

        @Test
        void grade_12_completes_upper_secondary_and_grade_9_lower_secondary() {
            assertThat(GradingRules.yearOutcome(12, Rating.GOOD, Rating.FAIR, 0))
                    .isEqualTo(YearOutcome.COMPLETED_UPPER_SECONDARY);
            assertThat(GradingRules.yearOutcome(9, Rating.GOOD, Rating.FAIR, 0))
                    .isEqualTo(YearOutcome.COMPLETED_LOWER_SECONDARY);
            assertThat(GradingRules.yearOutcome(10, Rating.GOOD, Rating.FAIR, 0)).isEqualTo(YearOutcome.PROMOTED);
        }

        @Test
        void unsatisfactory_conduct_alone_means_summer_training() {
            assertThat(GradingRules.yearOutcome(10, Rating.UNSATISFACTORY, Rating.GOOD, 3))
                    .isEqualTo(YearOutcome.SUMMER_TRAINING);
        }

        @Test
        void unsatisfactory_study_alone_means_summer_re_assessment() {
            assertThat(GradingRules.yearOutcome(10, Rating.SATISFACTORY, Rating.UNSATISFACTORY, 3))
                    .isEqualTo(YearOutcome.RETEST);
        }

        @Test
        void unsatisfactory_conduct_and_study_means_repeating_the_grade() {
            assertThat(GradingRules.yearOutcome(10, Rating.UNSATISFACTORY, Rating.UNSATISFACTORY, 3))
                    .isEqualTo(YearOutcome.REPEAT_GRADE);
        }

        @Test
        void grades_outside_6_to_12_are_refused() {
            assertThatThrownBy(() -> GradingRules.yearOutcome(5, Rating.GOOD, Rating.GOOD, 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Khối lớp 5");
        }

        @Test
        void the_subjects_re_assessed_are_those_below_5_0_and_comment_subjects_not_passed() {
            ReportCard card = Fixtures.card(scored("6.0", "4.9", "6.0", "5.0", "6.0", "6.0", "3.2", "6.0", "6.0"),
                    comments(1), Rating.FAIR, Rating.UNSATISFACTORY, YearOutcome.RETEST, null);
            assertThat(GradingRules.retestSubjects(card)).containsExactly(subject("TOAN"),
                    subject("GIAO_DUC_THE_CHAT"), subject("HOA_HOC"));
        }

        @Test
        void re_assessment_results_replace_the_year_results_and_decide_the_outcome() {
            ReportCard card = Fixtures.card(scored("6.0", "4.5", "6.0", "5.0", "6.0", "6.0", "3.2", "6.0", "6.0"),
                    comments(0), Rating.FAIR, Rating.UNSATISFACTORY, YearOutcome.RETEST, null);
            StudyRating after = GradingRules.studyRatingAfterRetest(card,
                    Map.of(subject("TOAN"), s("5.5"), subject("HOA_HOC"), s("4.0")), Map.of());
            assertThat(after.rating()).isEqualTo(Rating.SATISFACTORY);
            assertThat(GradingRules.outcomeAfterSummer(card, card.year().conduct(), after.rating()))
                    .isEqualTo(YearOutcome.COMPLETED_UPPER_SECONDARY);
            StudyRating stillLow = GradingRules.studyRatingAfterRetest(card,
                    Map.of(subject("TOAN"), s("5.5"), subject("HOA_HOC"), s("3.0")), Map.of());
            assertThat(GradingRules.outcomeAfterSummer(card, card.year().conduct(), stillLow.rating()))
                    .isEqualTo(YearOutcome.REPEAT_GRADE);
        }

        @Test
        void re_assessing_a_subject_that_was_passed_is_refused() {
            ReportCard card = Fixtures.card(scored("6.0", "4.5", "6.0", "5.0", "6.0", "6.0", "3.2", "6.0", "6.0"),
                    comments(0), Rating.FAIR, Rating.UNSATISFACTORY, YearOutcome.RETEST, null);
            assertThatThrownBy(() -> GradingRules.studyRatingAfterRetest(card,
                    Map.of(subject("TOAN"), s("5.5"), subject("HOA_HOC"), s("5.0"), subject("NGU_VAN"), s("7.0")),
                    Map.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Nguyễn Ngọc Bảo Trâm").hasMessageContaining("Ngữ văn");
        }

        @Test
        void summer_conduct_training_decides_the_outcome_when_completed() {
            ReportCard card = Fixtures.card(scored("7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0", "7.0"),
                    comments(0), Rating.UNSATISFACTORY, Rating.FAIR, YearOutcome.SUMMER_TRAINING, null);
            assertThat(GradingRules.outcomeAfterSummer(card, Rating.SATISFACTORY, null))
                    .isEqualTo(YearOutcome.COMPLETED_UPPER_SECONDARY);
            assertThat(GradingRules.outcomeAfterSummer(card, Rating.UNSATISFACTORY, null))
                    .isEqualTo(YearOutcome.REPEAT_GRADE);
        }
    }

    @Nested
    class TitlesOfArticle15 {
        @Test
        void excellent_needs_exactly_six_subjects_at_9_0() {
            assertThat(GradingRules.honourTitle(Rating.GOOD, Rating.GOOD,
                    scores("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "8.0", "8.0", "8.0")))
                    .isEqualTo(HonourTitle.EXCELLENT_STUDENT);
        }

        @Test
        void five_subjects_at_9_0_and_one_at_8_9_is_a_good_student() {
            assertThat(GradingRules.honourTitle(Rating.GOOD, Rating.GOOD,
                    scores("9.0", "9.0", "9.0", "9.0", "9.0", "8.9", "8.0", "8.0", "8.0")))
                    .isEqualTo(HonourTitle.GOOD_STUDENT);
        }

        @Test
        void fair_conduct_earns_no_title_however_high_the_scores() {
            assertThat(GradingRules.honourTitle(Rating.FAIR, Rating.GOOD,
                    scores("10", "10", "10", "10", "10", "10", "10", "10", "10"))).isNull();
        }

        @Test
        void fair_study_results_earn_no_title() {
            assertThat(GradingRules.honourTitle(Rating.GOOD, Rating.FAIR,
                    scores("9.0", "9.0", "9.0", "9.0", "9.0", "9.0", "6.0", "8.0", "8.0"))).isNull();
        }
    }

    private static Rating rating(Map<Subject, Score> scored, int commentsNotPassed) {
        return GradingRules.studyRating(scored, comments(commentsNotPassed)).rating();
    }
}
