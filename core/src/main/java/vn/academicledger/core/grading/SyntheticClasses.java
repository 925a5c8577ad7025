package vn.academicledger.core.grading;

import java.io.StringReader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.academicledger.core.domain.EducationLevel;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectCatalogue;
import vn.academicledger.core.domain.SubjectCategory;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Makes up whole classes — fictional students with plausible Vietnamese names, birth places,
 * personal identification numbers, conduct, absences, comments and every assessment of every
 * subject — as the three CSV files {@link GradebookCsv} reads, for tests, demos and benchmarks.
 *
 * <p>What a generated class is:
 * <ul>
 *   <li>valid: {@link GradebookCsv#read} accepts it and {@link ReportCardGrading#grade} grades every
 *       student; results spread from Chưa đạt to Tốt as in a real class;</li>
 *   <li>deterministic: the same arguments give the same bytes on every Java version (it draws from
 *       its own SplitMix64 generator and sorts without locale data);</li>
 *   <li>shaped like the sample class ({@code sample/README.md}): the compulsory subjects of the grade,
 *       in upper secondary four electives of one combination and three clusters of study topics,
 *       the class list sorted by tên;</li>
 *   <li>identified: student numbers are {@code <yy>-<class>-<nnnn>} (e.g. {@code 25-12A1-0007}), so
 *       different classes and years of a school never share one; personal identification numbers
 *       are unique within the class and agree with the birth place, gender and birth year.</li>
 * </ul>
 * About 100,000 students a second on one core.
 */
public final class SyntheticClasses {
    private static final Pattern CLASS_NAME = Pattern.compile("(\\d{1,2})(?:\\D.*)?");
    private static final int MAX_STUDENTS = 1_000_000;

    /** Elective combinations of upper secondary classes (four subjects each); the first two get a cluster with Toán. */
    private static final List<List<String>> COMBINATIONS = List.of(
            List.of("VAT_LI", "HOA_HOC", "SINH_HOC", "TIN_HOC"),
            List.of("VAT_LI", "HOA_HOC", "TIN_HOC", "CONG_NGHE"),
            List.of("HOA_HOC", "SINH_HOC", "DIA_LI", "TIN_HOC"),
            List.of("DIA_LI", "GIAO_DUC_KINH_TE_PHAP_LUAT", "TIN_HOC", "CONG_NGHE"),
            List.of("VAT_LI", "DIA_LI", "GIAO_DUC_KINH_TE_PHAP_LUAT", "TIN_HOC"),
            List.of("DIA_LI", "GIAO_DUC_KINH_TE_PHAP_LUAT", "SINH_HOC", "AM_NHAC"));

    /** Family names with their weight (per thousand, roughly as common in the south). */
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lâm", "Đinh", "Mai", "Châu", "Tạ", "Hoàng", "Vũ", "Cao",
            "Tô", "Lương", "Quách", "Đoàn", "Thái", "Kiều", "Hà"};
    private static final int[] FAMILY_WEIGHT = {310, 110, 90, 65, 55, 50, 40, 25, 22, 20, 18, 18, 16, 14, 12, 12,
            10, 10, 8, 6, 15, 12, 8, 6, 6, 4, 6, 5, 3, 4};
    private static final String[] MALE_MIDDLE = {"Minh", "Hoàng", "Gia", "Đức", "Quốc", "Thanh", "Tuấn", "Anh", "Hữu",
            "Nhật", "Trung", "Văn", "Công", "Thành", "Bảo", "Đăng", "Khánh", "Phúc", "Hoàng Gia", "Minh Đức", "Tấn",
            "Thiên", "Trọng", "Duy", "Hải", "Ngọc", "Thái", "Hoài", "Quang", "Đình"};
    private static final String[] MALE_GIVEN = {"Khang", "Huy", "Phúc", "Bảo", "Khôi", "Nam", "Long", "Minh", "Đạt",
            "Thịnh", "Tài", "Kiệt", "Duy", "Hưng", "Quân", "Tín", "Trí", "Vinh", "Lộc", "Phát", "Nhân", "Khoa",
            "Hiếu", "Tuấn", "Sơn", "Thắng", "An", "Khải", "Nguyên", "Thiện", "Hoàng", "Dũng", "Hào", "Luân", "Phong",
            "Quý", "Toàn", "Triết", "Vũ", "Định"};
    private static final String[] FEMALE_MIDDLE = {"Ngọc", "Thảo", "Minh", "Phương", "Khánh", "Bảo", "Thanh", "Hoài",
            "Mai", "Diệu", "Quỳnh", "Thị", "Gia", "Hồng", "Kim", "Tường", "Thùy", "Ánh", "Ngọc Bảo", "Thị Thanh",
            "Hoàng Bảo", "Ngọc Khánh", "Yến", "Tuyết", "Cẩm", "Mỹ", "Bích", "Như", "Hải", "Lan"};
    private static final String[] FEMALE_GIVEN = {"Anh", "Ngân", "Trâm", "Vy", "Thư", "Hân", "Nhi", "My", "Linh",
            "Trang", "Uyên", "Quỳnh", "Thảo", "Ngọc", "Yến", "Hương", "Như", "Tiên", "Châu", "Giang", "Hà", "Khuê",
            "Phương", "Nghi", "Hạnh", "Tâm", "Hiền", "Lam", "Nhung", "Oanh", "Thủy", "Vân", "Xuân", "Dung", "Loan",
            "Mai", "Đào", "Ý", "Huyền", "Lụa"};
    /** Districts of Ho Chi Minh City as birth certificates of these years name them. */
    private static final String[] CITY_DISTRICTS = {"Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7",
            "Quận 8", "Quận 10", "Quận 11", "Quận 12", "Quận Bình Thạnh", "Quận Phú Nhuận", "Quận Gò Vấp",
            "Quận Tân Bình", "Quận Tân Phú", "Quận Bình Tân", "Quận Thủ Đức", "Quận 2", "Quận 9", "Huyện Bình Chánh",
            "Huyện Nhà Bè", "Huyện Hóc Môn", "Huyện Củ Chi", "Huyện Cần Giờ"};
    /** Other provinces of birth with the code of their personal identification numbers. */
    private static final String[][] PROVINCES = {
            {"Tỉnh Long An", "080"}, {"Tỉnh Đồng Nai", "075"}, {"Tỉnh Bình Dương", "074"}, {"Tỉnh Tiền Giang", "082"},
            {"Tỉnh Bến Tre", "083"}, {"Tỉnh Tây Ninh", "072"}, {"Tỉnh Bình Phước", "070"},
            {"Tỉnh Bà Rịa - Vũng Tàu", "077"}, {"Tỉnh Vĩnh Long", "086"}, {"Tỉnh Đồng Tháp", "087"},
            {"Tỉnh An Giang", "089"}, {"Tỉnh Kiên Giang", "091"}, {"Thành phố Cần Thơ", "092"}, {"Tỉnh Cà Mau", "096"},
            {"Tỉnh Sóc Trăng", "094"}, {"Tỉnh Trà Vinh", "084"}, {"Tỉnh Lâm Đồng", "068"}, {"Tỉnh Đắk Lắk", "066"},
            {"Tỉnh Bình Định", "052"}, {"Tỉnh Quảng Ngãi", "051"}, {"Tỉnh Quảng Nam", "049"},
            {"Thành phố Đà Nẵng", "048"}, {"Tỉnh Thừa Thiên Huế", "046"}, {"Tỉnh Nghệ An", "040"},
            {"Tỉnh Thanh Hóa", "038"}, {"Tỉnh Nam Định", "036"}, {"Tỉnh Thái Bình", "034"},
            {"Thành phố Hải Phòng", "031"}, {"Thành phố Hà Nội", "001"}};
    /** Homeroom comments by level of the student: 0 weakest … 3 best. */
    private static final String[][] COMMENTS = {
            {"Kết quả học tập còn thấp, cần ôn tập kĩ trong hè và tích cực hỏi thầy cô khi chưa hiểu bài.",
                    "Chưa chú ý học tập, còn nghỉ học; cần cố gắng nhiều hơn ở năm học tới."},
            {"Học lực chưa đều giữa các môn, cần chăm chỉ hơn và tích cực phát biểu xây dựng bài.",
                    "Có tiến bộ ở học kì II, cần duy trì nề nếp học tập và làm bài tập đầy đủ.",
                    "Hiền, ngoan, còn rụt rè; cần mạnh dạn và chủ động hơn trong học tập."},
            {"Có cố gắng trong học tập, chấp hành tốt nội quy. Cần đầu tư thêm cho các môn còn yếu.",
                    "Năng động, nhiệt tình với công việc chung của lớp; cần tập trung hơn trong giờ học.",
                    "Có ý thức học tập, tham gia đầy đủ các hoạt động. Cần cẩn thận hơn khi làm bài kiểm tra."},
            {"Chăm ngoan, học tập tốt, tích cực tham gia các hoạt động của lớp và nhà trường. Cần phát huy.",
                    "Có tinh thần tự học cao, kết quả học tập tốt, là tấm gương cho các bạn trong lớp.",
                    "Lễ phép, gương mẫu, học đều các môn. Tiếp tục phát huy."}};

    /** "0", "0.1", … "10": scores written as teachers write them (8 rather than 8.0). */
    private static final String[] TENTHS = new String[101];
    private static final int[] MALE_GIVEN_RANK = ranks(MALE_GIVEN, FEMALE_GIVEN);
    private static final int[] FEMALE_GIVEN_RANK = ranks(FEMALE_GIVEN, MALE_GIVEN);
    private static final int[] MALE_MIDDLE_RANK = ranks(MALE_MIDDLE, FEMALE_MIDDLE);
    private static final int[] FEMALE_MIDDLE_RANK = ranks(FEMALE_MIDDLE, MALE_MIDDLE);
    private static final int[] FAMILY_RANK = ranks(FAMILY, FAMILY);
    private static final int FAMILY_TOTAL = Arrays.stream(FAMILY_WEIGHT).sum();

    static {
        for (int i = 0; i <= 100; i++) {
            TENTHS[i] = i % 10 == 0 ? String.valueOf(i / 10) : (i / 10) + "." + (i % 10);
        }
    }

    private SyntheticClasses() {
    }

    /**
     * The three CSV files of a class, as {@link GradebookCsv} reads them.
     *
     * @param classCsv    {@value GradebookCsv#CLASS_FILE}
     * @param studentsCsv {@value GradebookCsv#STUDENTS_FILE}
     * @param scoresCsv   {@value GradebookCsv#SCORES_FILE}
     */
    public record ClassFiles(String classCsv, String studentsCsv, String scoresCsv) {
        public ClassFiles {
            Objects.requireNonNull(classCsv, "classCsv");
            Objects.requireNonNull(studentsCsv, "studentsCsv");
            Objects.requireNonNull(scoresCsv, "scoresCsv");
        }

        /** File name → content, in the order {@code lop.csv}, {@code hoc-sinh.csv}, {@code diem.csv}. */
        public Map<String, String> byFileName() {
            Map<String, String> files = new java.util.LinkedHashMap<>();
            files.put(GradebookCsv.CLASS_FILE, classCsv);
            files.put(GradebookCsv.STUDENTS_FILE, studentsCsv);
            files.put(GradebookCsv.SCORES_FILE, scoresCsv);
            return files;
        }

        /** Reads the files back with {@link GradebookCsv#read}. */
        public ClassGradebook read() {
            return GradebookCsv.read(new StringReader(classCsv), new StringReader(studentsCsv),
                    new StringReader(scoresCsv));
        }
    }

    /**
     * A fictional school in Ho Chi Minh City with this code, name and DID (the address is made up).
     */
    public static School school(String code, String name, String did) {
        return new School(code, name, "12 Nguyễn Văn Cừ", "Phường Chợ Quán", null, "Thành phố Hồ Chí Minh", did);
    }

    /**
     * Makes up a class.
     *
     * @param school    the school; its code goes in {@code lop.csv}
     * @param year      the school year
     * @param className the class name, starting with its grade (6–12): {@code 12A1}, {@code 10C3}, {@code 7/2}
     * @param students  how many students, 1 to 1,000,000
     * @param seed      the same seed (with the same other arguments) gives the same bytes
     */
    public static ClassFiles generate(School school, SchoolYear year, String className, int students, long seed) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(className, "className");
        Matcher m = CLASS_NAME.matcher(className);
        int grade = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (grade < 6 || grade > 12) {
            throw new InvalidInputException("Tên lớp '" + className + "' phải bắt đầu bằng khối 6 đến 12, ví dụ 12A1.");
        }
        if (students < 1 || students > MAX_STUDENTS) {
            throw new InvalidInputException("Số học sinh " + students + " phải từ 1 đến " + MAX_STUDENTS + ".");
        }
        return new Generation(school, year, className, grade, students, seed).run();
    }

    // ------------------------------------------------------------------ one generation

    private static final class Generation {
        private final School school;
        private final SchoolYear year;
        private final String className;
        private final int grade;
        private final int count;
        private final Draw random;
        private final List<Subject> subjects = new ArrayList<>();
        private final Set<String> clusters = new HashSet<>();
        private final List<String> clusterOrder = new ArrayList<>();

        Generation(School school, SchoolYear year, String className, int grade, int count, long seed) {
            this.school = school;
            this.year = year;
            this.className = className;
            this.grade = grade;
            this.count = count;
            // mix the class into the seed, so the classes of one seed differ
            this.random = new Draw(seed * 0x9E3779B97F4A7C15L ^ className.hashCode() ^ ((long) year.startYear() << 32));
        }

        private record Person(boolean female, int family, int middle, int given, LocalDate born, String place,
                              String personalId, double ability) {
            int givenRank() {
                return female ? FEMALE_GIVEN_RANK[given] : MALE_GIVEN_RANK[given];
            }

            int middleRank() {
                return female ? FEMALE_MIDDLE_RANK[middle] : MALE_MIDDLE_RANK[middle];
            }

            String fullName() {
                return FAMILY[family] + " " + (female ? FEMALE_MIDDLE[middle] : MALE_MIDDLE[middle]) + " "
                        + (female ? FEMALE_GIVEN[given] : MALE_GIVEN[given]);
            }
        }

        ClassFiles run() {
            chooseSubjects();
            String teacher = teacherName();
            List<Person> people = people();
            people.sort(Comparator.comparingInt(Person::givenRank).thenComparingInt(Person::middleRank)
                    .thenComparingInt(p -> FAMILY_RANK[p.family()]).thenComparing(Person::born));

            StringBuilder lop = new StringBuilder(512);
            Csv.append(lop, GradebookCsv.CLASS_COLUMNS);
            Csv.append(lop, List.of(school.code(), school.name(), school.address(), school.ward(),
                    school.district() == null ? "" : school.district(), school.province(), school.did(),
                    year.toString(), String.valueOf(grade), className, teacher, String.join(";", clusterOrder)));

            StringBuilder hs = new StringBuilder(200 + count * 190);
            Csv.append(hs, GradebookCsv.STUDENT_COLUMNS);
            StringBuilder diem = new StringBuilder(100 + count * subjects.size() * 2 * 56);
            Csv.append(diem, GradebookCsv.SCORE_COLUMNS);
            int width = Math.max(4, String.valueOf(count).length());
            String prefix = String.format("%02d-%s-", year.startYear() % 100, className);
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                String number = prefix + pad(i + 1, width);
                student(hs, diem, p, i + 1, number);
            }
            return new ClassFiles(lop.toString(), hs.toString(), diem.toString());
        }

        private void chooseSubjects() {
            List<String> electives = SubjectCatalogue.requiredElectives(grade) == 0 ? List.of()
                    : COMBINATIONS.get(random.nextInt(COMBINATIONS.size()));
            for (Subject s : SubjectCatalogue.forGrade(grade)) {
                if (s.category() == SubjectCategory.COMPULSORY || electives.contains(s.code())) {
                    subjects.add(s);
                }
            }
            if (EducationLevel.ofGrade(grade) == EducationLevel.UPPER_SECONDARY) {
                clusterOrder.add("TOAN");
                for (String e : electives) {
                    if (clusterOrder.size() < 3 && SubjectCatalogue.find(grade, e).isScored()) {
                        clusterOrder.add(e);
                    }
                }
                clusters.addAll(clusterOrder);
            }
        }

        private String teacherName() {
            boolean female = random.nextInt(100) < 70;
            String family = FAMILY[weightedFamily()];
            return female ? family + " Thị " + FEMALE_GIVEN[random.nextInt(FEMALE_GIVEN.length)]
                    : family + " " + MALE_MIDDLE[random.nextInt(MALE_MIDDLE.length)] + " "
                    + MALE_GIVEN[random.nextInt(MALE_GIVEN.length)];
        }

        private int weightedFamily() {
            int r = random.nextInt(FAMILY_TOTAL);
            for (int i = 0; i < FAMILY_WEIGHT.length; i++) {
                r -= FAMILY_WEIGHT[i];
                if (r < 0) {
                    return i;
                }
            }
            throw new AssertionError();
        }

        private List<Person> people() {
            int birthYear = year.startYear() - grade - 5;
            Set<String> ids = new HashSet<>(count * 2);
            List<Person> people = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                boolean female = random.nextInt(100) < 51;
                int family = weightedFamily();
                int middle = random.nextInt(female ? FEMALE_MIDDLE.length : MALE_MIDDLE.length);
                int given = random.nextInt(female ? FEMALE_GIVEN.length : MALE_GIVEN.length);
                int born = random.nextInt(100) < 3 ? birthYear - 1 : birthYear;   // a few started school late
                LocalDate date = LocalDate.ofYearDay(born, 1 + random.nextInt(LocalDate.of(born, 12, 31).getDayOfYear()));
                String place;
                String province;
                if (random.nextInt(100) < 72) {
                    place = CITY_DISTRICTS[random.nextInt(CITY_DISTRICTS.length)] + ", Thành phố Hồ Chí Minh";
                    province = "079";
                } else {
                    String[] p = PROVINCES[random.nextInt(PROVINCES.length)];
                    place = p[0];
                    province = p[1];
                }
                // century and gender digit (Circular 59/2021/TT-BCA): 2 for a boy, 3 for a girl born 2000–2099
                int centuryDigit = (born / 100 - 19) * 2 + (female ? 1 : 0);
                String id;
                do {
                    id = province + centuryDigit + pad(born % 100, 2) + pad(random.nextInt(1_000_000), 6);
                } while (!ids.add(id));
                double ability = Math.max(3.8, Math.min(9.6, 7.3 + random.nextGaussian() * 1.0));
                people.add(new Person(female, family, middle, given, date, place, id, ability));
            }
            return people;
        }

        private void student(StringBuilder hs, StringBuilder diem, Person p, int stt, String number) {
            double ability = p.ability();
            int level = ability < 5.0 ? 0 : ability < 6.5 ? 1 : ability < 8.0 ? 2 : 3;
            String conduct1 = conduct(level);
            String conduct2 = random.nextInt(100) < 80 ? conduct1 : conduct(level);
            int absent = random.nextInt(1000) < 2 ? 46 + random.nextInt(10)
                    : random.nextInt(100) < 70 ? random.nextInt(4) : random.nextInt(4 + 6 * (3 - level));
            String comment = COMMENTS[level][random.nextInt(COMMENTS[level].length)];
            Csv.append(hs, List.of(String.valueOf(stt), number, p.fullName(), date(p.born()), p.female() ? "Nữ" : "Nam",
                    p.place(), p.personalId(), conduct1, conduct2, String.valueOf(absent), comment));
            for (Subject s : subjects) {
                int regular = GradingRules.requiredRegularAssessments(s, clusters.contains(s.code()));
                double mean = ability + offset(s) + random.nextGaussian() * 0.6;
                for (int semester = 0; semester < 2; semester++) {
                    diem.append(number).append(',').append(s.code()).append(semester == 0 ? ",I" : ",II");
                    if (s.isScored()) {
                        double m = mean + (semester == 0 ? -0.1 : 0.1);
                        for (int t = 0; t < 5; t++) {
                            diem.append(',');
                            if (t < regular) {
                                diem.append(TENTHS[halfPoints(m + random.nextGaussian() * 0.8)]);
                            }
                        }
                        diem.append(',').append(TENTHS[quarterPoints(m + random.nextGaussian() * 0.7)]);
                        diem.append(',').append(TENTHS[quarterPoints(m + random.nextGaussian() * 0.7)]);
                    } else {
                        // comment-only subjects: Đạt, with the odd Chưa đạt for weak students
                        int notPassedPerMille = level == 0 ? 60 : level == 1 ? 12 : 2;
                        for (int t = 0; t < 5; t++) {
                            diem.append(',');
                            if (t < regular) {
                                diem.append(random.nextInt(1000) < notPassedPerMille ? "CĐ" : "Đ");
                            }
                        }
                        diem.append(',').append(random.nextInt(1000) < notPassedPerMille ? "CĐ" : "Đ");
                        diem.append(',').append(random.nextInt(1000) < notPassedPerMille / 2 ? "CĐ" : "Đ");
                    }
                    diem.append("\r\n");
                }
            }
        }

        private String conduct(int level) {
            int r = random.nextInt(1000);
            return switch (level) {
                case 3 -> r < 930 ? "Tốt" : "Khá";
                case 2 -> r < 700 ? "Tốt" : r < 980 ? "Khá" : "Đạt";
                case 1 -> r < 400 ? "Tốt" : r < 850 ? "Khá" : r < 995 ? "Đạt" : "Chưa đạt";
                default -> r < 200 ? "Tốt" : r < 600 ? "Khá" : r < 970 ? "Đạt" : "Chưa đạt";
            };
        }

        /** Defence education is usually marked high, literature and history a little lower. */
        private static double offset(Subject s) {
            return switch (s.code()) {
                case "GIAO_DUC_QUOC_PHONG_AN_NINH", "GIAO_DUC_CONG_DAN", "TIN_HOC" -> 0.5;
                case "NGU_VAN", "LICH_SU", "LICH_SU_DIA_LI" -> -0.3;
                case "NGOAI_NGU_1" -> -0.2;
                default -> 0.0;
            };
        }

        private static String date(LocalDate d) {
            return pad(d.getDayOfMonth(), 2) + "/" + pad(d.getMonthValue(), 2) + "/" + d.getYear();
        }
    }

    /**
     * The SplitMix64 generator (Steele, Lea and Flood, 2014), written out so the sequence depends on
     * nothing but the seed; not for anything secret.
     */
    private static final class Draw {
        private long state;

        Draw(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = state += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** 0 (inclusive) to {@code bound} (exclusive); the bias is below 2^-31. */
        int nextInt(int bound) {
            return (int) (((nextLong() >>> 32) * bound) >>> 32);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        /** About normal with mean 0 and deviation 1: the sum of four uniform draws, scaled (within ±3.5). */
        double nextGaussian() {
            return (nextDouble() + nextDouble() + nextDouble() + nextDouble() - 2.0) * 1.7320508075688772;
        }
    }

    /** A regular check is marked in whole or half points: tenths of such a mark within 0–10. */
    private static int halfPoints(double score) {
        long halves = Math.round(Math.max(0, Math.min(10, score)) * 2);
        return (int) halves * 5;
    }

    /** A written test is marked to a quarter point, then rounded half up to one decimal (8.25 → 8.3). */
    private static int quarterPoints(double score) {
        long quarters = Math.round(Math.max(0, Math.min(10, score)) * 4);
        return (int) ((quarters * 25 + 5) / 10);
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /**
     * The position of each of {@code names} in the Vietnamese alphabetical order (a ă â b c d đ e ê …
     * ơ … ư …, then tones) of {@code names} and {@code others} together, computed without locale data
     * so every Java version sorts the same way.
     */
    private static int[] ranks(String[] names, String[] others) {
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(List.of(names)));
        for (String o : others) {
            if (!all.contains(o)) {
                all.add(o);
            }
        }
        all.sort(Comparator.comparing(SyntheticClasses::sortKey).thenComparing(Comparator.naturalOrder()));
        int[] rank = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            rank[i] = all.indexOf(names[i]);
        }
        return rank;
    }

    private static final String ALPHABET = " aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    /** Letters in Vietnamese order first, tones (as a second level) after. */
    static String sortKey(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        int i = 0;
        while (i < decomposed.length()) {
            char letter = decomposed.charAt(i++);
            int tone = 0;
            // the marks of one letter come in canonical order (dot below before circumflex, …): look at them all
            while (i < decomposed.length() && Character.getType(decomposed.charAt(i)) == Character.NON_SPACING_MARK) {
                char mark = decomposed.charAt(i++);
                switch (mark) {
                    case '\u0306' -> letter = letter == 'a' ? 'ă' : letter;
                    case '\u0302' -> letter = letter == 'a' ? 'â' : letter == 'e' ? 'ê' : letter == 'o' ? 'ô' : letter;
                    case '\u031B' -> letter = letter == 'o' ? 'ơ' : letter == 'u' ? 'ư' : letter;
                    default -> tone = 1 + Math.max(0, "\u0300\u0309\u0303\u0301\u0323".indexOf(mark));
                }
            }
            int at = ALPHABET.indexOf(letter);
            letters.append((char) ('A' + (at < 0 ? ALPHABET.length() : at)));
            tones.append((char) ('0' + tone));
        }
        return letters + "\u0001" + tones; // sorts before every letter: An before Anh
    }
}
