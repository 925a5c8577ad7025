package vn.academicledger.core.domain;

import java.util.Set;

/**
 * Kinds of văn bằng of general education (Circular 21/2019/TT-BGDĐT, quy chế quản lý bằng tốt
 * nghiệp). A diploma may carry a classification only where its kind has one: these diplomas
 * are issued without one today, but those issued under earlier rules show Giỏi, Khá or Trung bình,
 * and re-issued or digitised old diplomas must keep it.
 */
public enum DiplomaKind implements Labelled {
    UPPER_SECONDARY_GRADUATION("Bằng tốt nghiệp trung học phổ thông", "Upper secondary school graduation diploma",
            EducationLevel.UPPER_SECONDARY),
    LOWER_SECONDARY_GRADUATION("Bằng tốt nghiệp trung học cơ sở", "Lower secondary school graduation diploma",
            EducationLevel.LOWER_SECONDARY);

    private final String vietnamese;
    private final String english;
    private final EducationLevel level;

    DiplomaKind(String vietnamese, String english, EducationLevel level) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.level = level;
    }

    /** The level whose completion the diploma certifies. */
    public EducationLevel level() {
        return level;
    }

    /** The classifications this kind can carry. */
    public Set<DiplomaClassification> classifications() {
        return Set.of(DiplomaClassification.VERY_GOOD, DiplomaClassification.GOOD, DiplomaClassification.AVERAGE);
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
