package vn.academicledger.core.grading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.CommentSubjectResult;
import vn.academicledger.core.domain.Gender;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectCatalogue;
import vn.academicledger.core.domain.SubjectResult;
import vn.academicledger.core.domain.TermRatings;
import vn.academicledger.core.domain.YearOutcome;

/** Test data: a grade-12 student of class 12A1 taking Vật lí, Hóa học, Sinh học and Tin học. */
final class Fixtures {
    static final School SCHOOL = new School("79000701", "Trường Trung học phổ thông Bến Nghé", "45 Lê Thánh Tôn",
            "Phường Sài Gòn", null, "Thành phố Hồ Chí Minh", "did:web:thptbennghe.hcm.edu.vn");
    static final Student STUDENT = new Student("2300145", "Nguyễn Ngọc Bảo Trâm", LocalDate.of(2008, 3, 14),
            "Quận 3, Thành phố Hồ Chí Minh", Gender.FEMALE, "079308001234", "79000701");

    /** The nine scored subjects of 12A1, in report-card order. */
    static final List<String> SCORED = List.of("NGU_VAN", "TOAN", "NGOAI_NGU_1", "LICH_SU",
            "GIAO_DUC_QUOC_PHONG_AN_NINH", "VAT_LI", "HOA_HOC", "SINH_HOC", "TIN_HOC");
    /** The three comment-only subjects of 12A1. */
    static final List<String> COMMENT = List.of("GIAO_DUC_THE_CHAT", "HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP",
            "NOI_DUNG_GIAO_DUC_DIA_PHUONG");

    private Fixtures() {
    }

    static Subject subject(String code) {
        return SubjectCatalogue.find(12, code);
    }

    static Score s(String text) {
        return Score.of(text);
    }

    static List<Score> scores(String... texts) {
        return Arrays.stream(texts).map(Score::of).toList();
    }

    /** The nine scored subjects with these averages, in order. */
    static Map<Subject, Score> scored(String... averages) {
        if (averages.length != SCORED.size()) {
            throw new IllegalArgumentException("need " + SCORED.size() + " averages");
        }
        Map<Subject, Score> m = new LinkedHashMap<>();
        for (int i = 0; i < averages.length; i++) {
            m.put(subject(SCORED.get(i)), Score.of(averages[i]));
        }
        return m;
    }

    /** The three comment-only subjects, the first {@code notPassed} of them Chưa đạt. */
    static Map<Subject, CommentGrade> comments(int notPassed) {
        Map<Subject, CommentGrade> m = new LinkedHashMap<>();
        for (int i = 0; i < COMMENT.size(); i++) {
            m.put(subject(COMMENT.get(i)), i < notPassed ? CommentGrade.NOT_PASSED : CommentGrade.PASSED);
        }
        return m;
    }

    /**
     * A report card whose subjects have these year averages (each semester equal to the year),
     * all comment-only subjects Đạt, and the stated ratings, outcome and title given.
     */
    static ReportCard card(Map<Subject, Score> averages, Map<Subject, CommentGrade> comments, Rating conduct,
                           Rating study, YearOutcome outcome, HonourTitle title) {
        List<SubjectResult> results = new ArrayList<>();
        averages.forEach((subject, a) -> results.add(new ScoredSubjectResult(subject, a, a, a)));
        comments.forEach((subject, g) -> results.add(new CommentSubjectResult(subject, g, g, g)));
        TermRatings ratings = new TermRatings(conduct, study);
        return new ReportCard(SCHOOL, STUDENT, SchoolYear.parse("2025-2026"), 12, "12A1", "Phạm Thị Thanh Hương",
                results, ratings, ratings, ratings, 2, "Chăm ngoan, học tốt.", outcome, title);
    }
}
