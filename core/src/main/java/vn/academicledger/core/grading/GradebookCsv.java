package vn.academicledger.core.grading;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.Gender;
import vn.academicledger.core.domain.Labelled;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectCatalogue;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Reads a class's gradebook from three CSV files (UTF-8, comma separated, Vietnamese headers),
 * described in {@code sample/README.md}:
 * <ul>
 *   <li>{@value #CLASS_FILE}: one row about the school and the class;</li>
 *   <li>{@value #STUDENTS_FILE}: one row per student, with conduct per semester, absences and the
 *       homeroom teacher's comment;</li>
 *   <li>{@value #SCORES_FILE}: one row per student, subject and semester, with the regular (TX1–TX5),
 *       mid-term (GK) and end-of-semester (CK) assessments: scores for scored subjects, Đ/CĐ for
 *       comment-only ones.</li>
 * </ul>
 * Every error names the file, the line and the column.
 */
public final class GradebookCsv {
    public static final String CLASS_FILE = "lop.csv";
    public static final String STUDENTS_FILE = "hoc-sinh.csv";
    public static final String SCORES_FILE = "diem.csv";

    static final List<String> CLASS_COLUMNS = List.of("Mã trường", "Tên trường", "Địa chỉ", "Phường/Xã",
            "Quận/Huyện", "Tỉnh/Thành phố", "DID của trường", "Năm học", "Khối", "Lớp", "Giáo viên chủ nhiệm",
            "Cụm chuyên đề học tập");
    static final List<String> STUDENT_COLUMNS = List.of("STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính",
            "Nơi sinh", "Mã định danh cá nhân", "Rèn luyện HK I", "Rèn luyện HK II", "Số buổi nghỉ",
            "Nhận xét của giáo viên chủ nhiệm");
    static final List<String> REGULAR_COLUMNS = List.of("TX1", "TX2", "TX3", "TX4", "TX5");
    static final List<String> SCORE_COLUMNS = List.of("Mã học sinh", "Mã môn", "Học kì", "TX1", "TX2", "TX3", "TX4",
            "TX5", "GK", "CK");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private GradebookCsv() {
    }

    /** Reads the three files of one class. */
    public static ClassGradebook read(Reader classFile, Reader studentsFile, Reader scoresFile) {
        List<Csv.Row> classRows = Csv.read(CLASS_FILE, classFile, CLASS_COLUMNS);
        if (classRows.size() != 1) {
            throw new InvalidInputException(CLASS_FILE + ": cần đúng một dòng dữ liệu về lớp, có " + classRows.size() + ".");
        }
        Csv.Row c = classRows.get(0);
        School school = at(c, null, () -> new School(c.get("Mã trường"), c.get("Tên trường"), c.get("Địa chỉ"),
                c.get("Phường/Xã"), c.get("Quận/Huyện"), c.get("Tỉnh/Thành phố"), c.get("DID của trường")));
        SchoolYear year = at(c, "Năm học", () -> SchoolYear.parse(c.get("Năm học")));
        int grade = integer(c, "Khối");
        String className = required(c, "Lớp");
        String teacher = required(c, "Giáo viên chủ nhiệm");
        Set<String> clusters = new HashSet<>();
        for (String code : c.get("Cụm chuyên đề học tập").split(";")) {
            if (!code.isBlank()) {
                Subject s = at(c, "Cụm chuyên đề học tập", () -> SubjectCatalogue.find(grade, code.strip()));
                clusters.add(s.code());
            }
        }

        Map<String, List<Csv.Row>> scoresByStudent = new LinkedHashMap<>();
        for (Csv.Row r : Csv.read(SCORES_FILE, scoresFile, SCORE_COLUMNS)) {
            scoresByStudent.computeIfAbsent(required(r, "Mã học sinh"), k -> new ArrayList<>()).add(r);
        }

        List<StudentGradebook> students = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (Csv.Row r : Csv.read(STUDENTS_FILE, studentsFile, STUDENT_COLUMNS)) {
            Student student = at(r, null, () -> new Student(r.get("Mã học sinh"), r.get("Họ và tên"),
                    date(r, "Ngày sinh"), r.get("Nơi sinh"), label(r, "Giới tính", Gender.values()),
                    r.get("Mã định danh cá nhân"), school.code()));
            if (!numbers.add(student.studentNumber())) {
                throw new InvalidInputException(r.where("Mã học sinh") + ": mã học sinh " + student.studentNumber()
                        + " bị trùng.");
            }
            List<Csv.Row> rows = scoresByStudent.remove(student.studentNumber());
            if (rows == null) {
                throw new InvalidInputException(SCORES_FILE + ": không có điểm của học sinh " + student.fullName()
                        + " (mã " + student.studentNumber() + ").");
            }
            List<SubjectAssessment> subjects = subjects(student, grade, clusters, rows);
            students.add(at(r, null, () -> new StudentGradebook(school, student, year, grade, className,
                    teacher, subjects, label(r, "Rèn luyện HK I", Rating.values()),
                    label(r, "Rèn luyện HK II", Rating.values()), integer(r, "Số buổi nghỉ"),
                    r.get("Nhận xét của giáo viên chủ nhiệm"))));
        }
        if (!scoresByStudent.isEmpty()) {
            Csv.Row stray = scoresByStudent.values().iterator().next().get(0);
            throw new InvalidInputException(stray.where("Mã học sinh") + ": mã học sinh " + stray.get("Mã học sinh")
                    + " không có trong " + STUDENTS_FILE + ".");
        }
        return new ClassGradebook(school, year, grade, className, teacher, students);
    }

    private static List<SubjectAssessment> subjects(Student student, int grade, Set<String> clusters,
                                                    List<Csv.Row> rows) {
        Map<String, Csv.Row[]> bySubject = new LinkedHashMap<>();
        for (Csv.Row r : rows) {
            String code = required(r, "Mã môn");
            at(r, "Mã môn", () -> SubjectCatalogue.find(grade, code));
            int semester = switch (r.get("Học kì")) {
                case "I", "1" -> 0;
                case "II", "2" -> 1;
                default -> throw new InvalidInputException(r.where("Học kì") + ": phải là I hoặc II, không phải '"
                        + r.get("Học kì") + "'.");
            };
            Csv.Row[] pair = bySubject.computeIfAbsent(code, k -> new Csv.Row[2]);
            if (pair[semester] != null) {
                throw new InvalidInputException(r.where("Mã môn") + ": học sinh " + student.fullName() + " đã có dòng điểm môn "
                        + code + " học kì " + r.get("Học kì") + " ở dòng " + pair[semester].line() + ".");
            }
            pair[semester] = r;
        }
        List<SubjectAssessment> subjects = new ArrayList<>();
        for (Map.Entry<String, Csv.Row[]> e : bySubject.entrySet()) {
            Subject subject = SubjectCatalogue.find(grade, e.getKey());
            Csv.Row[] pair = e.getValue();
            for (int i = 0; i < 2; i++) {
                if (pair[i] == null) {
                    throw new InvalidInputException(SCORES_FILE + ": học sinh " + student.fullName() + " (mã "
                            + student.studentNumber() + ") thiếu dòng điểm môn " + subject.vietnamese() + " học kì "
                            + (i == 0 ? "I" : "II") + ".");
                }
            }
            boolean cluster = clusters.contains(subject.code());
            if (subject.isScored()) {
                subjects.add(new ScoredAssessment(subject, scores(pair[0]), scores(pair[1]), cluster));
            } else {
                subjects.add(new CommentAssessment(subject, comments(pair[0]), comments(pair[1]), cluster));
            }
        }
        return subjects;
    }

    private static SemesterScores scores(Csv.Row r) {
        List<Score> regular = new ArrayList<>();
        for (String column : REGULAR_COLUMNS) {
            if (!r.get(column).isEmpty()) {
                regular.add(score(r, column));
            }
        }
        return at(r, null, () -> new SemesterScores(regular, score(r, "GK"), score(r, "CK")));
    }

    private static SemesterComments comments(Csv.Row r) {
        List<CommentGrade> regular = new ArrayList<>();
        for (String column : REGULAR_COLUMNS) {
            if (!r.get(column).isEmpty()) {
                regular.add(comment(r, column));
            }
        }
        return new SemesterComments(regular, comment(r, "GK"), comment(r, "CK"));
    }

    private static Score score(Csv.Row r, String column) {
        if (r.get(column).isEmpty()) {
            throw new InvalidInputException(r.where(column) + ": thiếu điểm.");
        }
        return at(r, column, () -> Score.of(r.get(column)));
    }

    private static CommentGrade comment(Csv.Row r, String column) {
        String v = r.get(column);
        for (CommentGrade g : CommentGrade.values()) {
            if (g.abbreviation().equalsIgnoreCase(v) || g.vietnamese().equalsIgnoreCase(v)) {
                return g;
            }
        }
        throw new InvalidInputException(r.where(column) + ": '" + v + "' phải là Đ (Đạt) hoặc CĐ (Chưa đạt).");
    }

    private static <E extends Labelled> E label(Csv.Row r, String column, E[] values) {
        String v = r.get(column);
        for (E e : values) {
            if (e.vietnamese().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new InvalidInputException(r.where(column) + ": '" + v + "' không hợp lệ; dùng một trong: "
                + String.join(", ", Arrays.stream(values).map(Labelled::vietnamese).toList()) + ".");
    }

    private static LocalDate date(Csv.Row r, String column) {
        try {
            return LocalDate.parse(r.get(column), DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(r.where(column) + ": '" + r.get(column)
                    + "' phải là ngày có thật dạng ngày/tháng/năm, ví dụ 14/03/2008.", e);
        }
    }

    private static int integer(Csv.Row r, String column) {
        try {
            return Integer.parseInt(r.get(column));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(r.where(column) + ": '" + r.get(column) + "' phải là số nguyên.", e);
        }
    }

    private static String required(Csv.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) {
            throw new InvalidInputException(r.where(column) + ": không được để trống.");
        }
        return v;
    }

    private static <T> T at(Csv.Row r, String column, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            if (e.getMessage().startsWith(r.file())) {
                throw e;
            }
            String where = column == null ? r.file() + " dòng " + r.line() : r.where(column);
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
    }
}
