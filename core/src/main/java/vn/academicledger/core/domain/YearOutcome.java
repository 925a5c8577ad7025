package vn.academicledger.core.domain;

/**
 * What the year's results decide (Circular 22/2021, Điều 12–14): moving up, completing the
 * programme in the last grade of a level, summer conduct training, summer re-assessment of the
 * failed subjects, or repeating the grade.
 */
public enum YearOutcome implements Labelled {
    PROMOTED("Được lên lớp", "Promoted to the next grade"),
    COMPLETED_LOWER_SECONDARY("Được công nhận hoàn thành chương trình trung học cơ sở",
            "Completed the lower secondary programme"),
    COMPLETED_UPPER_SECONDARY("Được công nhận hoàn thành chương trình trung học phổ thông",
            "Completed the upper secondary programme"),
    SUMMER_TRAINING("Rèn luyện thêm trong kì nghỉ hè", "Further conduct training during the summer break"),
    RETEST("Kiểm tra, đánh giá lại trong kì nghỉ hè", "Re-assessment of failed subjects during the summer break"),
    REPEAT_GRADE("Ở lại lớp", "Repeats the grade");

    private final String vietnamese;
    private final String english;

    YearOutcome(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** Whether the outcome is final and favourable: moving up or completing the programme. */
    public boolean isPass() {
        return this == PROMOTED || this == COMPLETED_LOWER_SECONDARY || this == COMPLETED_UPPER_SECONDARY;
    }

    /** Whether the outcome waits for a summer re-assessment. */
    public boolean isPending() {
        return this == SUMMER_TRAINING || this == RETEST;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    @Override
    public String english() {
        return english;
    }
}
