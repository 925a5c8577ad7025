package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
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
        assertThat(problems(bad)).containsExactly(new ImportProblem("diem.csv", 2, "TX1",
                "'7.25' không phải điểm hợp lệ: môn Ngữ văn đánh giá bằng điểm số: nhập điểm từ 0 đến 10, tối đa"
                        + " một chữ số thập phân (ví dụ 8 hoặc 8,5)."));
    }

    @Test
    void a_missing_regular_score_is_refused_naming_student_subject_and_semester() {
        // the first row is Ngữ văn, semester I, with four regular scores: drop the fourth
        Map<String, String> bad = replaceLine(GradebookCsv.SCORES_FILE, 2,
                line -> line.replaceFirst("^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*),[^,]*,", "$1,,"));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("môn Ngữ văn, học kì I: có 3 điểm đánh giá thường xuyên (ĐĐGtx), cần đúng 4")
                .hasMessageContaining("Điều 6 khoản 2");
        List<ImportProblem> found = problems(bad);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).extracting(ImportProblem::row, ImportProblem::column).containsExactly(2, "TX4");
        assertThat(found.get(0).reason()).startsWith("học sinh Bùi Thanh Anh (mã 2367330), môn Ngữ văn")
                .endsWith("nhập đủ 4 điểm ở các cột TX1–TX4.");
    }

    @Test
    void an_unknown_conduct_level_is_refused_with_the_valid_ones() {
        Map<String, String> bad = replaceLine(GradebookCsv.STUDENTS_FILE, 2, line -> line.replaceFirst(",Tốt,", ",Giỏi,"));
        assertThatThrownBy(() -> read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hoc-sinh.csv dòng 2, cột 'Rèn luyện HK I'")
                .hasMessageContaining("Tốt, Khá, Đạt, Chưa đạt");
    }

    @Test
    void a_renamed_column_is_reported_missing_naming_the_unknown_header() {
        Map<String, String> bad = new LinkedHashMap<>(files);
        bad.put(GradebookCsv.SCORES_FILE, files.get(GradebookCsv.SCORES_FILE).replaceFirst("Học kì", "HK"));
        List<ImportProblem> found = problems(bad);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                .containsExactly("diem.csv", 1, "Học kì");
        assertThat(found.get(0).reason()).contains("thiếu cột 'Học kì'").contains("'HK'")
                .contains("Mã học sinh, Mã môn, Học kì, TX1");
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
        assertThat(problems(bad)).extracting(ImportProblem::column).containsExactly("Mã định danh cá nhân");
    }

    @Test
    void a_byte_order_mark_and_lf_line_endings_are_accepted() {
        Map<String, String> excel = new LinkedHashMap<>();
        files.forEach((k, v) -> excel.put(k, "\uFEFF" + v.replace("\r\n", "\n")));
        assertThat(read(excel).students()).hasSize(44);
    }

    @Test
    void a_byte_order_mark_crlf_endings_and_a_trailing_empty_line_as_school_software_exports_are_accepted() {
        Map<String, String> export = new LinkedHashMap<>();
        files.forEach((k, v) -> export.put(k, "\uFEFF" + v + "\r\n"));
        assertThat(export.get(GradebookCsv.SCORES_FILE)).contains("\r\n").endsWith("\r\n\r\n");
        assertThat(read(export)).isEqualTo(read(files));
    }

    @Nested
    class EveryProblemIsReported {
        @Test
        void several_bad_rows_in_two_files_are_all_reported_in_file_and_row_order() {
            Map<String, String> bad = replaceLine(GradebookCsv.STUDENTS_FILE, 3, line -> line.replaceFirst(",13/02/2008,", ",30/02/2008,"));
            bad = replaceLine(bad, GradebookCsv.STUDENTS_FILE, 5, line -> line.replaceFirst(",Nam,", ",M,"));
            bad = replaceLine(bad, GradebookCsv.SCORES_FILE, 30, line -> line.replaceFirst(",I,", ",III,"));
            bad = replaceLine(bad, GradebookCsv.SCORES_FILE, 10, line -> line.replaceFirst(",I,Đ,", ",I,Tốt,"));
            bad = replaceLine(bad, GradebookCsv.SCORES_FILE, 4, line -> line.replace(",TOAN,", ",TOÁN,"));
            Map<String, String> allBad = replaceLine(bad, GradebookCsv.SCORES_FILE, 4, line -> line.replaceFirst("[^,]*,[^,]*$", "11,"));

            GradebookImportException e = catchThrowableOfType(() -> read(allBad), GradebookImportException.class);

            assertThat(e.problems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("hoc-sinh.csv", 3, "Ngày sinh"),
                            org.assertj.core.groups.Tuple.tuple("hoc-sinh.csv", 5, "Giới tính"),
                            org.assertj.core.groups.Tuple.tuple("diem.csv", 4, "Mã môn"),
                            org.assertj.core.groups.Tuple.tuple("diem.csv", 4, "GK"),
                            org.assertj.core.groups.Tuple.tuple("diem.csv", 10, "TX1"),
                            org.assertj.core.groups.Tuple.tuple("diem.csv", 30, "Học kì"));
            assertThat(e.problemCount()).isEqualTo(6);
            assertThat(e.truncated()).isFalse();
            assertThat(e.code()).isEqualTo("INVALID_INPUT");
            assertThat(e.getMessage()).startsWith("Không nhập được lớp, chưa có dữ liệu nào được nhập: 6 lỗi "
                    + "(hoc-sinh.csv: 2, diem.csv: 4). hoc-sinh.csv dòng 3, cột 'Ngày sinh': '30/02/2008' không phải ngày");
            assertThat(e.problems().get(2).reason()).contains("'TOÁN'").contains("NGU_VAN, TOAN");
            assertThat(e.problems().get(3).reason()).startsWith("'11' không phải điểm (từ 0 đến 10").contains("hay kết quả đánh giá (Đ hoặc CĐ)");
            assertThat(e.problems().get(4).reason()).contains("'Tốt'").contains("nhập Đ (Đạt) hoặc CĐ (Chưa đạt)");
        }

        @Test
        void a_missing_column_is_one_problem_naming_the_column() {
            Map<String, String> bad = new LinkedHashMap<>(files);
            bad.put(GradebookCsv.STUDENTS_FILE, dropColumn(files.get(GradebookCsv.STUDENTS_FILE), 9));
            List<ImportProblem> found = problems(bad);
            assertThat(found).hasSize(1);
            assertThat(found.get(0)).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .containsExactly("hoc-sinh.csv", 1, "Số buổi nghỉ");
            assertThat(found.get(0).reason()).startsWith("thiếu cột 'Số buổi nghỉ' ở dòng tiêu đề: thêm cột này");
        }

        @Test
        void columns_may_come_in_another_order_and_unknown_ones_are_ignored() {
            Map<String, String> moved = new LinkedHashMap<>(files);
            StringBuilder scores = new StringBuilder();
            for (String line : files.get(GradebookCsv.SCORES_FILE).split("\r\n")) {
                String[] c = line.split(",", -1);
                scores.append(c[1]).append(',').append(c[0]).append(',').append(String.join(",", List.of(c).subList(2, c.length)))
                        .append(line.startsWith("Mã") ? ",Ghi chú" : ",").append("\r\n");
            }
            moved.put(GradebookCsv.SCORES_FILE, scores.toString());
            assertThat(read(moved)).isEqualTo(read(files));
        }

        @Test
        void a_personal_id_that_lost_its_leading_zero_in_a_spreadsheet_says_so() {
            Map<String, String> bad = replaceLine(GradebookCsv.STUDENTS_FILE, 2, line -> line.replace(",079308666874,", ",79308666874,"));
            ImportProblem p = problems(bad).get(0);
            assertThat(p).extracting(ImportProblem::row, ImportProblem::column).containsExactly(2, "Mã định danh cá nhân");
            assertThat(p.reason()).contains("có 11 chữ số, cần đúng 12").contains("079308666874")
                    .contains("định dạng cột này là Văn bản (Text)");
        }

        @Test
        void duplicates_stray_scores_and_a_missing_semester_point_at_their_rows() {
            String[] scoreLines = files.get(GradebookCsv.SCORES_FILE).split("\r\n");
            Map<String, String> students = replaceLine(GradebookCsv.STUDENTS_FILE, 4, line -> line.replace(",2393704,", ",2339252,"));
            // row 3 (Ngữ văn, semester II of the first student) duplicated as semester I
            Map<String, String> bad = replaceLine(students, GradebookCsv.SCORES_FILE, 3, line -> line.replace(",NGU_VAN,II,", ",NGU_VAN,I,"));

            List<ImportProblem> found = problems(bad);

            assertThat(found).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .startsWith(org.assertj.core.groups.Tuple.tuple("hoc-sinh.csv", 4, "Mã học sinh"))
                    .contains(org.assertj.core.groups.Tuple.tuple("diem.csv", 3, "Mã môn"))
                    .contains(org.assertj.core.groups.Tuple.tuple("diem.csv", 2, "Học kì"));
            assertThat(found.get(0).reason()).contains("đã có ở dòng 3");
            // the third student's 24 score rows now belong to no one
            long stray = found.stream().filter(p -> p.reason().contains("không có trong hoc-sinh.csv")).count();
            assertThat(stray).isEqualTo(24);
            assertThat(scoreLines[49]).startsWith("2393704,");
        }

        @Test
        void a_student_without_a_compulsory_subject_is_reported_on_the_student_row() {
            StringBuilder scores = new StringBuilder();
            for (String line : files.get(GradebookCsv.SCORES_FILE).split("\r\n")) {
                if (!line.startsWith("2367330,LICH_SU,")) {
                    scores.append(line).append("\r\n");
                }
            }
            Map<String, String> bad = new LinkedHashMap<>(files);
            bad.put(GradebookCsv.SCORES_FILE, scores.toString());
            assertThat(problems(bad)).containsExactly(new ImportProblem("hoc-sinh.csv", 2, null,
                    "học sinh Bùi Thanh Anh (mã 2367330) thiếu môn bắt buộc Lịch sử: thêm vào diem.csv dòng điểm học kì I"
                            + " và II của môn này."));
        }

        @Test
        void an_unclosed_quote_is_reported_where_it_opened() {
            Map<String, String> bad = replaceLine(GradebookCsv.STUDENTS_FILE, 45, line -> line.substring(0, line.length() - 1));
            ImportProblem p = problems(bad).get(0);
            assertThat(p).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .containsExactly("hoc-sinh.csv", 45, null);
            assertThat(p.reason()).startsWith("dấu ngoặc kép mở ở dòng này không được đóng");
        }

        @Test
        void at_most_500_problems_are_kept_the_first_ones_and_all_are_counted() {
            String[] lines = files.get(GradebookCsv.SCORES_FILE).split("\r\n");
            StringBuilder scores = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                scores.append(lines[i].replaceFirst(",([IV]+),", ",$1,x")).append("\r\n");   // TX1 "x8.5": not a score
            }
            Map<String, String> bad = new LinkedHashMap<>(files);
            bad.put(GradebookCsv.SCORES_FILE, scores.toString());
            GradebookImportException e = catchThrowableOfType(() -> read(bad), GradebookImportException.class);
            assertThat(e.problemCount()).isEqualTo(1056);
            assertThat(e.truncated()).isTrue();
            assertThat(e.problems()).hasSize(GradebookImportException.MAX_PROBLEMS);
            assertThat(e.problems()).extracting(ImportProblem::row).startsWith(2, 3, 4).endsWith(501);
            assertThat(e.getMessage()).contains("diem.csv: 1056 lỗi").endsWith("… và 1051 lỗi khác.");
        }

        @Test
        void an_empty_file_is_one_problem() {
            Map<String, String> bad = new LinkedHashMap<>(files);
            bad.put(GradebookCsv.CLASS_FILE, "\uFEFF\r\n");
            assertThat(problems(bad)).containsExactly(new ImportProblem("lop.csv", 0, null,
                    "tệp không có dữ liệu: dòng đầu tiên phải là dòng tiêu đề " + String.join(",", GradebookCsv.CLASS_COLUMNS)
                            + ", tiếp theo là các dòng dữ liệu."));
        }
    }

    @Nested
    class TheCsvReader {
        @Test
        void numbers_records_as_a_spreadsheet_does_across_quoted_line_breaks_and_blank_lines() {
            GradebookTable t = GradebookTable.fromCsv("t.csv", new StringReader("\uFEFFa,b\r\n\"x\r\ny\",\"q\"\"\"\r\n\r\n,\rc,d"));
            assertThat(t.rows()).containsExactly(
                    new GradebookTable.Row(1, List.of("a", "b")),
                    new GradebookTable.Row(2, List.of("x\r\ny", "q\"")),
                    new GradebookTable.Row(5, List.of("c", "d")));
            assertThat(t.complete()).isTrue();
        }

        @Test
        void writes_a_table_back_as_csv_keeping_its_row_numbers() {
            GradebookTable t = new GradebookTable("s", List.of(new GradebookTable.Row(1, List.of("a", "b")),
                    new GradebookTable.Row(4, List.of("c,d", "e"))));
            assertThat(t.toCsv()).isEqualTo("a,b\r\n\r\n\r\n\"c,d\",e\r\n");
            assertThat(GradebookTable.fromCsv("s", new StringReader(t.toCsv())).rows()).isEqualTo(t.rows());
        }

        @Test
        void writes_what_it_reads() {
            List<String> cells = List.of("a,b", "say \"hi\"", "", "line\nbreak", "plain");
            GradebookTable t = GradebookTable.fromCsv("t.csv", new StringReader(Csv.line(cells)));
            assertThat(t.rows()).containsExactly(new GradebookTable.Row(1, cells));
        }
    }

    private static String dropColumn(String csv, int index) {
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\r\n")) {
            GradebookTable.Row row = GradebookTable.fromCsv("x", new StringReader(line)).rows().get(0);
            List<String> cells = new java.util.ArrayList<>(row.cells());
            cells.remove(index);
            out.append(Csv.line(cells));
        }
        return out.toString();
    }

    private Map<String, String> replaceLine(String file, int lineNumber, UnaryOperator<String> edit) {
        return replaceLine(files, file, lineNumber, edit);
    }

    private static Map<String, String> replaceLine(Map<String, String> from, String file, int lineNumber,
                                                   UnaryOperator<String> edit) {
        String[] lines = from.get(file).split("\r\n", -1);
        String before = lines[lineNumber - 1];
        lines[lineNumber - 1] = edit.apply(before);
        assertThat(lines[lineNumber - 1]).as("the edit of " + file + " line " + lineNumber).isNotEqualTo(before);
        Map<String, String> copy = new LinkedHashMap<>(from);
        copy.put(file, String.join("\r\n", lines));
        return copy;
    }

    private static List<ImportProblem> problems(Map<String, String> f) {
        return catchThrowableOfType(() -> read(f), GradebookImportException.class).problems();
    }

    private static ClassGradebook read(Map<String, String> f) {
        return GradebookCsv.read(new StringReader(f.get(GradebookCsv.CLASS_FILE)),
                new StringReader(f.get(GradebookCsv.STUDENTS_FILE)), new StringReader(f.get(GradebookCsv.SCORES_FILE)));
    }
}
