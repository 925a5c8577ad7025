package vn.academicledger.core.grading;

import java.util.Optional;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.Subject;

/**
 * A study result (kết quả học tập) with how it was reached.
 *
 * @param rating      the result
 * @param unadjusted  the level the thresholds of Điều 9 khoản 2 give before the adjustment
 * @param adjustedFor the one subject that pulled the result down two levels or more, for which
 *                    Điều 9 khoản 3 raised it one level; {@code null} when there was no adjustment
 */
public record StudyRating(Rating rating, Rating unadjusted, Subject adjustedFor) {
    public boolean isAdjusted() {
        return adjustedFor != null;
    }

    public Optional<Subject> decisiveSubject() {
        return Optional.ofNullable(adjustedFor);
    }
}
