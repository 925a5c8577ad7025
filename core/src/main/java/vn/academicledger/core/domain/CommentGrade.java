package vn.academicledger.core.domain;

/** Result of a subject assessed by comments only (Circular 22/2021, Điều 9 khoản 1 điểm a). */
public enum CommentGrade implements Labelled {
    PASSED("Đạt", "Passed", "Đ"),
    NOT_PASSED("Chưa đạt", "Not passed", "CĐ");

    private final String vietnamese;
    private final String english;
    private final String abbreviation;

    CommentGrade(String vietnamese, String english, String abbreviation) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.abbreviation = abbreviation;
    }

    /** The abbreviation teachers write in the gradebook: {@code Đ} or {@code CĐ}. */
    public String abbreviation() {
        return abbreviation;
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
