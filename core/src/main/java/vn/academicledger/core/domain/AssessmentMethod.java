package vn.academicledger.core.domain;

/** Hình thức đánh giá of a subject (Circular 22/2021, Điều 5 khoản 3). */
public enum AssessmentMethod implements Labelled {
    /** Đánh giá bằng nhận xét kết hợp đánh giá bằng điểm số: scores on the 10-point scale. */
    SCORED("Đánh giá bằng nhận xét kết hợp đánh giá bằng điểm số", "Assessed by comments and scores"),
    /** Đánh giá bằng nhận xét: Đạt or Chưa đạt. */
    COMMENT("Đánh giá bằng nhận xét", "Assessed by comments only");

    private final String vietnamese;
    private final String english;

    AssessmentMethod(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
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
