package vn.academicledger.core.grading;

import java.util.Objects;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.error.InvalidInputException;

/** The two semesters' scores of a subject assessed by comments and scores. */
public record ScoredAssessment(Subject subject, SemesterScores semester1, SemesterScores semester2,
                               boolean studyTopicCluster) implements SubjectAssessment {
    public ScoredAssessment {
        Objects.requireNonNull(subject, "subject");
        if (!subject.isScored()) {
            throw new InvalidInputException("Môn " + subject.vietnamese() + " đánh giá bằng nhận xét (Đ/CĐ), không nhập điểm số.");
        }
        Objects.requireNonNull(semester1, "semester1");
        Objects.requireNonNull(semester2, "semester2");
    }
}
