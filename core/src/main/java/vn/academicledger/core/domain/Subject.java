package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.required;
import static vn.academicledger.core.domain.Checks.text;

/**
 * A subject (môn học or hoạt động giáo dục) of the 2018 general education programme as taught in
 * one education level. The same code can have different periods in different grades (Tin học has
 * 35 periods a year in lower secondary, 70 in upper secondary); {@link SubjectCatalogue} holds them.
 *
 * @param code           stable ASCII code used in credentials, e.g. {@code "TOAN"}
 * @param vietnamese     official name, e.g. {@code "Toán"}
 * @param english        English name, e.g. {@code "Mathematics"}
 * @param method         scored or comment-only
 * @param category       compulsory or elective
 * @param periodsPerYear periods per school year (tiết/năm học), which fixes the number of regular assessments
 */
public record Subject(String code, String vietnamese, String english, AssessmentMethod method,
                      SubjectCategory category, int periodsPerYear) implements Labelled {
    public Subject {
        code = text(code, "mã môn học");
        check(code.matches("[A-Z][A-Z0-9_]*"), "Mã môn học '" + code + "' chỉ gồm chữ in hoa không dấu, chữ số và dấu _.");
        vietnamese = text(vietnamese, "tên môn học " + code);
        english = text(english, "tên tiếng Anh của môn " + vietnamese);
        required(method, "hình thức đánh giá của môn " + vietnamese);
        required(category, "loại môn (bắt buộc/lựa chọn) của môn " + vietnamese);
        check(periodsPerYear > 0, "Số tiết/năm của môn " + vietnamese + " phải dương.");
    }

    public boolean isScored() {
        return method == AssessmentMethod.SCORED;
    }
}
