package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.optionalText;
import static vn.academicledger.core.domain.Checks.required;
import static vn.academicledger.core.domain.Checks.text;

import java.time.LocalDate;

/**
 * Chứng chỉ: a certificate held by a student.
 *
 * @param kind              foreign language, information technology or other
 * @param holder            the student
 * @param school            the student's school
 * @param name              the certificate's name, e.g. {@code "Chứng chỉ tiếng Anh theo Khung năng lực ngoại ngữ 6 bậc"}
 * @param level             e.g. {@code "Bậc 3 (B1)"} or {@code "Cơ bản"}
 * @param awardingBody      who issued it, e.g. a university's testing centre
 * @param issueDate         ngày cấp
 * @param result            score or result as printed, e.g. {@code "6.5"} or {@code "Đạt"}
 * @param certificateNumber số hiệu of the certificate, or {@code null}
 */
public record Certificate(CertificateKind kind, Student holder, School school, String name, String level,
                          String awardingBody, LocalDate issueDate, String result, String certificateNumber) {
    public Certificate {
        required(kind, "loại chứng chỉ");
        required(holder, "người được cấp chứng chỉ");
        String whose = "chứng chỉ của " + holder.fullName() + " (mã học sinh " + holder.studentNumber() + ")";
        required(school, "trường trong " + whose);
        check(holder.schoolCode().equals(school.code()), "Người được cấp " + whose + " thuộc trường mã "
                + holder.schoolCode() + ", không phải " + school.code() + ".");
        name = text(name, "tên " + whose);
        level = text(level, "trình độ/bậc của " + whose);
        awardingBody = text(awardingBody, "đơn vị cấp " + whose);
        required(issueDate, "ngày cấp " + whose);
        check(issueDate.isAfter(holder.dateOfBirth()), "Ngày cấp " + issueDate + " của " + whose + " trước ngày sinh.");
        result = text(result, "kết quả của " + whose);
        certificateNumber = optionalText(certificateNumber);
    }
}
