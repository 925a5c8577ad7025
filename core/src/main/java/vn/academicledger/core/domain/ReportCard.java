package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.required;
import static vn.academicledger.core.domain.Checks.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Học bạ of one student for one school year, as stated: the subject results, the conduct and study
 * ratings per semester and for the year, absences, the homeroom teacher's comment, the outcome and
 * the title. The constructor checks the structure (the student belongs to the school, the subjects
 * belong to the grade's programme, all compulsory subjects and the right number of electives are
 * there); whether the stated results follow Circular 22/2021 is computed and checked by {@code
 * vn.academicledger.core.grading.ReportCardGrading}. Subjects are kept in report-card order.
 *
 * @param daysAbsent  số buổi nghỉ học in the year, excused or not
 * @param honourTitle the title earned, or {@code null} for none
 */
public record ReportCard(School school, Student student, SchoolYear schoolYear, int grade, String className,
                         String homeroomTeacher, List<SubjectResult> subjects, TermRatings semester1,
                         TermRatings semester2, TermRatings year, int daysAbsent, String homeroomComment,
                         YearOutcome outcome, HonourTitle honourTitle) {
    public ReportCard {
        required(school, "trường của học bạ");
        required(student, "học sinh của học bạ");
        // Messages are built only when a check fails: a bulk job builds hundreds of thousands of cards.
        Student pupil = student;
        School issuer = school;
        Supplier<String> card0 = () -> "học bạ của học sinh " + pupil.fullName() + " (mã " + pupil.studentNumber() + ")";
        check(student.schoolCode().equals(school.code()), () -> "H" + card0.get().substring(1) + ": học sinh thuộc trường mã "
                + pupil.schoolCode() + " nhưng học bạ thuộc trường mã " + issuer.code() + ".");
        required(schoolYear, () -> "năm học trong " + card0.get());
        EducationLevel level = EducationLevel.ofGrade(grade);
        className = text(className, () -> "tên lớp trong " + card0.get());
        String name = className;
        homeroomTeacher = text(homeroomTeacher, () -> "họ tên giáo viên chủ nhiệm lớp " + name);
        SchoolYear yearOfCard = schoolYear;
        Supplier<String> card = () -> card0.get() + ", lớp " + name + " năm học " + yearOfCard;
        Supplier<String> who = () -> "H" + card.get().substring(1);
        required(subjects, () -> "danh sách môn học trong " + card.get());
        subjects = sortedSubjects(subjects, grade, level, who);
        required(semester1, () -> "kết quả rèn luyện và học tập học kì I trong " + card.get());
        required(semester2, () -> "kết quả rèn luyện và học tập học kì II trong " + card.get());
        required(year, () -> "kết quả rèn luyện và học tập cả năm trong " + card.get());
        int absent = daysAbsent;
        check(daysAbsent >= 0 && daysAbsent <= 366, () -> who.get() + ": số buổi nghỉ " + absent + " không hợp lệ.");
        homeroomComment = text(homeroomComment, () -> "nhận xét của giáo viên chủ nhiệm trong " + card.get());
        required(outcome, () -> "kết quả lên lớp trong " + card.get());
    }

    private static List<SubjectResult> sortedSubjects(List<SubjectResult> given, int grade, EducationLevel level,
                                                      Supplier<String> who) {
        check(!given.isEmpty(), () -> who.get() + ": chưa có môn học nào.");
        List<Subject> programme = SubjectCatalogue.forGrade(grade);
        Set<String> seen = new HashSet<>();
        int electives = 0;
        for (SubjectResult r : given) {
            required(r, "kết quả môn học");
            Subject s = r.subject();
            check(programme.contains(s), () -> who.get() + ": môn " + s.vietnamese() + " (mã " + s.code()
                    + ") không thuộc chương trình lớp " + grade + " hoặc sai số tiết/hình thức đánh giá.");
            check(seen.add(s.code()), () -> who.get() + ": môn " + s.vietnamese() + " có hai dòng kết quả.");
            if (s.category() == SubjectCategory.ELECTIVE) {
                electives++;
            }
        }
        for (Subject s : programme) {
            check(s.category() != SubjectCategory.COMPULSORY || seen.contains(s.code()),
                    () -> who.get() + ": thiếu môn bắt buộc " + s.vietnamese() + ".");
        }
        int required = SubjectCatalogue.requiredElectives(grade);
        int counted = electives;
        check(electives == required, () -> who.get() + ": có " + counted + " môn lựa chọn, chương trình "
                + level.vietnamese().toLowerCase() + " cần đúng " + required + ".");
        List<SubjectResult> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparingInt(r -> SubjectCatalogue.order(grade, r.subject())));
        return List.copyOf(sorted);
    }

    public EducationLevel educationLevel() {
        return EducationLevel.ofGrade(grade);
    }

    public TermRatings ratings(Term term) {
        return switch (term) {
            case SEMESTER_1 -> semester1;
            case SEMESTER_2 -> semester2;
            case YEAR -> year;
        };
    }

    public Optional<SubjectResult> subject(String code) {
        return subjects.stream().filter(r -> r.subject().code().equals(code)).findFirst();
    }

    public List<ScoredSubjectResult> scoredSubjects() {
        return subjects.stream().filter(ScoredSubjectResult.class::isInstance).map(ScoredSubjectResult.class::cast)
                .toList();
    }

    public List<CommentSubjectResult> commentSubjects() {
        return subjects.stream().filter(CommentSubjectResult.class::isInstance)
                .map(CommentSubjectResult.class::cast).toList();
    }

    public Optional<HonourTitle> title() {
        return Optional.ofNullable(honourTitle);
    }
}
