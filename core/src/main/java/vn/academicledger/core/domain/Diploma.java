package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.required;
import static vn.academicledger.core.domain.Checks.text;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Văn bằng: a graduation diploma as issued under Circular 21/2019/TT-BGDĐT.
 *
 * @param kind             bằng tốt nghiệp trung học phổ thông or trung học cơ sở
 * @param holder           the graduate
 * @param school           the school the graduate finished
 * @param serialNumber     số hiệu, e.g. {@code TN0123456} (see {@link DiplomaNumbering})
 * @param registerNumber   số vào sổ gốc cấp văn bằng, e.g. {@code 0001/2026}; its year is the year of issue
 * @param classification   xếp loại where the kind has one, else {@code null}
 * @param graduationYear   năm tốt nghiệp
 * @param issuingAuthority e.g. {@code "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"}
 * @param signerTitle      title of the official who signs, e.g. {@code "Giám đốc Sở Giáo dục và Đào tạo"}
 * @param signerName       name of that official
 * @param issueDate        ngày cấp
 * @param placeOfIssue     where it is signed, e.g. {@code "Thành phố Hồ Chí Minh"}
 */
public record Diploma(DiplomaKind kind, Student holder, School school, String serialNumber, String registerNumber,
                      DiplomaClassification classification, int graduationYear, String issuingAuthority,
                      String signerTitle, String signerName, LocalDate issueDate, String placeOfIssue) {
    public Diploma {
        required(kind, "loại văn bằng");
        required(holder, "người được cấp văn bằng");
        String whose = "văn bằng của " + holder.fullName() + " (mã học sinh " + holder.studentNumber() + ")";
        required(school, "trường trong " + whose);
        check(holder.schoolCode().equals(school.code()), "Người được cấp " + whose
                + " thuộc trường mã " + holder.schoolCode() + ", không phải " + school.code() + ".");
        DiplomaNumbering.requireSerialNumber(serialNumber, holder.fullName());
        DiplomaNumbering.requireRegisterNumber(registerNumber, holder.fullName());
        check(classification == null || kind.classifications().contains(classification),
                kind.vietnamese() + " không có xếp loại " + (classification == null ? "" : classification.vietnamese()) + ".");
        check(graduationYear > holder.dateOfBirth().getYear(), "Năm tốt nghiệp " + graduationYear + " của " + whose
                + " phải sau năm sinh.");
        issuingAuthority = text(issuingAuthority, "cơ quan cấp " + whose);
        signerTitle = text(signerTitle, "chức danh người ký " + whose);
        signerName = text(signerName, "họ tên người ký " + whose);
        required(issueDate, "ngày cấp " + whose);
        check(issueDate.getYear() >= graduationYear, "Ngày cấp " + issueDate + " của " + whose
                + " không thể trước năm tốt nghiệp " + graduationYear + ".");
        check(DiplomaNumbering.registerYear(registerNumber) == issueDate.getYear(), "Số vào sổ " + registerNumber
                + " của " + whose + " thuộc sổ năm " + DiplomaNumbering.registerYear(registerNumber)
                + " nhưng văn bằng cấp năm " + issueDate.getYear() + ".");
        placeOfIssue = text(placeOfIssue, "nơi cấp " + whose);
    }

    public Optional<DiplomaClassification> classificationIfAny() {
        return Optional.ofNullable(classification);
    }
}
