package vn.academicledger.core.grading;

import java.io.Reader;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Reads a class's gradebook from three CSV files (UTF-8 with or without a byte order mark, comma
 * separated, RFC 4180 quoting, Vietnamese headers), described in {@code sample/README.md}:
 * <ul>
 *   <li>{@value #CLASS_FILE}: one row about the school and the class;</li>
 *   <li>{@value #STUDENTS_FILE}: one row per student, with conduct per semester, absences and the
 *       homeroom teacher's comment;</li>
 *   <li>{@value #SCORES_FILE}: one row per student, subject and semester, with the regular (TX1–TX5),
 *       mid-term (GK) and end-of-semester (CK) assessments: scores for scored subjects, Đ/CĐ for
 *       comment-only ones.</li>
 * </ul>
 * The files are validated by {@link GradebookImport}: a {@link GradebookImportException} lists every
 * problem, each naming the file, the row and the column.
 */
public final class GradebookCsv {
    public static final String CLASS_FILE = "lop.csv";
    public static final String STUDENTS_FILE = "hoc-sinh.csv";
    public static final String SCORES_FILE = "diem.csv";

    /** The header of {@value #CLASS_FILE}. */
    public static final List<String> CLASS_COLUMNS = List.of("Mã trường", "Tên trường", "Địa chỉ", "Phường/Xã",
            "Quận/Huyện", "Tỉnh/Thành phố", "DID của trường", "Năm học", "Khối", "Lớp", "Giáo viên chủ nhiệm",
            "Cụm chuyên đề học tập");
    /** The header of {@value #STUDENTS_FILE}. */
    public static final List<String> STUDENT_COLUMNS = List.of("STT", "Mã học sinh", "Họ và tên", "Ngày sinh",
            "Giới tính", "Nơi sinh", "Mã định danh cá nhân", "Rèn luyện HK I", "Rèn luyện HK II", "Số buổi nghỉ",
            "Nhận xét của giáo viên chủ nhiệm");
    static final List<String> REGULAR_COLUMNS = List.of("TX1", "TX2", "TX3", "TX4", "TX5");
    /** The header of {@value #SCORES_FILE}. */
    public static final List<String> SCORE_COLUMNS = List.of("Mã học sinh", "Mã môn", "Học kì", "TX1", "TX2", "TX3",
            "TX4", "TX5", "GK", "CK");
    /** Dates as the files write them: {@code 14/03/2008}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private GradebookCsv() {
    }

    /**
     * Reads the three files of one class.
     *
     * @throws GradebookImportException listing every problem of the three files, when any
     */
    public static ClassGradebook read(Reader classFile, Reader studentsFile, Reader scoresFile) {
        return GradebookImport.read(Csv.table(CLASS_FILE, classFile), Csv.table(STUDENTS_FILE, studentsFile),
                Csv.table(SCORES_FILE, scoresFile));
    }
}
