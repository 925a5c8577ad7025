package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.required;

/**
 * Conduct (kết quả rèn luyện, Circular 22/2021 Điều 8) and study result (kết quả học tập, Điều 9)
 * of one semester or of the year.
 */
public record TermRatings(Rating conduct, Rating study) {
    public TermRatings {
        required(conduct, "kết quả rèn luyện");
        required(study, "kết quả học tập");
    }
}
