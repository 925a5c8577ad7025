package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.required;

/** Results of a subject assessed by comments only (Circular 22/2021, Điều 9 khoản 1 điểm a). */
public record CommentSubjectResult(Subject subject, CommentGrade semester1, CommentGrade semester2,
                                   CommentGrade year) implements SubjectResult {
    public CommentSubjectResult {
        required(subject, "môn học");
        check(!subject.isScored(), () -> "Môn " + subject.vietnamese() + " đánh giá bằng điểm số, không ghi Đạt/Chưa đạt.");
        required(semester1, () -> "kết quả học kì I môn " + subject.vietnamese());
        required(semester2, () -> "kết quả học kì II môn " + subject.vietnamese());
        required(year, () -> "kết quả cả năm môn " + subject.vietnamese());
    }

    public CommentGrade grade(Term term) {
        return switch (term) {
            case SEMESTER_1 -> semester1;
            case SEMESTER_2 -> semester2;
            case YEAR -> year;
        };
    }

    @Override
    public String display(Term term) {
        return grade(term).vietnamese();
    }
}
