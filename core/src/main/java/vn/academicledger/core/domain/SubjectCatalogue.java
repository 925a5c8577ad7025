package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.AssessmentMethod.COMMENT;
import static vn.academicledger.core.domain.AssessmentMethod.SCORED;
import static vn.academicledger.core.domain.SubjectCategory.COMPULSORY;
import static vn.academicledger.core.domain.SubjectCategory.ELECTIVE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.academicledger.core.error.InvalidInputException;

/**
 * The subjects of the 2018 general education programme (Circular 32/2018/TT-BGDĐT as amended by
 * Circular 13/2022/TT-BGDĐT), with the assessment method Circular 22/2021 gives each (Điều 5
 * khoản 3: Giáo dục thể chất, Nghệ thuật, Âm nhạc, Mĩ thuật, Nội dung giáo dục của địa phương and
 * Hoạt động trải nghiệm, hướng nghiệp are assessed by comments only; every other subject by
 * comments and scores). Listed in the order of the report card.
 *
 * <p>Upper secondary students take the eight compulsory subjects and choose {@value #UPPER_SECONDARY_ELECTIVES}
 * electives; the optional subjects (Tiếng dân tộc thiểu số, Ngoại ngữ 2) are not listed.
 */
public final class SubjectCatalogue {
    /** Number of elective subjects an upper secondary student takes. */
    public static final int UPPER_SECONDARY_ELECTIVES = 4;

    private static final List<Subject> UPPER_SECONDARY = List.of(
            new Subject("NGU_VAN", "Ngữ văn", "Literature", SCORED, COMPULSORY, 105),
            new Subject("TOAN", "Toán", "Mathematics", SCORED, COMPULSORY, 105),
            new Subject("NGOAI_NGU_1", "Ngoại ngữ 1", "First foreign language", SCORED, COMPULSORY, 105),
            new Subject("LICH_SU", "Lịch sử", "History", SCORED, COMPULSORY, 52),
            new Subject("GIAO_DUC_THE_CHAT", "Giáo dục thể chất", "Physical education", COMMENT, COMPULSORY, 70),
            new Subject("GIAO_DUC_QUOC_PHONG_AN_NINH", "Giáo dục quốc phòng và an ninh",
                    "National defence and security education", SCORED, COMPULSORY, 35),
            new Subject("HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP", "Hoạt động trải nghiệm, hướng nghiệp",
                    "Experiential and career guidance activities", COMMENT, COMPULSORY, 105),
            new Subject("NOI_DUNG_GIAO_DUC_DIA_PHUONG", "Nội dung giáo dục của địa phương",
                    "Local education content", COMMENT, COMPULSORY, 35),
            new Subject("DIA_LI", "Địa lí", "Geography", SCORED, ELECTIVE, 70),
            new Subject("GIAO_DUC_KINH_TE_PHAP_LUAT", "Giáo dục kinh tế và pháp luật",
                    "Economic and legal education", SCORED, ELECTIVE, 70),
            new Subject("VAT_LI", "Vật lí", "Physics", SCORED, ELECTIVE, 70),
            new Subject("HOA_HOC", "Hóa học", "Chemistry", SCORED, ELECTIVE, 70),
            new Subject("SINH_HOC", "Sinh học", "Biology", SCORED, ELECTIVE, 70),
            new Subject("CONG_NGHE", "Công nghệ", "Technology", SCORED, ELECTIVE, 70),
            new Subject("TIN_HOC", "Tin học", "Informatics", SCORED, ELECTIVE, 70),
            new Subject("AM_NHAC", "Âm nhạc", "Music", COMMENT, ELECTIVE, 70),
            new Subject("MY_THUAT", "Mỹ thuật", "Fine arts", COMMENT, ELECTIVE, 70));

    private static final List<Subject> LOWER_SECONDARY_6_TO_8 = lowerSecondary(35);
    private static final List<Subject> LOWER_SECONDARY_9 = lowerSecondary(52);

    private SubjectCatalogue() {
    }

    private static List<Subject> lowerSecondary(int technologyPeriods) {
        return List.of(
                new Subject("NGU_VAN", "Ngữ văn", "Literature", SCORED, COMPULSORY, 140),
                new Subject("TOAN", "Toán", "Mathematics", SCORED, COMPULSORY, 140),
                new Subject("NGOAI_NGU_1", "Ngoại ngữ 1", "First foreign language", SCORED, COMPULSORY, 105),
                new Subject("GIAO_DUC_CONG_DAN", "Giáo dục công dân", "Civic education", SCORED, COMPULSORY, 35),
                new Subject("LICH_SU_DIA_LI", "Lịch sử và Địa lí", "History and geography", SCORED, COMPULSORY, 105),
                new Subject("KHOA_HOC_TU_NHIEN", "Khoa học tự nhiên", "Natural sciences", SCORED, COMPULSORY, 140),
                new Subject("CONG_NGHE", "Công nghệ", "Technology", SCORED, COMPULSORY, technologyPeriods),
                new Subject("TIN_HOC", "Tin học", "Informatics", SCORED, COMPULSORY, 35),
                new Subject("GIAO_DUC_THE_CHAT", "Giáo dục thể chất", "Physical education", COMMENT, COMPULSORY, 70),
                new Subject("NGHE_THUAT", "Nghệ thuật", "Arts", COMMENT, COMPULSORY, 70),
                new Subject("HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP", "Hoạt động trải nghiệm, hướng nghiệp",
                        "Experiential and career guidance activities", COMMENT, COMPULSORY, 105),
                new Subject("NOI_DUNG_GIAO_DUC_DIA_PHUONG", "Nội dung giáo dục của địa phương",
                        "Local education content", COMMENT, COMPULSORY, 35));
    }

    /** Every subject a student of this grade may have on the report card, in report-card order. */
    public static List<Subject> forGrade(int grade) {
        return switch (EducationLevel.ofGrade(grade)) {
            case UPPER_SECONDARY -> UPPER_SECONDARY;
            case LOWER_SECONDARY -> grade == 9 ? LOWER_SECONDARY_9 : LOWER_SECONDARY_6_TO_8;
        };
    }

    /** Number of elective subjects a student of this grade must take (4 in upper secondary, none below). */
    public static int requiredElectives(int grade) {
        return EducationLevel.ofGrade(grade) == EducationLevel.UPPER_SECONDARY ? UPPER_SECONDARY_ELECTIVES : 0;
    }

    public static Optional<Subject> lookup(int grade, String code) {
        List<Subject> subjects = forGrade(grade);
        Map<String, Subject> byCode = subjects == UPPER_SECONDARY ? UPPER_SECONDARY_BY_CODE
                : subjects == LOWER_SECONDARY_9 ? LOWER_SECONDARY_9_BY_CODE : LOWER_SECONDARY_6_TO_8_BY_CODE;
        return Optional.ofNullable(byCode.get(code));
    }

    /** Looked up for every row of every gradebook import. */
    private static final Map<String, Subject> UPPER_SECONDARY_BY_CODE = byCode(UPPER_SECONDARY);
    private static final Map<String, Subject> LOWER_SECONDARY_6_TO_8_BY_CODE = byCode(LOWER_SECONDARY_6_TO_8);
    private static final Map<String, Subject> LOWER_SECONDARY_9_BY_CODE = byCode(LOWER_SECONDARY_9);

    private static Map<String, Subject> byCode(List<Subject> subjects) {
        Map<String, Subject> map = new java.util.HashMap<>();
        for (Subject s : subjects) {
            map.putIfAbsent(s.code(), s);
        }
        return Map.copyOf(map);
    }

    /** The subject with this code in this grade, or an error naming the code and the grade. */
    public static Subject find(int grade, String code) {
        return lookup(grade, code).orElseThrow(() -> new InvalidInputException("Mã môn '" + code
                + "' không có trong chương trình lớp " + grade + "; các mã hợp lệ: "
                + String.join(", ", forGrade(grade).stream().map(Subject::code).toList()) + "."));
    }

    /** Position of the subject on the report card of this grade (for sorting). */
    static int order(int grade, Subject subject) {
        return forGrade(grade).indexOf(subject);
    }
}
