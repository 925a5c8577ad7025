package vn.academicledger.core.domain;

/**
 * The four levels of Circular 22/2021/TT-BGDĐT used both for conduct (kết quả rèn luyện, Điều 8)
 * and for study results (kết quả học tập, Điều 9 khoản 2), per semester and for the year.
 * Declared from best to worst.
 */
public enum Rating implements Labelled {
    GOOD("Tốt", "Good"),
    FAIR("Khá", "Fair"),
    SATISFACTORY("Đạt", "Satisfactory"),
    UNSATISFACTORY("Chưa đạt", "Unsatisfactory");

    private final String vietnamese;
    private final String english;

    Rating(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** Whether this level is {@code other} or better. */
    public boolean isAtLeast(Rating other) {
        return ordinal() <= other.ordinal();
    }

    /** The next better level; {@link #GOOD} stays {@link #GOOD}. */
    public Rating oneLevelUp() {
        return this == GOOD ? GOOD : values()[ordinal() - 1];
    }

    /** How many levels this one is below {@code better} (negative when it is above). */
    public int levelsBelow(Rating better) {
        return ordinal() - better.ordinal();
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
