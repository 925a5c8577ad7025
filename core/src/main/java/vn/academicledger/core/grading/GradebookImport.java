package vn.academicledger.core.grading;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.academicledger.core.domain.CommentGrade;
import vn.academicledger.core.domain.EducationLevel;
import vn.academicledger.core.domain.Gender;
import vn.academicledger.core.domain.Labelled;
import vn.academicledger.core.domain.Nfc;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.Subject;
import vn.academicledger.core.domain.SubjectCatalogue;
import vn.academicledger.core.domain.SubjectCategory;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Reads a class's gradebook from its three tables — the class ({@link GradebookCsv#CLASS_COLUMNS}),
 * the students ({@link GradebookCsv#STUDENT_COLUMNS}) and the scores ({@link
 * GradebookCsv#SCORE_COLUMNS}), as described in {@code sample/README.md} — whether they come from
 * CSV files ({@link GradebookCsv}) or the sheets of a spreadsheet. All or nothing: either every row
 * is valid and the whole {@link ClassGradebook} is returned, or a {@link GradebookImportException}
 * lists every problem found (up to {@link GradebookImportException#MAX_PROBLEMS}), each naming the
 * file, the row and the column, and saying in Vietnamese what to change.
 *
 * <p>Headers are matched by name (Unicode NFC, case and spacing aside), in any order; unknown
 * columns are ignored; rows above the header (a title) are ignored. Besides each cell, the import
 * checks the class as a whole: unique student numbers and personal identification numbers, both
 * semesters of each subject, the compulsory subjects and the number of electives of the grade, and
 * the number of regular assessments each subject needs (Circular 22/2021, Điều 6 khoản 2).
 */
public final class GradebookImport {
    /** A date as teachers type it: {@code 14/03/2008}, also {@code 4/3/2008}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern EXPONENT = Pattern.compile("\\d([.,]\\d+)?[eE][+]?\\d+");
    private static final Pattern CLUSTER_SEPARATOR = Pattern.compile("[;,]");
    /** How far down a title may push the header row. */
    private static final int HEADER_SEARCH_ROWS = 10;

    private static final Map<String, String> WHAT_TO_ENTER = Map.ofEntries(
            Map.entry("Mã trường", "nhập mã trường 8 chữ số, ví dụ 79000701"),
            Map.entry("Tên trường", "nhập tên đầy đủ của trường"),
            Map.entry("Địa chỉ", "nhập số nhà và tên đường"),
            Map.entry("Phường/Xã", "nhập phường hoặc xã"),
            Map.entry("Tỉnh/Thành phố", "nhập tỉnh hoặc thành phố, ví dụ Thành phố Hồ Chí Minh"),
            Map.entry("DID của trường", "nhập DID của trường, ví dụ did:web:thptbennghe.hcm.edu.vn"),
            Map.entry("Năm học", "nhập năm học, ví dụ 2025-2026"),
            Map.entry("Khối", "nhập khối lớp, từ 6 đến 12"),
            Map.entry("Lớp", "nhập tên lớp, ví dụ 12A1"),
            Map.entry("Giáo viên chủ nhiệm", "nhập họ và tên giáo viên chủ nhiệm"),
            Map.entry("Mã học sinh", "nhập mã học sinh"),
            Map.entry("Họ và tên", "nhập họ và tên có dấu của học sinh"),
            Map.entry("Ngày sinh", "nhập ngày sinh dạng ngày/tháng/năm, ví dụ 14/03/2008"),
            Map.entry("Giới tính", "nhập Nam hoặc Nữ"),
            Map.entry("Nơi sinh", "nhập nơi sinh như trên giấy khai sinh"),
            Map.entry("Mã định danh cá nhân", "nhập mã định danh cá nhân 12 chữ số"),
            Map.entry("Rèn luyện HK I", "nhập Tốt, Khá, Đạt hoặc Chưa đạt"),
            Map.entry("Rèn luyện HK II", "nhập Tốt, Khá, Đạt hoặc Chưa đạt"),
            Map.entry("Số buổi nghỉ", "nhập số buổi nghỉ cả năm, 0 nếu học sinh không nghỉ buổi nào"),
            Map.entry("Mã môn", "nhập mã môn, ví dụ TOAN"),
            Map.entry("Học kì", "nhập I hoặc II"));

    private final ImportProblems problems = new ImportProblems(GradebookImportException.MAX_PROBLEMS);
    private final Map<String, Score> scores = new HashMap<>();

    private GradebookImport() {
    }

    /**
     * Reads one class.
     *
     * @param classTable    the class and its school: {@link GradebookCsv#CLASS_COLUMNS}, one data row
     * @param studentsTable one row per student: {@link GradebookCsv#STUDENT_COLUMNS}
     * @param scoresTable   one row per student, subject and semester: {@link GradebookCsv#SCORE_COLUMNS}
     * @throws GradebookImportException with every problem found, when any row is not valid
     */
    public static ClassGradebook read(GradebookTable classTable, GradebookTable studentsTable,
                                      GradebookTable scoresTable) {
        return new GradebookImport().run(classTable, studentsTable, scoresTable);
    }

    // ------------------------------------------------------------------ tables and headers

    /** A table whose header has every column. */
    private final class Sheet {
        final String name;
        final List<GradebookTable.Row> data;
        final Map<String, Integer> at;

        Sheet(String name, List<GradebookTable.Row> data, Map<String, Integer> at) {
            this.name = name;
            this.data = data;
            this.at = at;
        }

        int index(String column) {
            Integer i = at.get(column);
            if (i == null) {
                throw new IllegalStateException("no column " + column);
            }
            return i;
        }

        String get(GradebookTable.Row r, String column) {
            return clean(r.cell(index(column)));
        }

        void problem(GradebookTable.Row r, String column, String reason) {
            problems.add(name, r.number(), column, reason);
        }

        /** The cell, or {@code null} after reporting it empty. */
        String required(GradebookTable.Row r, String column) {
            String v = get(r, column);
            if (v.isEmpty()) {
                problem(r, column, "ô trống: " + WHAT_TO_ENTER.getOrDefault(column, "nhập giá trị") + ".");
                return null;
            }
            return v;
        }
    }

    /** Checks the header; {@code null} when a column is missing (the rows are then not read). */
    private Sheet sheet(GradebookTable table, List<String> columns) {
        problems.file(table.name(), columns);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String c : columns) {
            expected.put(key(c), c);
        }
        for (ImportProblem p : table.problems()) {
            String column = p.column() == null ? null : expected.getOrDefault(key(p.column()), p.column());
            problems.fromSource(new ImportProblem(p.file(), p.row(), column, p.reason()));
        }
        List<GradebookTable.Row> rows = table.rows();
        if (rows.isEmpty()) {
            problems.add(table.name(), 0, null, "tệp không có dữ liệu: dòng đầu tiên phải là dòng tiêu đề "
                    + String.join(",", columns) + ", tiếp theo là các dòng dữ liệu.");
            return null;
        }
        int headerAt = 0;
        for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
            long known = rows.get(i).cells().stream().filter(c -> expected.containsKey(key(c))).count();
            if (known * 2 >= columns.size()) {
                headerAt = i;
                break;
            }
        }
        GradebookTable.Row header = rows.get(headerAt);
        Map<String, Integer> at = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        boolean usable = true;
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = clean(header.cell(i));
            String column = expected.get(key(cell));
            if (column == null) {
                if (!cell.isEmpty()) {
                    unknown.add(cell);
                }
            } else if (at.containsKey(column)) {
                problems.add(table.name(), header.number(), column, "cột '" + column + "' có hai lần (cột thứ "
                        + (at.get(column) + 1) + " và " + (i + 1) + "): xoá một cột.");
                usable = false;
            } else {
                at.put(column, i);
            }
        }
        for (String column : columns) {
            if (!at.containsKey(column)) {
                String hint = unknown.isEmpty() ? ""
                        : " (dòng tiêu đề có các cột không dùng đến: '" + String.join("', '", unknown)
                        + "'; có thể một trong số đó là cột này, viết khác đi)";
                problems.add(table.name(), header.number(), column, "thiếu cột '" + column
                        + "' ở dòng tiêu đề" + hint + ": thêm cột này; dòng tiêu đề cần đủ các cột "
                        + String.join(", ", columns) + ".");
                usable = false;
            }
        }
        if (!usable) {
            return null;
        }
        int width = at.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        width = Math.max(width, lastNonBlank(header) + 1);
        List<GradebookTable.Row> data = new ArrayList<>(rows.size() - headerAt);
        for (int i = headerAt + 1; i < rows.size(); i++) {
            GradebookTable.Row r = rows.get(i);
            if (r.isBlank()) {
                continue;
            }
            int last = lastNonBlank(r);
            if (last >= width) {
                problems.add(table.name(), r.number(), null, "có dữ liệu ở cột thứ " + (last + 1)
                        + " nhưng dòng tiêu đề chỉ có " + width + " cột: xoá dữ liệu thừa; trong tệp CSV, ô có dấu"
                        + " phẩy phải đặt trong ngoặc kép.");
                continue;
            }
            data.add(r);
        }
        return new Sheet(table.name(), data, at);
    }

    private static int lastNonBlank(GradebookTable.Row r) {
        for (int i = r.cells().size() - 1; i >= 0; i--) {
            if (!r.cells().get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** The text of a cell as read: no-break spaces as spaces, trimmed, Unicode NFC. */
    static String clean(String cell) {
        if (alreadyClean(cell)) {
            return cell;
        }
        String v = cell.indexOf('\u00A0') >= 0 ? cell.replace('\u00A0', ' ') : cell;
        v = v.strip();
        return Normalizer.isNormalized(v, Normalizer.Form.NFC) ? v : Normalizer.normalize(v, Normalizer.Form.NFC);
    }

    /**
     * Whether {@link #clean} would return the cell unchanged, decided without the normaliser for the
     * cells nearly every file consists of (scores, codes, dates, Vietnamese names): no no-break space,
     * no white space at either end, and {@link Nfc#surely} NFC.
     */
    static boolean alreadyClean(String cell) {
        int n = cell.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(cell.charAt(0)) || Character.isWhitespace(cell.charAt(n - 1))) {
            return false;
        }
        return cell.indexOf('\u00A0') < 0 && Nfc.surely(cell);
    }

    private static String key(String header) {
        return clean(header).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ the class

    /** What {@value GradebookCsv#CLASS_FILE} says; a field is {@code null} when its cell is not valid. */
    private record ClassInfo(School school, String schoolCode, SchoolYear year, Integer grade, String className,
                             String teacher, Set<String> clusters) {
    }

    private ClassInfo classInfo(Sheet s) {
        if (s.data.isEmpty()) {
            problems.add(s.name, 0, null, "không có dòng dữ liệu về lớp: thêm một dòng dưới dòng tiêu đề.");
            return null;
        }
        for (int i = 1; i < s.data.size(); i++) {
            problems.add(s.name, s.data.get(i).number(), null, "chỉ được có một dòng dữ liệu về lớp (đã có dòng "
                    + s.data.get(0).number() + "): xoá dòng này, mỗi lớp nhập riêng một bộ tệp.");
        }
        GradebookTable.Row r = s.data.get(0);
        List<String> schoolColumns = List.of("Mã trường", "Tên trường", "Địa chỉ", "Phường/Xã", "Tỉnh/Thành phố",
                "DID của trường");
        boolean schoolCells = true;
        for (String column : schoolColumns) {
            schoolCells &= s.required(r, column) != null;
        }
        String code = s.get(r, "Mã trường");
        School school = null;
        if (schoolCells) {
            try {
                school = new School(code, s.get(r, "Tên trường"), s.get(r, "Địa chỉ"), s.get(r, "Phường/Xã"),
                        s.get(r, "Quận/Huyện"), s.get(r, "Tỉnh/Thành phố"), s.get(r, "DID của trường"));
            } catch (InvalidInputException e) {
                String column = e.getMessage().startsWith("Mã trường") ? "Mã trường"
                        : e.getMessage().startsWith("DID") ? "DID của trường" : null;
                String hint = DIGITS.matcher(code).matches() && code.length() < 8 ? lostZeros(code, 8) : "";
                s.problem(r, column, e.getMessage() + hint);
            }
        }
        SchoolYear year = null;
        String yearText = s.required(r, "Năm học");
        if (yearText != null) {
            try {
                year = SchoolYear.parse(yearText);
            } catch (InvalidInputException e) {
                s.problem(r, "Năm học", e.getMessage());
            }
        }
        Integer grade = null;
        String gradeText = s.required(r, "Khối");
        if (gradeText != null) {
            if (gradeText.matches("\\d{1,2}") && Integer.parseInt(gradeText) >= 6 && Integer.parseInt(gradeText) <= 12) {
                grade = Integer.parseInt(gradeText);
            } else {
                s.problem(r, "Khối", "'" + gradeText + "' không phải khối lớp: nhập một số từ 6 đến 12 "
                        + "(trung học cơ sở 6–9, trung học phổ thông 10–12).");
            }
        }
        String className = s.required(r, "Lớp");
        String teacher = s.required(r, "Giáo viên chủ nhiệm");
        Set<String> clusters = new LinkedHashSet<>();
        String clusterText = s.get(r, "Cụm chuyên đề học tập");
        boolean clustersValid = true;
        for (String c : CLUSTER_SEPARATOR.split(clusterText)) {
            String cluster = c.strip();
            if (cluster.isEmpty()) {
                continue;
            }
            if (grade == null) {
                clustersValid = false;
            } else if (EducationLevel.ofGrade(grade) != EducationLevel.UPPER_SECONDARY) {
                s.problem(r, "Cụm chuyên đề học tập", "cụm chuyên đề học tập chỉ có ở trung học phổ thông (khối 10–12), "
                        + "lớp này khối " + grade + ": để trống ô này.");
                clustersValid = false;
                break;
            } else if (SubjectCatalogue.lookup(grade, cluster).isEmpty()) {
                s.problem(r, "Cụm chuyên đề học tập", "mã môn '" + cluster + "' không có trong chương trình lớp " + grade
                        + ": ghi mã các môn có cụm chuyên đề, cách nhau bởi dấu ;, ví dụ TOAN;VAT_LI; các mã hợp lệ: "
                        + codes(grade) + ".");
                clustersValid = false;
            } else {
                clusters.add(cluster);
            }
        }
        return new ClassInfo(school, code, year, grade, className, teacher, clustersValid ? clusters : null);
    }

    private static String codes(int grade) {
        return String.join(", ", SubjectCatalogue.forGrade(grade).stream().map(Subject::code).toList());
    }

    // ------------------------------------------------------------------ students

    private static final class StudentRow {
        final int row;
        final String number;
        Student student;
        Rating conduct1;
        Rating conduct2;
        int absent;
        String comment;
        boolean valid;
        final List<ScoreRow> scores = new ArrayList<>();

        StudentRow(int row, String number) {
            this.row = row;
            this.number = number;
        }

        String who() {
            return student != null ? "học sinh " + student.fullName() + " (mã " + number + ")" : "học sinh mã " + number;
        }
    }

    private List<StudentRow> students(Sheet s, ClassInfo info, Map<String, StudentRow> byNumber) {
        List<StudentRow> list = new ArrayList<>(s.data.size());
        Map<String, Integer> personalIds = new HashMap<>();
        for (GradebookTable.Row r : s.data) {
            int before = problems.marks();
            String number = s.required(r, "Mã học sinh");
            StudentRow row = new StudentRow(r.number(), number);
            if (number != null) {
                StudentRow earlier = byNumber.putIfAbsent(number, row);
                if (earlier != null) {
                    s.problem(r, "Mã học sinh", "mã học sinh " + number + " đã có ở dòng " + earlier.row
                            + ": mỗi học sinh một mã, sửa mã của một trong hai dòng.");
                } else {
                    list.add(row);
                }
            }
            String name = s.required(r, "Họ và tên");
            LocalDate born = date(s, r, "Ngày sinh");
            Gender gender = label(s, r, "Giới tính", Gender.values());
            String place = s.required(r, "Nơi sinh");
            String id = personalId(s, r);
            if (id != null) {
                Integer earlier = personalIds.putIfAbsent(id, r.number());
                if (earlier != null) {
                    s.problem(r, "Mã định danh cá nhân", "mã định danh cá nhân " + id + " trùng với học sinh ở dòng "
                            + earlier + ": mỗi người có một mã riêng, kiểm tra lại mã của hai học sinh.");
                }
            }
            row.conduct1 = label(s, r, "Rèn luyện HK I", Rating.values());
            row.conduct2 = label(s, r, "Rèn luyện HK II", Rating.values());
            row.absent = sessionsAbsent(s, r);
            row.comment = s.get(r, "Nhận xét của giáo viên chủ nhiệm");
            if (problems.marks() == before) {
                String schoolCode = info != null && info.school() != null ? info.school().code()
                        : info != null && !info.schoolCode().isEmpty() ? info.schoolCode() : "00000000";
                try {
                    row.student = new Student(number, name, born, place, gender, id, schoolCode);
                    row.valid = true;
                } catch (InvalidInputException e) {
                    String m = e.getMessage();
                    String column = m.startsWith("Mã định danh cá nhân") ? "Mã định danh cá nhân"
                            : m.startsWith("Họ và tên") ? "Họ và tên" : m.startsWith("Ngày sinh") ? "Ngày sinh" : null;
                    s.problem(r, column, m.contains("kiểm tra") ? m
                            : m + " Sửa lại cho đúng giấy khai sinh hoặc thẻ căn cước của học sinh.");
                }
            }
        }
        return list;
    }

    private static LocalDate date(Sheet s, GradebookTable.Row r, String column) {
        String v = s.required(r, column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, DATE);
        } catch (DateTimeParseException e) {
            s.problem(r, column, "'" + v + "' không phải ngày có thật dạng ngày/tháng/năm: nhập lại, ví dụ 14/03/2008.");
            return null;
        }
    }

    private static <E extends Labelled> E label(Sheet s, GradebookTable.Row r, String column, E[] values) {
        String v = s.required(r, column);
        if (v == null) {
            return null;
        }
        for (E e : values) {
            if (e.vietnamese().equalsIgnoreCase(v)) {
                return e;
            }
        }
        s.problem(r, column, "'" + v + "' không hợp lệ; dùng một trong: "
                + String.join(", ", Arrays.stream(values).map(Labelled::vietnamese).toList()) + ".");
        return null;
    }

    private static String personalId(Sheet s, GradebookTable.Row r) {
        String column = "Mã định danh cá nhân";
        String v = s.required(r, column);
        if (v == null) {
            return null;
        }
        if (DIGITS.matcher(v).matches() && v.length() == 12) {
            return v;
        }
        if (DIGITS.matcher(v).matches() && v.length() < 12) {
            s.problem(r, column, "mã định danh cá nhân " + v + " có " + v.length() + " chữ số, cần đúng 12." + lostZeros(v, 12));
        } else if (EXPONENT.matcher(v).matches()) {
            s.problem(r, column, "'" + v + "' là số đã bị bảng tính đổi sang dạng số mũ nên mất chữ số: định dạng cột '"
                    + column + "' là Văn bản (Text) rồi nhập lại mã đủ 12 chữ số.");
        } else {
            s.problem(r, column, "'" + v + "' phải gồm đúng 12 chữ số: nhập lại mã định danh cá nhân (số căn cước) "
                    + "của học sinh, không có dấu cách hay dấu chấm.");
        }
        return null;
    }

    /** Why a code can be short: a spreadsheet stored it as a number and dropped its leading zeros. */
    private static String lostZeros(String digits, int length) {
        return " Nếu tệp đã được mở và lưu bằng bảng tính (Excel…), ô đã bị đổi thành số và mất các số 0 ở đầu (mã"
                + " đúng có lẽ là " + "0".repeat(length - digits.length()) + digits + "): định dạng cột này là Văn bản"
                + " (Text) rồi nhập lại mã đủ " + length + " chữ số.";
    }

    private static int sessionsAbsent(Sheet s, GradebookTable.Row r) {
        String v = s.required(r, "Số buổi nghỉ");
        if (v == null) {
            return 0;
        }
        if (v.matches("\\d{1,3}")) {
            return Integer.parseInt(v);
        }
        s.problem(r, "Số buổi nghỉ", "'" + v + "' phải là số nguyên không âm: nhập số buổi nghỉ cả năm (có phép và "
                + "không phép), ví dụ 3; 0 nếu học sinh không nghỉ buổi nào.");
        return 0;
    }

    // ------------------------------------------------------------------ scores

    private static final class ScoreRow {
        final int row;
        Subject subject;
        /** 0 for semester I, 1 for II, -1 when not valid. */
        int semester = -1;
        SemesterScores scores;
        SemesterComments comments;
        boolean valid;

        ScoreRow(int row) {
            this.row = row;
        }
    }

    /** A student's row of one subject and semester (students and subjects are compared as the same objects). */
    private record SeenKey(StudentRow student, Subject subject, int semester) {
    }

    private void scores(Sheet s, ClassInfo info, Map<String, StudentRow> students, boolean studentsKnown,
                        String studentsFile) {
        int number = s.index("Mã học sinh");
        int subjectCode = s.index("Mã môn");
        int semesterAt = s.index("Học kì");
        int[] regular = GradebookCsv.REGULAR_COLUMNS.stream().mapToInt(s::index).toArray();
        int midterm = s.index("GK");
        int end = s.index("CK");
        Integer grade = info == null ? null : info.grade();
        Map<SeenKey, ScoreRow> seen = new HashMap<>();
        for (GradebookTable.Row r : s.data) {
            int before = problems.marks();
            ScoreRow row = new ScoreRow(r.number());
            String studentNumber = clean(r.cell(number));
            StudentRow student = null;
            if (studentNumber.isEmpty()) {
                s.problem(r, "Mã học sinh", "ô trống: nhập mã học sinh như trong " + studentsFile + ".");
            } else {
                student = students.get(studentNumber);
                if (student == null && studentsKnown) {
                    s.problem(r, "Mã học sinh", "mã học sinh " + studentNumber + " không có trong " + studentsFile
                            + ": sửa mã cho khớp danh sách học sinh, hoặc thêm học sinh vào " + studentsFile + ".");
                }
            }
            String code = clean(r.cell(subjectCode));
            if (code.isEmpty()) {
                s.problem(r, "Mã môn", "ô trống: " + WHAT_TO_ENTER.get("Mã môn") + ".");
            } else if (grade != null) {
                row.subject = SubjectCatalogue.lookup(grade, code).orElse(null);
                if (row.subject == null) {
                    s.problem(r, "Mã môn", "mã môn '" + code + "' không có trong chương trình lớp " + grade
                            + ": sửa thành một trong các mã " + codes(grade) + ".");
                }
            }
            String semester = clean(r.cell(semesterAt));
            switch (semester.toUpperCase(Locale.ROOT)) {
                case "I", "1" -> row.semester = 0;
                case "II", "2" -> row.semester = 1;
                default -> s.problem(r, "Học kì", semester.isEmpty() ? "ô trống: nhập I hoặc II."
                        : "'" + semester + "' không phải học kì: nhập I (học kì I) hoặc II (học kì II).");
            }
            if (student != null && row.subject != null && row.semester >= 0) {
                ScoreRow earlier = seen.putIfAbsent(new SeenKey(student, row.subject, row.semester), row);
                if (earlier != null) {
                    s.problem(r, "Mã môn", student.who() + " đã có dòng điểm môn " + row.subject.vietnamese()
                            + " học kì " + roman(row.semester) + " ở dòng " + earlier.row + ": xoá một trong hai dòng.");
                }
            }
            if (row.subject != null) {
                StudentRow known = student;
                String numberRead = studentNumber;
                // Who and how to fix are only spelled out when a cell is wrong: most rows have no problem.
                java.util.function.Supplier<String> who = () -> known != null ? known.who() : "học sinh mã " + numberRead;
                assessments(s, r, row, who, regular, midterm, end, info.clusters());
            } else {
                anyAssessments(s, r, regular, midterm, end);
            }
            row.valid = problems.marks() == before;
            if (student != null) {
                student.scores.add(row);
            }
        }
    }

    private void assessments(Sheet s, GradebookTable.Row r, ScoreRow row, java.util.function.Supplier<String> who,
                             int[] regular, int midterm,
                             int end, Set<String> clusters) {
        Subject subject = row.subject;
        java.util.function.Supplier<String> how = () -> subject.isScored()
                ? "môn " + subject.vietnamese() + " đánh giá bằng điểm số: nhập điểm từ 0 đến 10, tối đa một chữ số"
                + " thập phân (ví dụ 8 hoặc 8,5)"
                : "môn " + subject.vietnamese() + " đánh giá bằng nhận xét: nhập Đ (Đạt) hoặc CĐ (Chưa đạt)";
        List<Score> scoreList = new ArrayList<>();
        List<CommentGrade> commentList = new ArrayList<>();
        int filled = 0;
        int firstEmpty = -1;
        int firstExtra = -1;
        Integer required = clusters == null ? null
                : GradingRules.requiredRegularAssessments(subject, clusters.contains(subject.code()));
        boolean cellsValid = true;
        for (int i = 0; i < regular.length; i++) {
            String v = clean(r.cell(regular[i]));
            String column = GradebookCsv.REGULAR_COLUMNS.get(i);
            if (v.isEmpty()) {
                if (firstEmpty < 0 && required != null && i < required) {
                    firstEmpty = i;
                }
                continue;
            }
            filled++;
            if (firstExtra < 0 && required != null && i >= required) {
                firstExtra = i;
            }
            cellsValid &= subject.isScored() ? add(scoreList, score(s, r, column, v, how))
                    : add(commentList, comment(s, r, column, v, how));
        }
        String[] fixedColumns = {"GK", "CK"};
        int[] fixed = {midterm, end};
        Score[] fixedScores = new Score[2];
        CommentGrade[] fixedComments = new CommentGrade[2];
        for (int i = 0; i < 2; i++) {
            String v = clean(r.cell(fixed[i]));
            String what = i == 0 ? "đánh giá giữa kì (ĐĐGgk)" : "đánh giá cuối kì (ĐĐGck)";
            if (v.isEmpty()) {
                s.problem(r, fixedColumns[i], "thiếu " + (subject.isScored() ? "điểm " : "kết quả ") + what + ": " + how.get() + ".");
                cellsValid = false;
            } else if (subject.isScored()) {
                fixedScores[i] = score(s, r, fixedColumns[i], v, how);
                cellsValid &= fixedScores[i] != null;
            } else {
                fixedComments[i] = comment(s, r, fixedColumns[i], v, how);
                cellsValid &= fixedComments[i] != null;
            }
        }
        if (required != null && filled != required) {
            String what = subject.isScored() ? "điểm đánh giá thường xuyên (ĐĐGtx)" : "lần đánh giá thường xuyên";
            String column = GradebookCsv.REGULAR_COLUMNS.get(filled < required ? Math.max(firstEmpty, 0) : Math.max(firstExtra, 0));
            String fix = filled < required
                    ? "nhập đủ " + required + " " + (subject.isScored() ? "điểm" : "kết quả") + " ở các cột TX1–TX" + required
                    : "chỉ nhập ở các cột TX1–TX" + required + ", để trống các cột sau";
            String absent = subject.isScored() ? "" : "; lần đánh giá học sinh vắng mặt ghi CĐ (Điều 9 khoản 1 điểm a)";
            s.problem(r, column, who.get() + ", môn " + subject.vietnamese() + ", học kì " + roman(row.semester) + ": có "
                    + filled + " " + what + ", cần đúng " + required + " (môn " + subject.periodsPerYear()
                    + " tiết/năm, Điều 6 khoản 2 Thông tư 22/2021/TT-BGDĐT"
                    + (clusters.contains(subject.code()) ? ", thêm 1 của cụm chuyên đề học tập" : "") + "): " + fix
                    + absent + ".");
            cellsValid = false;
        }
        if (cellsValid) {
            if (subject.isScored()) {
                row.scores = new SemesterScores(scoreList, fixedScores[0], fixedScores[1]);
            } else {
                row.comments = new SemesterComments(commentList, fixedComments[0], fixedComments[1]);
            }
        }
    }

    /** When the subject is not known, each cell can still be checked to be a score or Đ/CĐ. */
    private void anyAssessments(Sheet s, GradebookTable.Row r, int[] regular, int midterm, int end) {
        int[] all = Arrays.copyOf(regular, regular.length + 2);
        all[regular.length] = midterm;
        all[regular.length + 1] = end;
        List<String> names = new ArrayList<>(GradebookCsv.REGULAR_COLUMNS);
        names.add("GK");
        names.add("CK");
        for (int i = 0; i < all.length; i++) {
            String v = clean(r.cell(all[i]));
            if (v.isEmpty() || scores.containsKey(v)) {
                continue;
            }
            boolean comment = Arrays.stream(CommentGrade.values())
                    .anyMatch(g -> g.abbreviation().equalsIgnoreCase(v) || g.vietnamese().equalsIgnoreCase(v));
            if (!comment) {
                try {
                    scores.put(v, Score.of(v));
                } catch (InvalidInputException e) {
                    s.problem(r, names.get(i), "'" + v + "' không phải điểm (từ 0 đến 10, tối đa một chữ số thập phân, ví dụ"
                            + " 8 hoặc 8,5) hay kết quả đánh giá (Đ hoặc CĐ): sửa lại ô này.");
                }
            }
        }
    }

    private static <T> boolean add(List<T> list, T value) {
        if (value == null) {
            return false;
        }
        list.add(value);
        return true;
    }

    private Score score(Sheet s, GradebookTable.Row r, String column, String v, java.util.function.Supplier<String> how) {
        Score known = scores.get(v);
        if (known != null) {
            return known;
        }
        try {
            Score score = Score.of(v);
            if (scores.size() < 1000) {
                scores.put(v, score);
            }
            return score;
        } catch (InvalidInputException e) {
            s.problem(r, column, "'" + v + "' không phải điểm hợp lệ: " + how.get() + ".");
            return null;
        }
    }

    private static CommentGrade comment(Sheet s, GradebookTable.Row r, String column, String v,
                                        java.util.function.Supplier<String> how) {
        for (CommentGrade g : CommentGrade.values()) {
            if (g.abbreviation().equalsIgnoreCase(v) || g.vietnamese().equalsIgnoreCase(v)) {
                return g;
            }
        }
        s.problem(r, column, "'" + v + "' không phải kết quả đánh giá: " + how.get() + ".");
        return null;
    }

    private static String roman(int semester) {
        return semester == 0 ? "I" : semester == 1 ? "II" : "?";
    }

    // ------------------------------------------------------------------ the whole class

    private ClassGradebook run(GradebookTable classTable, GradebookTable studentsTable, GradebookTable scoresTable) {
        Sheet lop = sheet(classTable, GradebookCsv.CLASS_COLUMNS);
        Sheet hocSinh = sheet(studentsTable, GradebookCsv.STUDENT_COLUMNS);
        Sheet diem = sheet(scoresTable, GradebookCsv.SCORE_COLUMNS);
        ClassInfo info = lop == null ? null : classInfo(lop);
        Map<String, StudentRow> byNumber = new HashMap<>();
        List<StudentRow> students = hocSinh == null ? List.of() : students(hocSinh, info, byNumber);
        if (hocSinh != null && hocSinh.data.isEmpty()) {
            problems.add(hocSinh.name, 0, null, "không có học sinh nào: thêm mỗi học sinh một dòng dưới dòng tiêu đề.");
        }
        boolean studentsKnown = hocSinh != null && studentsTable.complete();
        if (diem != null) {
            scores(diem, info, byNumber, studentsKnown, studentsTable.name());
        }
        if (studentsKnown && diem != null && scoresTable.complete() && info != null && info.grade() != null) {
            for (StudentRow student : students) {
                completeness(hocSinh, diem, student, info.grade());
            }
        }
        if (problems.any()) {
            throw problems.exception();
        }
        List<StudentGradebook> books = new ArrayList<>(students.size());
        for (StudentRow student : students) {
            Map<String, ScoreRow[]> bySubject = bySubject(student);
            List<SubjectAssessment> subjects = new ArrayList<>(bySubject.size());
            for (ScoreRow[] pair : bySubject.values()) {
                Subject subject = pair[0].subject;
                boolean cluster = info.clusters().contains(subject.code());
                subjects.add(subject.isScored()
                        ? new ScoredAssessment(subject, pair[0].scores, pair[1].scores, cluster)
                        : new CommentAssessment(subject, pair[0].comments, pair[1].comments, cluster));
            }
            try {
                books.add(new StudentGradebook(info.school(), student.student, info.year(), info.grade(), info.className(),
                        info.teacher(), subjects, student.conduct1, student.conduct2, student.absent, student.comment));
            } catch (InvalidInputException e) {
                problems.add(hocSinh.name, student.row, null, e.getMessage());
            }
        }
        if (problems.any()) {
            throw problems.exception();
        }
        return new ClassGradebook(info.school(), info.year(), info.grade(), info.className(), info.teacher(), books);
    }

    /** Subject code → its rows of semester I and II (the first of duplicates), in the order subjects first appear. */
    private static Map<String, ScoreRow[]> bySubject(StudentRow student) {
        Map<String, ScoreRow[]> bySubject = new LinkedHashMap<>();
        for (ScoreRow row : student.scores) {
            ScoreRow[] pair = bySubject.computeIfAbsent(row.subject.code(), k -> new ScoreRow[2]);
            if (pair[row.semester] == null) {
                pair[row.semester] = row;
            }
        }
        return bySubject;
    }

    /** Both semesters of every subject, the compulsory subjects, the number of electives. */
    private void completeness(Sheet hocSinh, Sheet diem, StudentRow student, int grade) {
        if (student.scores.isEmpty()) {
            problems.add(hocSinh.name, student.row, "Mã học sinh", "không có dòng điểm nào của học sinh này trong "
                    + diem.name + ": thêm điểm các môn, hoặc sửa mã học sinh cho khớp với " + diem.name + ".");
            return;
        }
        for (ScoreRow row : student.scores) {
            if (row.subject == null || row.semester < 0) {
                return; // already reported; the subjects cannot be counted
            }
        }
        Map<String, ScoreRow[]> bySubject = bySubject(student);
        for (ScoreRow[] pair : bySubject.values()) {
            for (int i = 0; i < 2; i++) {
                if (pair[i] == null) {
                    ScoreRow other = pair[1 - i];
                    problems.add(diem.name, other.row, "Học kì", student.who() + " có điểm môn " + other.subject.vietnamese()
                            + " học kì " + roman(1 - i) + " nhưng không có học kì " + roman(i) + ": thêm dòng điểm học kì "
                            + roman(i) + " của môn này.");
                }
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> electives = new ArrayList<>();
        for (Subject subject : SubjectCatalogue.forGrade(grade)) {
            boolean taken = bySubject.containsKey(subject.code());
            if (subject.category() == SubjectCategory.COMPULSORY && !taken) {
                missing.add(subject.vietnamese());
            } else if (subject.category() == SubjectCategory.ELECTIVE && taken) {
                electives.add(subject.vietnamese());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(hocSinh.name, student.row, null, student.who() + " thiếu môn bắt buộc " + String.join(", ", missing)
                    + ": thêm vào " + diem.name + " dòng điểm học kì I và II của " + (missing.size() == 1 ? "môn này." : "các môn này."));
        }
        int required = SubjectCatalogue.requiredElectives(grade);
        if (electives.size() != required) {
            problems.add(hocSinh.name, student.row, null, student.who() + " có " + electives.size() + " môn lựa chọn"
                    + (electives.isEmpty() ? "" : " (" + String.join(", ", electives) + ")") + ", cần đúng " + required
                    + ": " + (electives.size() < required ? "thêm" : "bớt") + " dòng điểm môn lựa chọn trong " + diem.name + ".");
        }
    }
}
