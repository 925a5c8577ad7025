package vn.academicledger.core.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A grade-12 report card, a diploma and a certificate of one student, for domain tests. */
final class DomainFixtures {
    static final School SCHOOL = new School("79000701", "Trường Trung học phổ thông Bến Nghé", "45 Lê Thánh Tôn",
            "Phường Sài Gòn", null, "Thành phố Hồ Chí Minh", "did:web:thptbennghe.hcm.edu.vn");
    static final Student STUDENT = new Student("2300145", "Nguyễn Ngọc Bảo Trâm", LocalDate.of(2008, 3, 14),
            "Quận 3, Thành phố Hồ Chí Minh", Gender.FEMALE, "079308001234", "79000701");
    static final List<String> SUBJECTS = List.of("NGU_VAN", "TOAN", "NGOAI_NGU_1", "LICH_SU", "GIAO_DUC_THE_CHAT",
            "GIAO_DUC_QUOC_PHONG_AN_NINH", "HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP", "NOI_DUNG_GIAO_DUC_DIA_PHUONG",
            "VAT_LI", "HOA_HOC", "SINH_HOC", "TIN_HOC");

    private DomainFixtures() {
    }

    static List<SubjectResult> subjects(List<String> codes) {
        List<SubjectResult> list = new ArrayList<>();
        for (String code : codes) {
            Subject s = SubjectCatalogue.find(12, code);
            if (s.isScored()) {
                list.add(new ScoredSubjectResult(s, Score.of("8.2"), Score.of("8.8"), Score.of("8.6")));
            } else {
                list.add(new CommentSubjectResult(s, CommentGrade.PASSED, CommentGrade.PASSED, CommentGrade.PASSED));
            }
        }
        return list;
    }

    static ReportCard reportCard(List<SubjectResult> subjects) {
        TermRatings good = new TermRatings(Rating.GOOD, Rating.GOOD);
        return new ReportCard(SCHOOL, STUDENT, SchoolYear.parse("2025-2026"), 12, "12A1", "Phạm Thị Thanh Hương",
                subjects, good, good, good, 2, "Chăm ngoan, học tốt, tích cực tham gia phong trào lớp.",
                YearOutcome.COMPLETED_UPPER_SECONDARY, HonourTitle.GOOD_STUDENT);
    }

    static ReportCard reportCard() {
        return reportCard(subjects(SUBJECTS));
    }

    static Diploma diploma() {
        return new Diploma(DiplomaKind.UPPER_SECONDARY_GRADUATION, STUDENT, SCHOOL, "TN0123456", "0001/2026", null, 2026,
                "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", "Giám đốc Sở Giáo dục và Đào tạo", "Trần Quang Minh",
                LocalDate.of(2026, 7, 31), "Thành phố Hồ Chí Minh");
    }

    static Certificate certificate() {
        return new Certificate(CertificateKind.FOREIGN_LANGUAGE, STUDENT, SCHOOL, "Tiếng Anh", "Bậc 3 (B1)",
                "Trung tâm Khảo thí, Trường Đại học Sư phạm Thành phố Hồ Chí Minh", LocalDate.of(2026, 5, 16), "6.5",
                "SPH-B1-000123");
    }
}
