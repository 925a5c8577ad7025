package vn.academicledger.core.domain;

/** Danh hiệu of Circular 22/2021, Điều 15 khoản 1. */
public enum HonourTitle implements Labelled {
    EXCELLENT_STUDENT("Học sinh Xuất sắc", "Excellent student"),
    GOOD_STUDENT("Học sinh Giỏi", "Good student");

    private final String vietnamese;
    private final String english;

    HonourTitle(String vietnamese, String english) {
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
