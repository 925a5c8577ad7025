package vn.academicledger.core.grading;

/**
 * A stated result of a report card that the rules of Circular 22/2021 compute differently.
 *
 * @param field    the credential property, e.g. {@code "subjectResults[TOAN].averageYear"}
 * @param what     what it is, in Vietnamese, e.g. {@code "Môn Toán, điểm trung bình cả năm"}
 * @param stated   the value on the report card
 * @param computed the value the rule gives
 * @param rule     the article applied, e.g. {@code "Điều 9 khoản 1 điểm b"}
 */
public record Discrepancy(String field, String what, String stated, String computed, String rule) {
    /** E.g. "Môn Toán, điểm trung bình cả năm: ghi 8,3 nhưng theo Điều 9 khoản 1 điểm b Thông tư 22/2021/TT-BGDĐT là 8,4." */
    public String message() {
        return what + ": ghi " + stated + " nhưng theo " + rule + " Thông tư 22/2021/TT-BGDĐT là " + computed + ".";
    }
}
