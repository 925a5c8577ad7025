package vn.academicledger.core.grading;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.Gender;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectCatalogue;
import vn.academicledger.core.domain.Term;

/**
 * Generates the sample class of {@code core/src/main/resources/sample/} (run once; the files are
 * committed). Seeded: every run writes the same bytes, which {@code SampleClassTest} checks.
 *
 * <p>Each student gets a target band (Xuất sắc, Giỏi, Khá, Đạt, Chưa đạt, …); scores are drawn
 * around the band's level and redrawn until the rules of Circular 22/2021, applied by
 * {@link ReportCardGrading}, put the student in the band. Names, schools and numbers are fictional.
 *
 * <pre>java -cp core/target/classes:core/target/test-classes:… vn.academicledger.core.grading.SampleClassGenerator core/src/main/resources/sample</pre>
 */
public final class SampleClassGenerator {
    static final long SEED = 2025_2026L;

    static final School SCHOOL = new School("79000701", "Trường Trung học phổ thông Bến Nghé", "45 Lê Thánh Tôn",
            "Phường Sài Gòn", null, "Thành phố Hồ Chí Minh", "did:web:thptbennghe.hcm.edu.vn");
    static final SchoolYear YEAR = SchoolYear.parse("2025-2026");
    static final int GRADE = 12;
    static final String CLASS = "12A1";
    static final String TEACHER = "Phạm Thị Thanh Hương";
    /** The class's electives: a natural-science combination. */
    static final List<String> ELECTIVES = List.of("VAT_LI", "HOA_HOC", "SINH_HOC", "TIN_HOC");
    /** The three clusters of study topics the class takes. */
    static final List<String> CLUSTERS = List.of("TOAN", "VAT_LI", "HOA_HOC");

    enum Band { EXCELLENT, GOOD, FAIR, FAIR_ADJUSTED, SATISFACTORY, UNSATISFACTORY, CONDUCT_UNSATISFACTORY }

    private static final String[][] FAMILY = {
            {"Nguyễn", "30"}, {"Trần", "10"}, {"Lê", "9"}, {"Phạm", "6"}, {"Huỳnh", "6"}, {"Võ", "5"}, {"Phan", "4"},
            {"Trương", "3"}, {"Đặng", "3"}, {"Hồ", "3"}, {"Bùi", "2"}, {"Đỗ", "2"}, {"Ngô", "2"}, {"Dương", "2"},
            {"Lý", "2"}, {"Lâm", "2"}, {"Đinh", "1"}, {"Mai", "1"}, {"Châu", "1"}, {"Tạ", "1"}, {"Vương", "1"},
            {"La", "1"}, {"Tô", "1"}};
    private static final String[] MALE_MIDDLE = {"Minh", "Hoàng", "Gia", "Đức", "Quốc", "Thanh", "Tuấn", "Anh", "Hữu",
            "Nhật", "Trung", "Văn", "Công", "Thành", "Bảo", "Đăng", "Khánh", "Phúc", "Hoàng Gia", "Minh Đức"};
    private static final String[] MALE_GIVEN = {"Khang", "Huy", "Phúc", "Bảo", "Khôi", "Nam", "Long", "Minh", "Đạt",
            "Thịnh", "Tài", "Kiệt", "Duy", "Hưng", "Quân", "Tín", "Trí", "Vinh", "Lộc", "Phát", "Nhân", "Khoa",
            "Hiếu", "Tuấn", "Sơn", "Thắng", "An", "Khải", "Nguyên", "Thiện"};
    private static final String[] FEMALE_MIDDLE = {"Ngọc", "Thảo", "Minh", "Phương", "Khánh", "Bảo", "Thanh", "Hoài",
            "Mai", "Diệu", "Quỳnh", "Thị", "Gia", "Hồng", "Kim", "Tường", "Thùy", "Ánh", "Ngọc Bảo", "Thị Thanh",
            "Hoàng Bảo", "Ngọc Khánh"};
    private static final String[] FEMALE_GIVEN = {"Anh", "Ngân", "Trâm", "Vy", "Thư", "Hân", "Nhi", "My", "Linh",
            "Trang", "Uyên", "Quỳnh", "Thảo", "Ngọc", "Yến", "Hương", "Như", "Tiên", "Châu", "Giang", "Hà", "Khuê",
            "Phương", "Nghi", "Hạnh", "Tâm", "Hiền", "Lam"};
    /** Places of birth of students born in 2008, with the province code of their personal id. */
    private static final String[][] HCMC_PLACES = {
            {"Quận 1"}, {"Quận 3"}, {"Quận 4"}, {"Quận 5"}, {"Quận 7"}, {"Quận 8"}, {"Quận 10"}, {"Quận 12"},
            {"Quận Bình Thạnh"}, {"Quận Phú Nhuận"}, {"Quận Gò Vấp"}, {"Quận Tân Bình"}, {"Quận Bình Tân"},
            {"Quận Thủ Đức"}, {"Huyện Bình Chánh"}, {"Huyện Nhà Bè"}};
    private static final String[][] PROVINCES = {
            {"Tỉnh Long An", "080"}, {"Tỉnh Đồng Nai", "075"}, {"Tỉnh Bình Dương", "074"}, {"Tỉnh Tiền Giang", "082"},
            {"Tỉnh Bến Tre", "083"}, {"Tỉnh Nghệ An", "040"}, {"Thành phố Cần Thơ", "092"}, {"Tỉnh Đắk Lắk", "066"},
            {"Thành phố Hà Nội", "001"}, {"Tỉnh Quảng Ngãi", "051"}, {"Tỉnh Thanh Hóa", "038"},
            {"Tỉnh An Giang", "089"}, {"Tỉnh Bình Định", "052"}};

    private static final Map<Band, String[]> COMMENTS = Map.of(
            Band.EXCELLENT, new String[] {
                    "Chăm ngoan, học tập xuất sắc, tích cực tham gia các hoạt động của lớp và nhà trường. Cần phát huy.",
                    "Có tinh thần tự học rất cao, kết quả học tập xuất sắc, là tấm gương cho các bạn trong lớp.",
                    "Lễ phép, gương mẫu, học đều các môn và đạt kết quả xuất sắc. Chúc em thành công ở bậc đại học."},
            Band.GOOD, new String[] {
                    "Ngoan, học tốt, có ý thức tự giác trong học tập. Tiếp tục phát huy.",
                    "Chăm chỉ, tiếp thu bài nhanh, hòa đồng với bạn bè. Cần mạnh dạn phát biểu hơn.",
                    "Học tập tiến bộ rõ, chấp hành tốt nội quy, tích cực trong phong trào Đoàn."},
            Band.FAIR, new String[] {
                    "Có cố gắng trong học tập, chấp hành tốt nội quy. Cần đầu tư thêm cho các môn còn yếu.",
                    "Hiền, ngoan, học tương đối đều các môn. Cần chủ động ôn tập hơn.",
                    "Năng động, nhiệt tình với công việc chung của lớp; cần tập trung hơn trong giờ học.",
                    "Có ý thức học tập, tham gia đầy đủ các hoạt động. Cần cẩn thận hơn khi làm bài kiểm tra."},
            Band.FAIR_ADJUSTED, new String[] {
                    "Học tốt phần lớn các môn nhưng còn lệch, cần dành thêm thời gian cho môn còn yếu."},
            Band.SATISFACTORY, new String[] {
                    "Học lực chưa đều giữa các môn, cần chăm chỉ hơn và tích cực phát biểu xây dựng bài.",
                    "Còn thiếu tập trung trong giờ học, cần hoàn thành bài tập đầy đủ hơn.",
                    "Có tiến bộ ở học kì II, cần duy trì nề nếp học tập và ôn tập thường xuyên."},
            Band.UNSATISFACTORY, new String[] {
                    "Kết quả học tập chưa đạt yêu cầu, cần ôn tập để kiểm tra lại các môn chưa đạt trong kì nghỉ hè.",
                    "Chưa chú ý học tập, nghỉ học nhiều buổi; cần ôn tập nghiêm túc để kiểm tra lại trong hè."},
            Band.CONDUCT_UNSATISFACTORY, new String[] {
                    "Còn vi phạm nội quy, nghỉ học không phép nhiều buổi ở học kì II; phải rèn luyện thêm trong kì nghỉ hè."});

    private final Random random = new Random(SEED);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "core/src/main/resources/sample");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files().entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name → content of the three CSV files. */
    static Map<String, String> files() {
        return new SampleClassGenerator().generate();
    }

    private record Person(Student student, Band band) {
    }

    private record Generated(Person person, List<List<String>> scoreRows, Rating conduct1, Rating conduct2,
                             int absent, String comment) {
    }

    private Map<String, String> generate() {
        List<Band> bands = new ArrayList<>();
        add(bands, Band.EXCELLENT, 6);
        add(bands, Band.GOOD, 10);
        add(bands, Band.FAIR, 16);
        add(bands, Band.FAIR_ADJUSTED, 1);
        add(bands, Band.SATISFACTORY, 8);
        add(bands, Band.UNSATISFACTORY, 2);
        add(bands, Band.CONDUCT_UNSATISFACTORY, 1);
        List<Student> students = students(bands.size());
        Collections.shuffle(bands, random);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            people.add(new Person(students.get(i), bands.get(i)));
        }
        Collator vietnamese = Collator.getInstance(new Locale("vi", "VN"));
        people.sort(Comparator.comparing((Person p) -> p.student().givenName(), vietnamese)
                .thenComparing(p -> p.student().fullName(), vietnamese));

        List<Generated> generated = new ArrayList<>();
        boolean commentFailSemester1Used = false;
        boolean commentFailYearUsed = false;
        for (Person p : people) {
            boolean commentFailSemester1 = false;
            boolean commentFailYear = false;
            if (p.band() == Band.SATISFACTORY && !commentFailSemester1Used) {
                commentFailSemester1 = commentFailSemester1Used = true;
            }
            if (p.band() == Band.UNSATISFACTORY && !commentFailYearUsed) {
                commentFailYear = commentFailYearUsed = true;
            }
            generated.add(generate(p, commentFailSemester1, commentFailYear));
        }

        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder lop = new StringBuilder(Csv.line(GradebookCsv.CLASS_COLUMNS));
        lop.append(Csv.line(List.of(SCHOOL.code(), SCHOOL.name(), SCHOOL.address(), SCHOOL.ward(), "",
                SCHOOL.province(), SCHOOL.did(), YEAR.toString(), String.valueOf(GRADE), CLASS, TEACHER,
                String.join(";", CLUSTERS))));
        files.put(GradebookCsv.CLASS_FILE, lop.toString());

        StringBuilder hs = new StringBuilder(Csv.line(GradebookCsv.STUDENT_COLUMNS));
        StringBuilder diem = new StringBuilder(Csv.line(GradebookCsv.SCORE_COLUMNS));
        int stt = 1;
        for (Generated g : generated) {
            Student s = g.person().student();
            hs.append(Csv.line(List.of(String.valueOf(stt++), s.studentNumber(), s.fullName(),
                    s.dateOfBirth().format(GradebookCsv.DATE), s.gender().vietnamese(), s.placeOfBirth(),
                    s.personalId(), g.conduct1().vietnamese(), g.conduct2().vietnamese(), String.valueOf(g.absent()),
                    g.comment())));
            for (List<String> row : g.scoreRows()) {
                diem.append(Csv.line(row));
            }
        }
        files.put(GradebookCsv.STUDENTS_FILE, hs.toString());
        files.put(GradebookCsv.SCORES_FILE, diem.toString());
        return files;
    }

    private static void add(List<Band> bands, Band band, int n) {
        for (int i = 0; i < n; i++) {
            bands.add(band);
        }
    }

    // ------------------------------------------------------------------ students

    private List<Student> students(int n) {
        List<Student> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> ids = new HashSet<>();
        while (list.size() < n) {
            Gender gender = random.nextInt(100) < 52 ? Gender.FEMALE : Gender.MALE;
            String family = weighted(FAMILY);
            String middle = pick(gender == Gender.MALE ? MALE_MIDDLE : FEMALE_MIDDLE);
            String given = pick(gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN);
            if (middle.endsWith(given) || !names.add(given + "|" + middle)) {
                continue;
            }
            String fullName = family + " " + middle + " " + given;
            LocalDate born = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(366));
            String place;
            String province;
            if (random.nextInt(100) < 72) {
                place = pick(HCMC_PLACES)[0] + ", Thành phố Hồ Chí Minh";
                province = "079";
            } else {
                String[] p = pick(PROVINCES);
                place = p[0];
                province = p[1];
            }
            String number;
            do {
                number = "23" + String.format("%05d", random.nextInt(100_000));
            } while (!numbers.add(number));
            String id;
            do {
                id = province + (gender == Gender.MALE ? "2" : "3") + "08" + String.format("%06d", random.nextInt(1_000_000));
            } while (!ids.add(id));
            list.add(new Student(number, fullName, born, place, gender, id, SCHOOL.code()));
        }
        return list;
    }

    private String weighted(String[][] table) {
        int total = 0;
        for (String[] row : table) {
            total += Integer.parseInt(row[1]);
        }
        int r = random.nextInt(total);
        for (String[] row : table) {
            r -= Integer.parseInt(row[1]);
            if (r < 0) {
                return row[0];
            }
        }
        throw new AssertionError();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ------------------------------------------------------------------ scores

    private List<Subject> subjects() {
        List<Subject> list = new ArrayList<>();
        for (Subject s : SubjectCatalogue.forGrade(GRADE)) {
            if (s.category() == vn.academicledger.core.domain.SubjectCategory.COMPULSORY || ELECTIVES.contains(s.code())) {
                list.add(s);
            }
        }
        return list;
    }

    private Generated generate(Person p, boolean commentFailSemester1, boolean commentFailYear) {
        Rating[] conduct = conduct(p.band());
        int absent = absences(p.band());
        String comment = pick(COMMENTS.get(p.band()));
        for (int attempt = 0; attempt < 100_000; attempt++) {
            List<List<String>> rows = new ArrayList<>();
            List<SubjectAssessment> assessments = new ArrayList<>();
            double level = level(p.band());
            String weak = p.band() == Band.FAIR_ADJUSTED ? pick(new String[] {"LICH_SU", "SINH_HOC", "NGU_VAN"}) : null;
            List<String> failing = p.band() == Band.UNSATISFACTORY ? List.of("TOAN", "HOA_HOC") : List.of();
            for (Subject s : subjects()) {
                boolean cluster = CLUSTERS.contains(s.code());
                int regular = GradingRules.requiredRegularAssessments(s, cluster);
                if (s.isScored()) {
                    double mean = level + offset(s) + random.nextGaussian() * 0.45;
                    if (s.code().equals(weak)) {
                        mean = 4.3;
                    }
                    if (failing.contains(s.code())) {
                        mean = 3.6 + random.nextGaussian() * 0.3;
                    }
                    SemesterScores s1 = semester(mean - 0.15, regular);
                    SemesterScores s2 = semester(mean + 0.1, regular);
                    assessments.add(new ScoredAssessment(s, s1, s2, cluster));
                    rows.add(scoreRow(p, s, "I", s1.regular().stream().map(Score::toString).toList(), s1.midterm(), s1.endOfSemester()));
                    rows.add(scoreRow(p, s, "II", s2.regular().stream().map(Score::toString).toList(), s2.midterm(), s2.endOfSemester()));
                } else {
                    boolean fail1 = commentFailSemester1 && s.code().equals("GIAO_DUC_THE_CHAT");
                    boolean fail2 = commentFailYear && s.code().equals("NOI_DUNG_GIAO_DUC_DIA_PHUONG");
                    List<CommentGrade> r1 = comments(regular, fail1);
                    List<CommentGrade> r2 = comments(regular, fail2);
                    assessments.add(new CommentAssessment(s, new SemesterComments(r1, CommentGrade.PASSED, CommentGrade.PASSED),
                            new SemesterComments(r2, CommentGrade.PASSED, CommentGrade.PASSED), cluster));
                    rows.add(commentRow(p, s, "I", r1));
                    rows.add(commentRow(p, s, "II", r2));
                }
            }
            StudentGradebook book = new StudentGradebook(SCHOOL, p.student(), YEAR, GRADE, CLASS, TEACHER, assessments,
                    conduct[0], conduct[1], absent, comment);
            ReportCard card = ReportCardGrading.grade(book);
            if (matches(p.band(), card)) {
                return new Generated(p, rows, conduct[0], conduct[1], absent, comment);
            }
        }
        throw new IllegalStateException("no scores found for band " + p.band());
    }

    private boolean matches(Band band, ReportCard card) {
        Rating study = card.year().study();
        StudyRating detail = GradingRules.studyRating(card.subjects(), Term.YEAR);
        return switch (band) {
            case EXCELLENT -> card.honourTitle() == HonourTitle.EXCELLENT_STUDENT;
            case GOOD -> card.honourTitle() == HonourTitle.GOOD_STUDENT;
            case FAIR, CONDUCT_UNSATISFACTORY -> study == Rating.FAIR && !detail.isAdjusted();
            case FAIR_ADJUSTED -> study == Rating.FAIR && detail.isAdjusted();
            case SATISFACTORY -> study == Rating.SATISFACTORY && !detail.isAdjusted();
            case UNSATISFACTORY -> study == Rating.UNSATISFACTORY;
        };
    }

    private double level(Band band) {
        return switch (band) {
            case EXCELLENT -> 9.0;
            case GOOD -> 8.3;
            case FAIR, CONDUCT_UNSATISFACTORY -> 7.2;
            case FAIR_ADJUSTED -> 8.6;
            case SATISFACTORY -> 6.1;
            case UNSATISFACTORY -> 5.4;
        };
    }

    /** National defence education is usually scored high; a science class is a little stronger in sciences. */
    private static double offset(Subject s) {
        return switch (s.code()) {
            case "GIAO_DUC_QUOC_PHONG_AN_NINH" -> 0.6;
            case "TOAN", "VAT_LI", "HOA_HOC" -> 0.2;
            case "NGU_VAN", "LICH_SU" -> -0.3;
            default -> 0.0;
        };
    }

    private SemesterScores semester(double mean, int regular) {
        List<Score> tx = new ArrayList<>();
        for (int i = 0; i < regular; i++) {
            // regular checks are marked in whole or half points
            tx.add(score(mean + random.nextGaussian() * 0.8, 2));
        }
        // written tests are marked to a quarter point, then rounded to one decimal
        return new SemesterScores(tx, score(mean + random.nextGaussian() * 0.7, 4),
                score(mean + random.nextGaussian() * 0.7, 4));
    }

    private static Score score(double x, int stepsPerPoint) {
        double clipped = Math.max(0, Math.min(10, x));
        double stepped = Math.round(clipped * stepsPerPoint) / (double) stepsPerPoint;
        return new Score(BigDecimal.valueOf(stepped).setScale(1, RoundingMode.HALF_UP));
    }

    private List<CommentGrade> comments(int n, boolean oneNotPassed) {
        List<CommentGrade> list = new ArrayList<>();
        int failed = oneNotPassed ? random.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            list.add(i == failed ? CommentGrade.NOT_PASSED : CommentGrade.PASSED);
        }
        return list;
    }

    private static List<String> scoreRow(Person p, Subject s, String semester, List<String> regular, Score mid, Score end) {
        List<String> row = new ArrayList<>(List.of(p.student().studentNumber(), s.code(), semester));
        for (int i = 0; i < 5; i++) {
            row.add(i < regular.size() ? plain(regular.get(i)) : "");
        }
        row.add(plain(mid.toString()));
        row.add(plain(end.toString()));
        return row;
    }

    /** Teachers write 8 rather than 8.0. */
    private static String plain(String score) {
        return score.endsWith(".0") ? score.substring(0, score.length() - 2) : score;
    }

    private static List<String> commentRow(Person p, Subject s, String semester, List<CommentGrade> regular) {
        List<String> row = new ArrayList<>(List.of(p.student().studentNumber(), s.code(), semester));
        for (int i = 0; i < 5; i++) {
            row.add(i < regular.size() ? regular.get(i).abbreviation() : "");
        }
        row.add(CommentGrade.PASSED.abbreviation());
        row.add(CommentGrade.PASSED.abbreviation());
        return row;
    }

    private Rating[] conduct(Band band) {
        int r = random.nextInt(100);
        return switch (band) {
            case EXCELLENT, FAIR_ADJUSTED -> new Rating[] {Rating.GOOD, Rating.GOOD};
            case GOOD -> r < 85 ? new Rating[] {Rating.GOOD, Rating.GOOD} : new Rating[] {Rating.FAIR, Rating.GOOD};
            case FAIR -> r < 60 ? new Rating[] {Rating.GOOD, Rating.GOOD}
                    : r < 75 ? new Rating[] {Rating.FAIR, Rating.GOOD} : new Rating[] {Rating.FAIR, Rating.FAIR};
            case SATISFACTORY -> r < 50 ? new Rating[] {Rating.FAIR, Rating.FAIR}
                    : r < 80 ? new Rating[] {Rating.SATISFACTORY, Rating.FAIR}
                    : new Rating[] {Rating.FAIR, Rating.SATISFACTORY};
            case UNSATISFACTORY -> r < 50 ? new Rating[] {Rating.SATISFACTORY, Rating.SATISFACTORY}
                    : new Rating[] {Rating.FAIR, Rating.SATISFACTORY};
            case CONDUCT_UNSATISFACTORY -> new Rating[] {Rating.SATISFACTORY, Rating.UNSATISFACTORY};
        };
    }

    private int absences(Band band) {
        return switch (band) {
            case CONDUCT_UNSATISFACTORY -> 19;
            case UNSATISFACTORY -> 8 + random.nextInt(7);
            case SATISFACTORY -> random.nextInt(9);
            default -> random.nextInt(100) < 70 ? random.nextInt(3) : random.nextInt(7);
        };
    }

    /** Reads the generated files back, so a generator bug shows up here rather than in the loader. */
    static ClassGradebook parse(Map<String, String> files) {
        return GradebookCsv.read(new StringReader(files.get(GradebookCsv.CLASS_FILE)),
                new StringReader(files.get(GradebookCsv.STUDENTS_FILE)),
                new StringReader(files.get(GradebookCsv.SCORES_FILE)));
    }
}
