package vn.academicledger.core.domain;

/** Xếp loại tốt nghiệp printed on diplomas issued under the earlier graduation rules. */
public enum DiplomaClassification implements Labelled {
    VERY_GOOD("Giỏi", "Very good"),
    GOOD("Khá", "Good"),
    AVERAGE("Trung bình", "Average");

    private final String vietnamese;
    private final String english;

    DiplomaClassification(String vietnamese, String english) {
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
