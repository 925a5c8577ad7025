package vn.academicledger.core.grading;

import java.util.Objects;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.error.InvalidInputException;

/** The two semesters' assessments of a subject assessed by comments only. */
public record CommentAssessment(Subject subject, SemesterComments semester1, SemesterComments semester2,
                                boolean studyTopicCluster) implements SubjectAssessment {
    public CommentAssessment {
        Objects.requireNonNull(subject, "subject");
        if (subject.isScored()) {
            throw new InvalidInputException("Môn " + subject.vietnamese() + " đánh giá bằng điểm số, không nhập Đ/CĐ.");
        }
        Objects.requireNonNull(semester1, "semester1");
        Objects.requireNonNull(semester2, "semester2");
    }
}
