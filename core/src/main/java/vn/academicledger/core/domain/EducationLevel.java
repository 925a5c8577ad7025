package vn.academicledger.core.domain;

import vn.academicledger.core.error.InvalidInputException;

/** Cấp học covered by Circular 22/2021: lower secondary (grades 6–9) and upper secondary (10–12). */
public enum EducationLevel implements Labelled {
    LOWER_SECONDARY("Trung học cơ sở", "Lower secondary", 6, 9),
    UPPER_SECONDARY("Trung học phổ thông", "Upper secondary", 10, 12);

    private final String vietnamese;
    private final String english;
    private final int firstGrade;
    private final int finalGrade;

    EducationLevel(String vietnamese, String english, int firstGrade, int finalGrade) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.firstGrade = firstGrade;
        this.finalGrade = finalGrade;
    }

    /** The level a grade belongs to; grades outside 6–12 are not assessed under Circular 22. */
    public static EducationLevel ofGrade(int grade) {
        for (EducationLevel level : values()) {
            if (grade >= level.firstGrade && grade <= level.finalGrade) {
                return level;
            }
        }
        throw new InvalidInputException("Khối lớp " + grade
                + " không thuộc trung học cơ sở (6–9) hay trung học phổ thông (10–12).");
    }

    public int firstGrade() {
        return firstGrade;
    }

    /** The last grade of the level (9 or 12), whose students complete the programme instead of moving up. */
    public int finalGrade() {
        return finalGrade;
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
