package vn.academicledger.core.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.CommentSubjectResult;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Labelled;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.SubjectResult;
import vn.academicledger.core.domain.Term;
import vn.academicledger.core.domain.TermRatings;
import vn.academicledger.core.domain.YearOutcome;

/**
 * Computes a report card from the gradebook, and checks a stated report card (for example one read
 * back from a credential) against the rules, listing every result that the rules compute
 * differently.
 */
public final class ReportCardGrading {
    private ReportCardGrading() {
    }

    /** The report card whose every average, rating, outcome and title follows Circular 22/2021. */
    public static ReportCard grade(StudentGradebook book) {
        List<SubjectResult> results = new ArrayList<>();
        for (SubjectAssessment a : book.subjects()) {
            if (a instanceof ScoredAssessment s) {
                Score s1 = GradingRules.semesterAverage(s.semester1());
                Score s2 = GradingRules.semesterAverage(s.semester2());
                results.add(new ScoredSubjectResult(s.subject(), s1, s2, GradingRules.yearAverage(s1, s2)));
            } else if (a instanceof CommentAssessment c) {
                CommentGrade g1 = GradingRules.commentSemesterGrade(c.semester1());
                CommentGrade g2 = GradingRules.commentSemesterGrade(c.semester2());
                results.add(new CommentSubjectResult(c.subject(), g1, g2, GradingRules.commentYearGrade(g1, g2)));
            }
        }
        Rating study1 = GradingRules.studyRating(results, Term.SEMESTER_1).rating();
        Rating study2 = GradingRules.studyRating(results, Term.SEMESTER_2).rating();
        Rating studyYear = GradingRules.studyRating(results, Term.YEAR).rating();
        Rating conductYear = GradingRules.yearConduct(book.conductSemester1(), book.conductSemester2());
        YearOutcome outcome = GradingRules.yearOutcome(book.grade(), conductYear, studyYear, book.daysAbsent());
        HonourTitle title = GradingRules.honourTitle(conductYear, studyYear, yearAverages(results));
        return new ReportCard(book.school(), book.student(), book.schoolYear(), book.grade(), book.className(),
                book.homeroomTeacher(), results, new TermRatings(book.conductSemester1(), study1),
                new TermRatings(book.conductSemester2(), study2), new TermRatings(conductYear, studyYear),
                book.daysAbsent(), book.homeroomComment(), outcome, title);
    }

    /**
     * Every stated result that the rules compute differently from the stated semester results:
     * year averages and year comment results (Điều 9 khoản 1), study results (Điều 9 khoản 2, 3),
     * year conduct (Điều 8), outcome (Điều 12–14) and title (Điều 15). Empty when the report card
     * is consistent.
     */
    private static final String[] STUDY_RESULT_LABELS = java.util.Arrays.stream(Term.values())
            .map(t -> "Kết quả học tập " + t.vietnamese().toLowerCase()).toArray(String[]::new);

    public static List<Discrepancy> discrepancies(ReportCard card) {
        List<Discrepancy> found = new ArrayList<>();
        List<SubjectResult> recomputed = new ArrayList<>();
        for (SubjectResult r : card.subjects()) {
            if (r instanceof ScoredSubjectResult s) {
                Score year = GradingRules.yearAverage(s.semester1(), s.semester2());
                if (!year.equals(s.year())) {
                    found.add(new Discrepancy("subjectResults[" + s.subject().code() + "].averageYear",
                            "Môn " + s.subject().vietnamese() + ", điểm trung bình cả năm", s.year().toVietnamese(),
                            year.toVietnamese(), "Điều 9 khoản 1 điểm b"));
                }
                recomputed.add(new ScoredSubjectResult(s.subject(), s.semester1(), s.semester2(), year));
            } else if (r instanceof CommentSubjectResult c) {
                CommentGrade year = GradingRules.commentYearGrade(c.semester1(), c.semester2());
                if (year != c.year()) {
                    found.add(new Discrepancy("subjectResults[" + c.subject().code() + "].gradeYear",
                            "Môn " + c.subject().vietnamese() + ", kết quả cả năm", c.year().vietnamese(),
                            year.vietnamese(), "Điều 9 khoản 1 điểm a"));
                }
                recomputed.add(new CommentSubjectResult(c.subject(), c.semester1(), c.semester2(), year));
            }
        }
        String[] fields = {"studyResultSemester1", "studyResultSemester2", "studyResultYear"};
        Term[] terms = Term.values();
        for (int i = 0; i < terms.length; i++) {
            StudyRating computed = GradingRules.studyRating(recomputed, terms[i]);
            compare(found, fields[i], STUDY_RESULT_LABELS[i],
                    card.ratings(terms[i]).study(), computed.rating(),
                    computed.isAdjusted() ? "Điều 9 khoản 2 và khoản 3" : "Điều 9 khoản 2");
        }
        Rating studyYear = GradingRules.studyRating(recomputed, Term.YEAR).rating();
        Rating conductYear = GradingRules.yearConduct(card.semester1().conduct(), card.semester2().conduct());
        compare(found, "conductYear", "Kết quả rèn luyện cả năm", card.year().conduct(), conductYear, "Điều 8");
        YearOutcome outcome = GradingRules.yearOutcome(card.grade(), conductYear, studyYear, card.daysAbsent());
        compare(found, "yearOutcome", "Kết quả cuối năm", card.outcome(), outcome, "Điều 12, 13 và 14");
        HonourTitle title = GradingRules.honourTitle(conductYear, studyYear, yearAverages(recomputed));
        compare(found, "honourTitle", "Danh hiệu", card.honourTitle(), title, "Điều 15 khoản 1");
        return List.copyOf(found);
    }

    private static void compare(List<Discrepancy> found, String field, String what, Labelled stated,
                                Labelled computed, String rule) {
        if (!Objects.equals(stated, computed)) {
            found.add(new Discrepancy(field, what, label(stated), label(computed), rule));
        }
    }

    private static String label(Labelled value) {
        return value == null ? "(không có)" : value.vietnamese();
    }

    private static List<Score> yearAverages(List<SubjectResult> results) {
        return results.stream().filter(ScoredSubjectResult.class::isInstance)
                .map(r -> ((ScoredSubjectResult) r).year()).toList();
    }
}
