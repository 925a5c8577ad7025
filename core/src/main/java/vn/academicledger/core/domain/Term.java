package vn.academicledger.core.domain;

/** The three columns of a report card: semester I, semester II and the whole year. */
public enum Term implements Labelled {
    SEMESTER_1("Học kì I", "Semester I"),
    SEMESTER_2("Học kì II", "Semester II"),
    YEAR("Cả năm", "Whole year");

    private final String vietnamese;
    private final String english;

    Term(String vietnamese, String english) {
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
