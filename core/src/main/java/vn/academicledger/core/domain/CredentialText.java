package vn.academicledger.core.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.format.DateTimeFormatter;

/**
 * The human-readable name and description of a credential, in Vietnamese and English, for the
 * credential's {@code name} and {@code description} (VC 2.0 language value objects).
 */
public record CredentialText(String nameVi, String nameEn, String descriptionVi, String descriptionEn) {
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public CredentialText {
        nameVi = Checks.text(nameVi, "tên tiếng Việt của chứng từ");
        nameEn = Checks.text(nameEn, "tên tiếng Anh của chứng từ");
        descriptionVi = Checks.text(descriptionVi, "mô tả tiếng Việt của chứng từ");
        descriptionEn = Checks.text(descriptionEn, "mô tả tiếng Anh của chứng từ");
    }

    /** E.g. "Học bạ số lớp 12 năm học 2025-2026" / "Digital report card, grade 12, school year 2025-2026". */
    public static CredentialText of(ReportCard card) {
        return new CredentialText(
                "Học bạ số lớp " + card.grade() + " năm học " + card.schoolYear(),
                "Digital report card, grade " + card.grade() + ", school year " + card.schoolYear(),
                "Kết quả học tập và rèn luyện lớp " + card.className() + ", " + card.school().name() + ", năm học "
                        + card.schoolYear() + ", đánh giá theo Thông tư 22/2021/TT-BGDĐT.",
                "Study and conduct results of class " + card.className() + ", " + card.school().name()
                        + ", school year " + card.schoolYear() + ", assessed under Circular 22/2021/TT-BGDĐT.");
    }

    /** E.g. "Bằng tốt nghiệp trung học phổ thông năm 2026" / "Upper secondary school graduation diploma, 2026". */
    public static CredentialText of(Diploma diploma) {
        return new CredentialText(
                diploma.kind().vietnamese() + " năm " + diploma.graduationYear(),
                diploma.kind().english() + ", " + diploma.graduationYear(),
                "Số hiệu " + diploma.serialNumber() + ", số vào sổ gốc cấp văn bằng " + diploma.registerNumber()
                        + ", do " + diploma.issuingAuthority() + " cấp ngày "
                        + diploma.issueDate().format(VIETNAMESE_DATE) + ".",
                "Serial number " + diploma.serialNumber() + ", register number " + diploma.registerNumber()
                        + ", issued by " + diploma.issuingAuthority() + " on " + diploma.issueDate() + ".");
    }

    /** E.g. "Chứng chỉ ngoại ngữ: Tiếng Anh, Bậc 3 (B1)" / "Foreign language certificate: Tiếng Anh, Bậc 3 (B1)". */
    public static CredentialText of(Certificate certificate) {
        return new CredentialText(
                certificate.kind().vietnamese() + ": " + certificate.name() + ", " + certificate.level(),
                certificate.kind().english() + ": " + certificate.name() + ", " + certificate.level(),
                "Do " + certificate.awardingBody() + " cấp ngày " + certificate.issueDate().format(VIETNAMESE_DATE)
                        + ", kết quả: " + certificate.result() + ".",
                "Issued by " + certificate.awardingBody() + " on " + certificate.issueDate() + ", result: "
                        + certificate.result() + ".");
    }

    /** {@code [{"@value": nameVi, "@language": "vi"}, {"@value": nameEn, "@language": "en"}]}. */
    public ArrayNode nameJson() {
        return languageValues(nameVi, nameEn);
    }

    /** The description as language value objects, Vietnamese first. */
    public ArrayNode descriptionJson() {
        return languageValues(descriptionVi, descriptionEn);
    }

    private static ArrayNode languageValues(String vi, String en) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.addObject().put("@value", vi).put("@language", "vi");
        a.addObject().put("@value", en).put("@language", "en");
        return a;
    }
}
