package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.required;

/**
 * Results of a subject assessed by comments and scores: ĐTBmhk of each semester and ĐTBmcn
 * (Circular 22/2021, Điều 9 khoản 1 điểm b). The record holds what is stated; {@code
 * vn.academicledger.core.grading} computes and checks it.
 */
public record ScoredSubjectResult(Subject subject, Score semester1, Score semester2, Score year)
        implements SubjectResult {
    public ScoredSubjectResult {
        required(subject, "môn học");
        check(subject.isScored(), () -> "Môn " + subject.vietnamese() + " đánh giá bằng nhận xét, không ghi điểm trung bình.");
        required(semester1, () -> "điểm trung bình học kì I môn " + subject.vietnamese());
        required(semester2, () -> "điểm trung bình học kì II môn " + subject.vietnamese());
        required(year, () -> "điểm trung bình cả năm môn " + subject.vietnamese());
    }

    public Score average(Term term) {
        return switch (term) {
            case SEMESTER_1 -> semester1;
            case SEMESTER_2 -> semester2;
            case YEAR -> year;
        };
    }

    @Override
    public String display(Term term) {
        return average(term).toVietnamese();
    }
}
