package vn.academicledger.issuer.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.grading.ClassGradebook;
import vn.academicledger.core.grading.GradebookCsv;
import vn.academicledger.core.grading.GradebookImportException;
import vn.academicledger.core.grading.ImportProblem;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.grading.SyntheticClasses;

class GradebookWorkbookTest {
    static final String LOP = resource(GradebookCsv.CLASS_FILE);
    static final String HOC_SINH = resource(GradebookCsv.STUDENTS_FILE);
    static final String DIEM = resource(GradebookCsv.SCORES_FILE);
    static final ClassGradebook FROM_CSV = GradebookCsv.read(new StringReader(LOP), new StringReader(HOC_SINH),
            new StringReader(DIEM));

    @Nested
    class TheSampleClass {
        @Test
        void as_xlsx_gives_the_same_gradebook_as_from_csv() {
            byte[] xlsx = GradebookWorkbook.write(LOP, HOC_SINH, DIEM);
            assertThat(GradebookWorkbook.read("12A1.xlsx", new ByteArrayInputStream(xlsx))).isEqualTo(FROM_CSV);
            assertThat(FROM_CSV.students()).hasSize(44);
        }

        @Test
        void is_written_with_scores_as_numbers_birth_dates_as_dates_and_codes_as_text() throws IOException {
            try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(GradebookWorkbook.write(LOP, HOC_SINH, DIEM)))) {
                assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                        .containsExactly("lop", "hoc-sinh", "diem");
                Row student = wb.getSheet("hoc-sinh").getRow(1);
                assertThat(student.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(student.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2008, 7, 26));
                assertThat(student.getCell(6).getStringCellValue()).isEqualTo("079308666874");
                Row score = wb.getSheet("diem").getRow(1);
                assertThat(score.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(score.getCell(3).getNumericCellValue()).isEqualTo(7.5);
                assertThat(score.getCell(8).getNumericCellValue()).isEqualTo(8.3);
            }
        }

        @Test
        void read_back_as_csv_texts_gives_the_same_gradebook() {
            GradebookWorkbook.Sheets sheets = GradebookWorkbook.sheets("12A1.xlsx",
                    new ByteArrayInputStream(GradebookWorkbook.write(LOP, HOC_SINH, DIEM)));
            assertThat(GradebookCsv.read(new StringReader(sheets.classCsv()), new StringReader(sheets.studentsCsv()),
                    new StringReader(sheets.scoresCsv()))).isEqualTo(FROM_CSV);
            assertThat(sheets.scoresCsv()).startsWith("Mã học sinh,Mã môn,Học kì,TX1,TX2,TX3,TX4,TX5,GK,CK\r\n"
                    + "2367330,NGU_VAN,I,7.5,7,8.5,9,,8.3,8.8\r\n");
        }

        @Test
        void a_generated_class_of_300_round_trips_too() {
            SyntheticClasses.ClassFiles files = SyntheticClasses.generate(
                    SyntheticClasses.school("79000702", "Trường Trung học phổ thông Thủ Thiêm", "did:web:thptthuthiem.hcm.edu.vn"),
                    SchoolYear.parse("2025-2026"), "11B2", 300, 5);
            byte[] xlsx = GradebookWorkbook.write(files.classCsv(), files.studentsCsv(), files.scoresCsv());
            assertThat(GradebookWorkbook.read("11B2.xlsx", new ByteArrayInputStream(xlsx))).isEqualTo(files.read());
        }
    }

    @Nested
    class CellsAsExcelStoresThem {
        @Test
        void numbers_dates_formulas_and_numeric_ids_are_read_as_the_csv_would_write_them() throws IOException {
            byte[] xlsx = edit(wb -> {
                Sheet diem = wb.getSheet("diem");
                Row r = diem.getRow(1);                                       // 2367330 NGU_VAN I: 7.5,7,8.5,9,,8.3,8.8
                r.getCell(8).setCellFormula("ROUND((D2+E2)/2+0.55,1)");        // 7.25 + 0.55 = 7.8 (with float noise)
                r.getCell(9).setCellFormula("8.8*1");
                Sheet hs = wb.getSheet("hoc-sinh");
                hs.getRow(1).getCell(0).setCellValue(1.0);                     // STT as a number
                hs.getRow(1).getCell(9).setCellFormula("1+1");                 // Số buổi nghỉ from a formula
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            });
            GradebookWorkbook.Sheets sheets = GradebookWorkbook.sheets("x.xlsx", new ByteArrayInputStream(xlsx));
            assertThat(sheets.scoresSheet().rows().get(1).cells().subList(0, 10)).containsExactly("2367330", "NGU_VAN", "I", "7.5", "7",
                    "8.5", "9", "", "7.8", "8.8");
            assertThat(sheets.studentsSheet().rows().get(1).cells().subList(0, 4))
                    .containsExactly("1", "2367330", "Bùi Thanh Anh", "26/07/2008");
            ClassGradebook book = sheets.gradebook();
            assertThat(book.students().get(0).daysAbsent()).isEqualTo(2);
        }

        @Test
        void a_twelve_digit_number_is_written_without_exponent() throws IOException {
            byte[] xlsx = edit(wb -> wb.getSheet("hoc-sinh").getRow(1).getCell(6).setCellValue(123456789012.0));
            GradebookWorkbook.Sheets sheets = GradebookWorkbook.sheets("x.xlsx", new ByteArrayInputStream(xlsx));
            assertThat(sheets.studentsSheet().rows().get(1).cells().get(6)).isEqualTo("123456789012");
        }

        @Test
        void a_personal_id_stored_as_a_number_is_a_problem_saying_the_leading_zero_was_lost() throws IOException {
            byte[] xlsx = edit(wb -> {
                wb.setSheetName(1, "Học sinh");
                wb.getSheetAt(1).getRow(1).getCell(6).setCellValue(79308666874.0);
            });
            GradebookImportException e = failure(xlsx);
            assertThat(e.problems()).hasSize(1);
            ImportProblem p = e.problems().get(0);
            assertThat(p).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .containsExactly("Học sinh", 2, "Mã định danh cá nhân");
            assertThat(p.reason()).contains("79308666874 có 11 chữ số, cần đúng 12").contains("079308666874")
                    .contains("định dạng cột này là Văn bản (Text)");
        }

        @Test
        void an_error_value_and_a_formula_never_calculated_are_problems_of_their_cells() throws IOException {
            byte[] xlsx = edit(wb -> {
                Sheet diem = wb.getSheet("diem");
                diem.getRow(4).getCell(3).setCellFormula("1/0");
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
                diem.getRow(6).getCell(7).setCellFormula("A1+1");               // a blank cell, not evaluated: no cached value
            });
            GradebookImportException e = failure(xlsx);
            assertThat(e.problems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .containsExactly(tuple("diem", 5, "TX1"), tuple("diem", 7, "TX5"));
            assertThat(e.problems().get(0).reason()).startsWith("ô có lỗi công thức #DIV/0!");
            assertThat(e.problems().get(1).reason()).startsWith("ô có công thức nhưng tệp không lưu kết quả");
        }
    }

    @Nested
    class Problems {
        @Test
        void name_the_sheet_the_excel_row_and_the_column() throws IOException {
            byte[] xlsx = edit(wb -> {
                wb.setSheetName(0, "Lớp");
                wb.setSheetName(1, "HỌC SINH");
                wb.setSheetName(2, "Điểm.csv");
                wb.setSheetOrder("Điểm.csv", 0);                               // found by name, not by position
                wb.getSheet("HỌC SINH").getRow(4).getCell(4).setCellValue("M");
                wb.getSheet("Điểm.csv").getRow(10).getCell(3).setCellValue(11);   // Giáo dục quốc phòng và an ninh, TX1
                wb.getSheet("Điểm.csv").getRow(99).getCell(2).setCellValue("III");
                wb.getSheet("Lớp").getRow(1).getCell(8).setCellValue(13);
            });
            GradebookImportException e = failure(xlsx);
            assertThat(e.problems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column)
                    .containsExactly(
                            tuple("Lớp", 2, "Khối"),
                            tuple("HỌC SINH", 5, "Giới tính"),
                            tuple("Điểm.csv", 11, "TX1"),
                            tuple("Điểm.csv", 100, "Học kì"));
            assertThat(e.problems().get(2).reason()).startsWith("'11' không phải điểm (từ 0 đến 10");   // the grade is not known: score or Đ/CĐ
            assertThat(e.getMessage()).contains("4 lỗi (Lớp: 1, HỌC SINH: 1, Điểm.csv: 2)");
        }

        @Test
        void rows_below_blank_rows_keep_their_excel_numbers() throws IOException {
            byte[] xlsx = edit(wb -> {
                Sheet diem = wb.getSheet("diem");
                diem.shiftRows(5, diem.getLastRowNum(), 3);                     // three empty rows at 6–8
                diem.getRow(20).getCell(2).setCellValue("3");
            });
            assertThat(failure(xlsx).problems()).extracting(ImportProblem::row, ImportProblem::column)
                    .containsExactly(tuple(21, "Học kì"));
        }

        @Test
        void sheets_not_named_lop_hoc_sinh_diem_are_taken_in_order() throws IOException {
            byte[] xlsx = edit(wb -> {
                wb.setSheetName(0, "Sheet1");
                wb.setSheetName(1, "Sheet2");
                wb.setSheetName(2, "Sheet3");
            });
            assertThat(GradebookWorkbook.read("x.xlsx", new ByteArrayInputStream(xlsx))).isEqualTo(FROM_CSV);
        }

        @Test
        void a_workbook_of_two_sheets_is_one_problem() throws IOException {
            byte[] xlsx = edit(wb -> wb.removeSheetAt(2));
            assertThat(failure(xlsx).problems()).containsExactly(new ImportProblem("12A1.xlsx", 0, null,
                    "tệp có 2 trang tính (lop, hoc-sinh), cần ba: 'lop' (lớp), 'hoc-sinh' (học sinh) và 'diem' (điểm),"
                            + " đặt đúng tên hoặc theo thứ tự đó."));
        }
    }

    @Nested
    class Limits {
        @Test
        void a_sheet_with_more_rows_than_the_limit_is_refused_with_a_problem() {
            byte[] xlsx = GradebookWorkbook.write(LOP, HOC_SINH, DIEM);
            GradebookWorkbook.Limits small = new GradebookWorkbook.Limits(GradebookWorkbook.MAX_FILE_BYTES,
                    GradebookWorkbook.MAX_UNCOMPRESSED_BYTES, GradebookWorkbook.MAX_ENTRIES, 1_000);
            GradebookWorkbook.Sheets sheets = GradebookWorkbook.sheets("x.xlsx", new ByteArrayInputStream(xlsx), small);
            assertThat(sheets.scoresSheet().complete()).isFalse();
            assertThat(sheets.scoresSheet().rows()).hasSize(1_001);
            GradebookImportException e = catchThrowableOfType(sheets::gradebook, GradebookImportException.class);
            assertThat(e.problems()).containsExactly(new ImportProblem("diem", 0, null,
                    "trang tính có hơn 1000 dòng, quá nhiều cho một lớp: mỗi tệp chỉ chứa một lớp; xoá các dòng thừa."));
        }

        @Test
        void the_real_limit_is_200000_rows() {
            assertThat(GradebookWorkbook.MAX_ROWS).isEqualTo(200_000);
        }

        @Test
        void a_zip_bomb_is_refused_after_inflating_at_most_the_limit() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    zip.write(zeros);                                            // 64 MB of zeros, ~64 KB packed
                }
                zip.closeEntry();
            }
            assertThat(bytes.size()).isLessThan(1 << 20);
            GradebookWorkbook.Limits small = new GradebookWorkbook.Limits(GradebookWorkbook.MAX_FILE_BYTES,
                    16L << 20, GradebookWorkbook.MAX_ENTRIES, GradebookWorkbook.MAX_ROWS);
            GradebookImportException e = catchThrowableOfType(() -> GradebookWorkbook.sheets("bomb.xlsx",
                    new ByteArrayInputStream(bytes.toByteArray()), small), GradebookImportException.class);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("bomb.xlsx");
                assertThat(p.reason()).startsWith("tệp nén bất thường (giải nén ra quá 16 MB");
            });
        }

        @Test
        void poi_refuses_an_extreme_compression_ratio_within_the_size_limit() throws IOException {
            byte[] xlsx = GradebookWorkbook.write(LOP, HOC_SINH, DIEM);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            java.nio.file.Path copy = java.nio.file.Files.createTempFile("workbook", ".xlsx");
            try {
                java.nio.file.Files.write(copy, xlsx);
                try (ZipOutputStream out = new ZipOutputStream(bytes); java.util.zip.ZipFile in = new java.util.zip.ZipFile(copy.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(in.entries())) {
                        out.putNextEntry(new ZipEntry(e.getName()));
                        try (InputStream entry = in.getInputStream(e)) {
                            out.write(entry.readAllBytes());
                        }
                        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                            out.write(" ".repeat(12 << 20).getBytes(StandardCharsets.US_ASCII));  // ratio ~ 1/1000
                        }
                        out.closeEntry();
                    }
                }
            } finally {
                java.nio.file.Files.delete(copy);
            }
            assertThat(bytes.size()).isLessThan(1 << 20);
            GradebookImportException e = failure(bytes.toByteArray());
            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("tệp nén bất thường"));
        }

        @Test
        void a_file_over_the_size_limit_is_refused_without_reading_the_rest() {
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    return 'P';
                }
            };
            GradebookWorkbook.Limits small = new GradebookWorkbook.Limits(1 << 20, GradebookWorkbook.MAX_UNCOMPRESSED_BYTES,
                    GradebookWorkbook.MAX_ENTRIES, GradebookWorkbook.MAX_ROWS);
            GradebookImportException e = catchThrowableOfType(() -> GradebookWorkbook.sheets("big.xlsx", endless, small),
                    GradebookImportException.class);
            assertThat(e.problems().get(0).reason()).startsWith("tệp lớn hơn 1 MB");
        }

        @Test
        void a_csv_file_sent_as_a_workbook_or_an_old_xls_is_one_problem_saying_what_to_send() {
            GradebookImportException csv = failure(LOP.getBytes(StandardCharsets.UTF_8));
            assertThat(csv.problems()).singleElement().satisfies(p ->
                    assertThat(p.reason()).startsWith("không phải tệp Excel Workbook (.xlsx)"));
            byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
            assertThat(failure(ole2).problems()).singleElement().satisfies(p ->
                    assertThat(p.reason()).contains("mật khẩu").contains(".xls"));
            byte[] truncated = java.util.Arrays.copyOf(GradebookWorkbook.write(LOP, HOC_SINH, DIEM), 5_000);
            assertThat(failure(truncated).problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("12A1.xlsx"));
        }
    }

    @Test
    void sheet_names_match_without_case_diacritics_spaces_or_csv() {
        assertThat(List.of("Lớp", "LOP", "lop.csv", "Học sinh", "hoc_sinh", "HOC-SINH.CSV", "Điểm", "diem"))
                .extracting(GradebookWorkbook::sheetKey)
                .containsExactly("lop", "lop", "lop", "hocsinh", "hocsinh", "hocsinh", "diem", "diem");
        assertThat(GradebookWorkbook.columnIndex("AB12")).isEqualTo(27);
        assertThat(GradebookWorkbook.columnLetters(27)).isEqualTo("AB");
    }

    // ------------------------------------------------------------------ helpers

    interface WorkbookEdit {
        void apply(Workbook wb) throws IOException;
    }

    /** The sample class as XLSX, edited with POI's full model and saved again. */
    static byte[] edit(WorkbookEdit edit) throws IOException {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(GradebookWorkbook.write(LOP, HOC_SINH, DIEM)))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (int c = 0; c < 12; c++) {
                        if (row.getCell(c) == null) {
                            row.createCell(c);
                        }
                    }
                }
            }
            edit.apply(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static GradebookImportException failure(byte[] xlsx) {
        return catchThrowableOfType(() -> GradebookWorkbook.read("12A1.xlsx", new ByteArrayInputStream(xlsx)),
                GradebookImportException.class);
    }

    private static String resource(String file) {
        try (InputStream in = SampleClass.class.getResourceAsStream(SampleClass.RESOURCE_DIRECTORY + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
