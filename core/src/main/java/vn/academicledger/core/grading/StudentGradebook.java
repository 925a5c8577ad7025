package vn.academicledger.core.grading;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.academicledger.core.domain.EducationLevel;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.error.InvalidInputException;

/**
 * One student's year in the gradebook (sổ theo dõi và đánh giá học sinh): every assessment of
 * every subject, conduct per semester as the homeroom teacher rated it, absences and the homeroom
 * teacher's comment. {@link ReportCardGrading#grade} turns it into the report card.
 *
 * <p>The constructor checks that each subject has exactly the assessments Circular 22/2021
 * requires (Điều 6 khoản 2, Điều 7), naming the student, the subject and the semester otherwise.
 */
public record StudentGradebook(School school, Student student, SchoolYear schoolYear, int grade,
                               String className, String homeroomTeacher, List<SubjectAssessment> subjects,
                               Rating conductSemester1, Rating conductSemester2, int daysAbsent,
                               String homeroomComment) {
    public StudentGradebook {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(schoolYear, "schoolYear");
        EducationLevel level = EducationLevel.ofGrade(grade);
        String who = "Học sinh " + student.fullName() + " (mã " + student.studentNumber() + ")";
        if (subjects == null || subjects.isEmpty()) {
            throw new InvalidInputException(who + ": chưa có điểm môn nào.");
        }
        subjects = List.copyOf(subjects);
        Set<String> codes = new HashSet<>();
        for (SubjectAssessment a : subjects) {
            if (!codes.add(a.subject().code())) {
                throw new InvalidInputException(who + ": môn " + a.subject().vietnamese() + " được nhập hai lần.");
            }
            if (a.studyTopicCluster() && level != EducationLevel.UPPER_SECONDARY) {
                throw new InvalidInputException(who + ", môn " + a.subject().vietnamese()
                        + ": cụm chuyên đề học tập chỉ có ở trung học phổ thông.");
            }
            checkCounts(who, a);
        }
        if (conductSemester1 == null || conductSemester2 == null) {
            throw new InvalidInputException(who + ": thiếu kết quả rèn luyện học kì "
                    + (conductSemester1 == null ? "I" : "II") + ".");
        }
        if (daysAbsent < 0) {
            throw new InvalidInputException(who + ": số buổi nghỉ học không thể âm (" + daysAbsent + ").");
        }
    }

    private static void checkCounts(String who, SubjectAssessment a) {
        int required = GradingRules.requiredRegularAssessments(a.subject(), a.studyTopicCluster());
        int[] counts;
        if (a instanceof ScoredAssessment s) {
            counts = new int[]{s.semester1().regular().size(), s.semester2().regular().size()};
        } else if (a instanceof CommentAssessment c) {
            counts = new int[]{c.semester1().regular().size(), c.semester2().regular().size()};
        } else {
            counts = new int[0];
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != required) {
                String what = a.subject().isScored() ? "điểm đánh giá thường xuyên (ĐĐGtx)" : "lần đánh giá thường xuyên";
                String hint = a.subject().isScored() ? ""
                        : "; lần đánh giá học sinh vắng mặt ghi CĐ (Điều 9 khoản 1 điểm a)";
                throw new InvalidInputException(who + ", môn " + a.subject().vietnamese() + ", học kì "
                        + (i == 0 ? "I" : "II") + ": có " + counts[i] + " " + what + ", cần đúng " + required
                        + " (môn " + a.subject().periodsPerYear() + " tiết/năm, Điều 6 khoản 2 Thông tư 22/2021/TT-BGDĐT"
                        + (a.studyTopicCluster() ? ", thêm 1 của cụm chuyên đề học tập" : "") + ")" + hint + ".");
            }
        }
    }
}
