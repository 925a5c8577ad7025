package vn.academicledger.core.grading;

import java.util.List;
import java.util.Objects;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.error.InvalidInputException;

/**
 * One semester's assessments of a subject assessed by comments only: the regular assessments and
 * the mid-term and end-of-semester assessments, each Đạt or Chưa đạt (Circular 22/2021 Điều 6, 7).
 */
public record SemesterComments(List<CommentGrade> regular, CommentGrade midterm, CommentGrade endOfSemester) {
    public SemesterComments {
        Objects.requireNonNull(regular, "regular");
        regular = List.copyOf(regular);
        if (midterm == null) {
            throw new InvalidInputException("Thiếu kết quả đánh giá giữa kì (Đ hoặc CĐ).");
        }
        if (endOfSemester == null) {
            throw new InvalidInputException("Thiếu kết quả đánh giá cuối kì (Đ hoặc CĐ).");
        }
    }

    /** Đạt or Chưa đạt for the semester (Điều 9 khoản 1 điểm a). */
    public CommentGrade grade() {
        return GradingRules.commentSemesterGrade(this);
    }
}
