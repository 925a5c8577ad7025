package vn.academicledger.core.grading;

import java.util.List;
import java.util.Objects;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.error.InvalidInputException;

/**
 * One semester's scores of a subject assessed by comments and scores, as the gradebook (sổ theo
 * dõi và đánh giá học sinh) holds them: the regular assessment scores (ĐĐGtx), the mid-term score
 * (ĐĐGgk) and the end-of-semester score (ĐĐGck), Circular 22/2021 Điều 6 and 7.
 */
public record SemesterScores(List<Score> regular, Score midterm, Score endOfSemester) {
    public SemesterScores {
        Objects.requireNonNull(regular, "regular");
        regular = List.copyOf(regular);
        if (regular.isEmpty()) {
            throw new InvalidInputException("Cần ít nhất một điểm đánh giá thường xuyên (ĐĐGtx).");
        }
        if (midterm == null) {
            throw new InvalidInputException("Thiếu điểm đánh giá giữa kì (ĐĐGgk).");
        }
        if (endOfSemester == null) {
            throw new InvalidInputException("Thiếu điểm đánh giá cuối kì (ĐĐGck).");
        }
    }

    /** ĐTBmhk of these scores (Điều 9 khoản 1 điểm b). */
    public Score average() {
        return GradingRules.semesterAverage(this);
    }
}
