package vn.academicledger.core.domain;

/** Giới tính, as on the birth certificate and the personal identification number. */
public enum Gender implements Labelled {
    MALE("Nam", "Male"),
    FEMALE("Nữ", "Female");

    private final String vietnamese;
    private final String english;

    Gender(String vietnamese, String english) {
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
