package vn.academicledger.core.domain;

/** Whether a subject of the 2018 general education programme is compulsory or chosen. */
public enum SubjectCategory implements Labelled {
    COMPULSORY("Môn học bắt buộc", "Compulsory subject"),
    ELECTIVE("Môn học lựa chọn", "Elective subject");

    private final String vietnamese;
    private final String english;

    SubjectCategory(String vietnamese, String english) {
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
