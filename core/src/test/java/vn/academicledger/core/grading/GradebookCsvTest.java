package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class GradebookCsvTest {
    private final Map<String, String> files = SampleClassGenerator.files();

    @Test
    void reads_the_class_the_students_and_every_score() {
        ClassGradebook book = read(files);
        assertThat(book.className()).isEqualTo("12A1");
        assertThat(book.school().district()).isNull();
        assertThat(book.students()).hasSize(44);
        assertThat(book.students().get(0).subjects()).hasSize(12);
    }

    @Test
    void a_score_with_two_decimals_is_refused_naming_file_line_and_column() {
        Map<String, String> bad = replaceLine(GradebookCsv.SCORES_FILE, 2, cells -> cells.replaceFirst(",I,[^,]+,", ",I,7.25,"));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("diem.csv dòng 2, cột 'TX1'").hasMessageContaining("7.25");
    }

    @Test
    void a_missing_regular_score_is_refused_naming_student_subject_and_semester() {
        // the first row is Ngữ văn, semester I, with four regular scores: drop the fourth
        Map<String, String> bad = replaceLine(GradebookCsv.SCORES_FILE, 2,
                line -> line.replaceFirst("^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*),[^,]*,", "$1,,"));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("môn Ngữ văn, học kì I: có 3 điểm đánh giá thường xuyên (ĐĐGtx), cần đúng 4")
                .hasMessageContaining("Điều 6 khoản 2");
    }

    @Test
    void an_unknown_conduct_level_is_refused_with_the_valid_ones() {
        Map<String, String> bad = replaceLine(GradebookCsv.STUDENTS_FILE, 2, line -> line.replaceFirst(",Tốt,", ",Giỏi,"));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hoc-sinh.csv dòng 2, cột 'Rèn luyện HK I'")
                .hasMessageContaining("Tốt, Khá, Đạt, Chưa đạt");
    }

    @Test
    void a_wrong_header_is_refused_showing_the_expected_one() {
        Map<String, String> bad = new LinkedHashMap<>(files);
        bad.put(GradebookCsv.SCORES_FILE, files.get(GradebookCsv.SCORES_FILE).replaceFirst("Học kì", "HK"));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("diem.csv dòng 1: tiêu đề phải là 'Mã học sinh,Mã môn,Học kì,");
    }

    @Test
    void a_personal_id_that_contradicts_the_gender_is_refused() {
        String students = files.get(GradebookCsv.STUDENTS_FILE);
        String line = students.split("\r\n")[1];
        boolean female = line.contains(",Nữ,");
        String fixedGender = female ? line.replace(",Nữ,", ",Nam,") : line.replace(",Nam,", ",Nữ,");
        Map<String, String> bad = new LinkedHashMap<>(files);
        bad.put(GradebookCsv.STUDENTS_FILE, students.replace(line, fixedGender));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hoc-sinh.csv dòng 2").hasMessageContaining("chữ số thứ tư");
    }

    @Test
    void a_byte_order_mark_and_lf_line_endings_are_accepted() {
        Map<String, String> excel = new LinkedHashMap<>();
        files.forEach((k, v) -> excel.put(k, "\uFEFF" + v.replace("\r\n", "\n")));
        assertThat(read(excel).students()).hasSize(44);
    }

    private Map<String, String> replaceLine(String file, int lineNumber, java.util.function.UnaryOperator<String> edit) {
        String[] lines = files.get(file).split("\r\n", -1);
        lines[lineNumber - 1] = edit.apply(lines[lineNumber - 1]);
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.put(file, String.join("\r\n", lines));
        return copy;
    }

    private static ClassGradebook read(Map<String, String> f) {
        return GradebookCsv.read(new StringReader(f.get(GradebookCsv.CLASS_FILE)),
                new StringReader(f.get(GradebookCsv.STUDENTS_FILE)), new StringReader(f.get(GradebookCsv.SCORES_FILE)));
    }
}
