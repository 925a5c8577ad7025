package vn.academicledger.core.grading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.CommentSubjectResult;
import vn.academicledger.core.domain.EducationLevel;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectResult;
import vn.academicledger.core.domain.Term;
import vn.academicledger.core.domain.YearOutcome;
import vn.academicledger.core.error.InvalidInputException;

/**
 * The assessment rules of Circular 22/2021/TT-BGDĐT (Quy định về đánh giá học sinh trung học cơ sở
 * và học sinh trung học phổ thông), one method per rule, each naming its article. Pure functions:
 * no clock, no state. Averages are computed in decimal arithmetic and rounded half up to one
 * decimal, as the circular prescribes ("lấy đến chữ số thập phân thứ nhất sau khi làm tròn số").
 */
public final class GradingRules {
    /** Điều 12 khoản 1 điểm c: at most 45 sessions absent in a school year. */
    public static final int MAX_SESSIONS_ABSENT = 45;
    /** "Ít nhất 06 môn học" in Điều 9 khoản 2 and Điều 15 khoản 1. */
    public static final int MIN_SUBJECTS_AT_LEVEL = 6;

    static final Score EIGHT = Score.of("8.0");
    static final Score SIX_FIVE = Score.of("6.5");
    static final Score FIVE = Score.of("5.0");
    static final Score THREE_FIVE = Score.of("3.5");
    static final Score NINE = Score.of("9.0");

    private GradingRules() {
    }

    /**
     * Number of regular assessments (ĐĐGtx, or Đ/CĐ assessments) a subject needs each semester,
     * Điều 6 khoản 2: two for a comment-only subject; for a scored subject two up to 35 periods a
     * year, three above 35 up to 70, four above 70. A cluster of study topics adds one (its
     * assessment counts as one regular assessment of the subject).
     */
    public static int requiredRegularAssessments(Subject subject, boolean studyTopicCluster) {
        int base;
        if (!subject.isScored()) {
            base = 2;
        } else if (subject.periodsPerYear() <= 35) {
            base = 2;
        } else if (subject.periodsPerYear() <= 70) {
            base = 3;
        } else {
            base = 4;
        }
        return base + (studyTopicCluster ? 1 : 0);
    }

    /**
     * ĐTBmhk = (TĐĐGtx + 2 × ĐĐGgk + 3 × ĐĐGck) / (số ĐĐGtx + 5), Điều 9 khoản 1 điểm b, rounded
     * half up to one decimal.
     */
    public static Score semesterAverage(SemesterScores scores) {
        // In whole tenths (scores have one decimal): exact, and rounding half up to a tenth is
        // floor(total / weights + 1/2) = (2 × total + weights) / (2 × weights) for non-negative totals.
        int total = 0;
        for (Score s : scores.regular()) {
            total += s.tenths();
        }
        total += 2 * scores.midterm().tenths() + 3 * scores.endOfSemester().tenths();
        int weights = scores.regular().size() + 5;
        return Score.ofTenths((2 * total + weights) / (2 * weights));
    }

    /** ĐTBmcn = (ĐTBmhkI + 2 × ĐTBmhkII) / 3, Điều 9 khoản 1 điểm b, from the rounded semester averages. */
    public static Score yearAverage(Score semester1, Score semester2) {
        int total = semester1.tenths() + 2 * semester2.tenths();
        return Score.ofTenths((2 * total + 3) / 6);
    }

    /**
     * A comment-only subject's semester result, Điều 9 khoản 1 điểm a: Đạt when the student has
     * every required assessment (two regular, the mid-term and the end-of-semester one) and all of
     * them are Đạt; otherwise Chưa đạt.
     */
    public static CommentGrade commentSemesterGrade(SemesterComments comments) {
        boolean complete = comments.regular().size() >= 2;
        boolean allPassed = comments.regular().stream().allMatch(g -> g == CommentGrade.PASSED)
                && comments.midterm() == CommentGrade.PASSED
                && comments.endOfSemester() == CommentGrade.PASSED;
        return complete && allPassed ? CommentGrade.PASSED : CommentGrade.NOT_PASSED;
    }

    /** A comment-only subject's year result is its semester II result, Điều 9 khoản 1 điểm a. */
    public static CommentGrade commentYearGrade(CommentGrade semester1, CommentGrade semester2) {
        Objects.requireNonNull(semester1, "semester1");
        return Objects.requireNonNull(semester2, "semester2");
    }

    /**
     * Study result of a semester (from ĐTBmhk) or of the year (from ĐTBmcn), Điều 9 khoản 2:
     * <ul>
     *   <li>Tốt: every comment-only subject Đạt; every scored subject 6.5 or more, at least six of them 8.0 or more;</li>
     *   <li>Khá: every comment-only subject Đạt; every scored subject 5.0 or more, at least six 6.5 or more;</li>
     *   <li>Đạt: at most one comment-only subject Chưa đạt; at least six scored subjects 5.0 or more, none below 3.5;</li>
     *   <li>Chưa đạt: every other case;</li>
     * </ul>
     * then Điều 9 khoản 3: a result two or more levels below Tốt or Khá because of one single subject
     * is raised to the next level up. The single subject may be a comment-only one; see the README.
     *
     * @param scored   averages of the scored subjects
     * @param comments results of the comment-only subjects
     */
    public static StudyRating studyRating(Map<Subject, Score> scored, Map<Subject, CommentGrade> comments) {
        List<Mark> marks = new ArrayList<>();
        scored.forEach((s, v) -> marks.add(new Mark(s, Objects.requireNonNull(v, s.vietnamese()), null)));
        comments.forEach((s, g) -> marks.add(new Mark(s, null, Objects.requireNonNull(g, s.vietnamese()))));
        Rating base = thresholds(marks);
        if (base.isAtLeast(Rating.FAIR)) {
            // Raising by one level needs a rating two levels up without one subject: from FAIR or GOOD
            // there is none, so most report cards skip the search below.
            return new StudyRating(base, base, null);
        }
        Subject decisive = null;
        int candidates = 0;
        for (int i = 0; i < marks.size(); i++) {
            List<Mark> without = new ArrayList<>(marks);
            Mark removed = without.remove(i);
            Rating wouldBe = thresholds(without);
            if (wouldBe.isAtLeast(Rating.FAIR) && base.levelsBelow(wouldBe) >= 2) {
                candidates++;
                decisive = removed.subject();
            }
        }
        if (candidates == 1) {
            return new StudyRating(base.oneLevelUp(), base, decisive);
        }
        return new StudyRating(base, base, null);
    }

    /** {@link #studyRating(Map, Map)} of one column of a report card's subject lines. */
    public static StudyRating studyRating(List<SubjectResult> subjects, Term term) {
        Map<Subject, Score> scored = new LinkedHashMap<>();
        Map<Subject, CommentGrade> comments = new LinkedHashMap<>();
        for (SubjectResult r : subjects) {
            if (r instanceof ScoredSubjectResult s) {
                scored.put(s.subject(), s.average(term));
            } else if (r instanceof CommentSubjectResult c) {
                comments.put(c.subject(), c.grade(term));
            }
        }
        return studyRating(scored, comments);
    }

    private record Mark(Subject subject, Score score, CommentGrade grade) {
    }

    private static Rating thresholds(List<Mark> marks) {
        long commentsNotPassed = 0;
        List<Score> scores = new ArrayList<>(marks.size());
        for (Mark m : marks) {
            if (m.grade() == CommentGrade.NOT_PASSED) {
                commentsNotPassed++;
            }
            if (m.score() != null) {
                scores.add(m.score());
            }
        }
        if (commentsNotPassed == 0 && all(scores, SIX_FIVE) && count(scores, EIGHT) >= MIN_SUBJECTS_AT_LEVEL) {
            return Rating.GOOD;
        }
        if (commentsNotPassed == 0 && all(scores, FIVE) && count(scores, SIX_FIVE) >= MIN_SUBJECTS_AT_LEVEL) {
            return Rating.FAIR;
        }
        if (commentsNotPassed <= 1 && count(scores, FIVE) >= MIN_SUBJECTS_AT_LEVEL && all(scores, THREE_FIVE)) {
            return Rating.SATISFACTORY;
        }
        return Rating.UNSATISFACTORY;
    }

    private static boolean all(Collection<Score> scores, Score threshold) {
        for (Score s : scores) {
            if (!s.isAtLeast(threshold)) {
                return false;
            }
        }
        return true;
    }

    private static long count(Collection<Score> scores, Score threshold) {
        long n = 0;
        for (Score s : scores) {
            if (s.isAtLeast(threshold)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Conduct for the year from the two semesters, Điều 8:
     * <ul>
     *   <li>Tốt: semester II Tốt and semester I Khá or better;</li>
     *   <li>Khá: II Khá and I Đạt or better; or II Đạt and I Tốt; or II Tốt and I Đạt or Chưa đạt;</li>
     *   <li>Đạt: II Đạt and I Khá, Đạt or Chưa đạt; or II Khá and I Chưa đạt;</li>
     *   <li>Chưa đạt: every other case (semester II Chưa đạt).</li>
     * </ul>
     */
    public static Rating yearConduct(Rating semester1, Rating semester2) {
        Objects.requireNonNull(semester1, "semester1");
        return switch (Objects.requireNonNull(semester2, "semester2")) {
            case GOOD -> semester1.isAtLeast(Rating.FAIR) ? Rating.GOOD : Rating.FAIR;
            case FAIR -> semester1.isAtLeast(Rating.SATISFACTORY) ? Rating.FAIR : Rating.SATISFACTORY;
            case SATISFACTORY -> semester1 == Rating.GOOD ? Rating.FAIR : Rating.SATISFACTORY;
            case UNSATISFACTORY -> Rating.UNSATISFACTORY;
        };
    }

    /**
     * What the year's results decide, Điều 12 to 14:
     * <ul>
     *   <li>more than {@value #MAX_SESSIONS_ABSENT} sessions absent: repeats the grade (Điều 12);</li>
     *   <li>conduct and study Đạt or better: promoted, or in grade 9 or 12 the programme is completed (Điều 12 khoản 1);</li>
     *   <li>conduct Chưa đạt, study Đạt or better: conduct training in the summer (Điều 13);</li>
     *   <li>conduct Đạt or better, study Chưa đạt: re-assessment of the failed subjects in the summer (Điều 14);</li>
     *   <li>both Chưa đạt: repeats the grade, since Điều 14 re-assesses only students whose year conduct is Đạt or better.</li>
     * </ul>
     */
    public static YearOutcome yearOutcome(int grade, Rating conductYear, Rating studyYear, int sessionsAbsent) {
        EducationLevel level = EducationLevel.ofGrade(grade);
        Objects.requireNonNull(conductYear, "conductYear");
        Objects.requireNonNull(studyYear, "studyYear");
        if (sessionsAbsent < 0) {
            throw new InvalidInputException("Số buổi nghỉ học không thể âm (" + sessionsAbsent + ").");
        }
        if (sessionsAbsent > MAX_SESSIONS_ABSENT) {
            return YearOutcome.REPEAT_GRADE;
        }
        boolean conductOk = conductYear.isAtLeast(Rating.SATISFACTORY);
        boolean studyOk = studyYear.isAtLeast(Rating.SATISFACTORY);
        if (conductOk && studyOk) {
            if (grade == level.finalGrade()) {
                return level == EducationLevel.UPPER_SECONDARY
                        ? YearOutcome.COMPLETED_UPPER_SECONDARY : YearOutcome.COMPLETED_LOWER_SECONDARY;
            }
            return YearOutcome.PROMOTED;
        }
        if (studyOk) {
            return YearOutcome.SUMMER_TRAINING;
        }
        if (conductOk) {
            return YearOutcome.RETEST;
        }
        return YearOutcome.REPEAT_GRADE;
    }

    /**
     * The title earned, Điều 15 khoản 1: Học sinh Xuất sắc for conduct Tốt, study Tốt and at least
     * six scored subjects with ĐTBmcn 9.0 or more; Học sinh Giỏi for conduct Tốt and study Tốt;
     * otherwise none ({@code null}).
     */
    public static HonourTitle honourTitle(Rating conductYear, Rating studyYear, Collection<Score> yearAverages) {
        if (conductYear != Rating.GOOD || studyYear != Rating.GOOD) {
            return null;
        }
        return count(yearAverages, NINE) >= MIN_SUBJECTS_AT_LEVEL
                ? HonourTitle.EXCELLENT_STUDENT : HonourTitle.GOOD_STUDENT;
    }

    /**
     * The subjects re-assessed in the summer, Điều 14: comment-only subjects whose year result is
     * Chưa đạt and scored subjects whose ĐTBmcn is below 5.0. Empty unless the outcome is
     * {@link YearOutcome#RETEST}.
     */
    public static List<Subject> retestSubjects(ReportCard card) {
        if (card.outcome() != YearOutcome.RETEST) {
            return List.of();
        }
        List<Subject> subjects = new ArrayList<>();
        for (SubjectResult r : card.subjects()) {
            if (r instanceof ScoredSubjectResult s && !s.year().isAtLeast(FIVE)) {
                subjects.add(s.subject());
            } else if (r instanceof CommentSubjectResult c && c.year() == CommentGrade.NOT_PASSED) {
                subjects.add(c.subject());
            }
        }
        return List.copyOf(subjects);
    }

    /**
     * The year's study result after the summer re-assessment, Điều 14: each re-assessed subject's
     * new result replaces its year result.
     */
    public static StudyRating studyRatingAfterRetest(ReportCard card, Map<Subject, Score> newScores,
                                                     Map<Subject, CommentGrade> newGrades) {
        List<Subject> retested = retestSubjects(card);
        for (Subject s : newScores.keySet()) {
            requireRetested(card, retested, s);
        }
        for (Subject s : newGrades.keySet()) {
            requireRetested(card, retested, s);
        }
        for (Subject s : retested) {
            if (!newScores.containsKey(s) && !newGrades.containsKey(s)) {
                throw new InvalidInputException("Học sinh " + card.student().fullName() + ": thiếu kết quả kiểm tra lại môn "
                        + s.vietnamese() + ".");
            }
        }
        Map<Subject, Score> scored = new LinkedHashMap<>();
        Map<Subject, CommentGrade> comments = new LinkedHashMap<>();
        for (SubjectResult r : card.subjects()) {
            if (r instanceof ScoredSubjectResult s) {
                scored.put(s.subject(), newScores.getOrDefault(s.subject(), s.year()));
            } else if (r instanceof CommentSubjectResult c) {
                comments.put(c.subject(), newGrades.getOrDefault(c.subject(), c.year()));
            }
        }
        return studyRating(scored, comments);
    }

    private static void requireRetested(ReportCard card, List<Subject> retested, Subject s) {
        if (!retested.contains(s)) {
            throw new InvalidInputException("Học sinh " + card.student().fullName() + " không phải kiểm tra lại môn "
                    + s.vietnamese() + " (Điều 14 chỉ đánh giá lại môn có ĐTBmcn dưới 5,0 hoặc môn nhận xét Chưa đạt).");
        }
    }

    /**
     * The final outcome after the summer, Điều 12 to 14: the re-assessed conduct (Điều 13) or study
     * result (Điều 14) replaces the year's; the student then moves up (or completes the programme)
     * or repeats the grade.
     */
    public static YearOutcome outcomeAfterSummer(ReportCard card, Rating conductAfterSummer,
                                                 Rating studyAfterSummer) {
        if (!card.outcome().isPending()) {
            throw new InvalidInputException("Học sinh " + card.student().fullName() + " có kết quả '"
                    + card.outcome().vietnamese() + "', không phải chờ đánh giá lại trong hè.");
        }
        Rating conduct = card.outcome() == YearOutcome.SUMMER_TRAINING ? conductAfterSummer : card.year().conduct();
        Rating study = card.outcome() == YearOutcome.RETEST ? studyAfterSummer : card.year().study();
        YearOutcome outcome = yearOutcome(card.grade(), conduct, study, card.daysAbsent());
        return outcome.isPass() ? outcome : YearOutcome.REPEAT_GRADE;
    }
}
