package vn.academicledger.issuer.classes;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.grading.GradebookImportException;
import vn.academicledger.core.grading.ImportProblem;
import vn.academicledger.issuer.system.IssuerException;

/** Turns an upload (an XLSX workbook or three CSV files) into the class's three CSV texts. */
@Component
class ClassUploads {
    record Upload(ClassSource source, Classes.Format format, byte[] bytes) {
    }

    Upload read(String school, MultipartFile workbook, MultipartFile classFile, MultipartFile studentsFile,
                MultipartFile scoresFile) throws IOException {
        if (workbook != null) {
            if (classFile != null || studentsFile != null || scoresFile != null) {
                throw IssuerException.invalid("AMBIGUOUS_UPLOAD", "Send either one workbook or the three CSV files, not both.");
            }
            if (workbook.getSize() > GradebookWorkbook.MAX_FILE_BYTES) {
                throw new IssuerException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", "Tệp quá lớn / Too large",
                        "The workbook is larger than " + (GradebookWorkbook.MAX_FILE_BYTES >> 20) + " MB; split the class.");
            }
            byte[] bytes = workbook.getBytes();
            String name = workbook.getOriginalFilename() == null ? "workbook.xlsx" : workbook.getOriginalFilename();
            GradebookWorkbook.Sheets sheets = GradebookWorkbook.sheets(name, new java.io.ByteArrayInputStream(bytes));
            ClassSource source = new ClassSource(null, school, sheets.classCsv(), sheets.studentsCsv(), sheets.scoresCsv());
            return new Upload(source, Classes.Format.XLSX, bytes);
        }
        if (classFile == null || studentsFile == null || scoresFile == null) {
            throw IssuerException.invalid("MISSING_FILES", "Gửi tệp XLSX (phần 'workbook') hoặc đủ ba tệp CSV: 'lop', 'hocSinh', 'diem' "
                    + "/ send one XLSX workbook (part 'workbook') or all three CSV files (parts 'lop', 'hocSinh', 'diem').");
        }
        byte[] c = classFile.getBytes();
        byte[] s = studentsFile.getBytes();
        byte[] d = scoresFile.getBytes();
        ClassSource source = new ClassSource(null, school, text("lop.csv", c), text("hoc-sinh.csv", s), text("diem.csv", d));
        byte[] all = new byte[c.length + s.length + d.length];
        System.arraycopy(c, 0, all, 0, c.length);
        System.arraycopy(s, 0, all, c.length, s.length);
        System.arraycopy(d, 0, all, c.length + s.length, d.length);
        return new Upload(source, Classes.Format.CSV, all);
    }

    /** CSV files must be UTF-8 (with or without BOM); a legacy encoding is refused by name. */
    static String text(String file, byte[] bytes) {
        // The JDK's own decoder is several times faster than a CharsetDecoder, and turns each malformed
        // sequence into U+FFFD: a text without U+FFFD was well-formed UTF-8. Only one with U+FFFD (a real
        // replacement character, or bad bytes) is decoded again strictly, to tell which.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw IssuerException.invalid("NOT_UTF8", file + ": tệp không phải UTF-8; hãy lưu lại dạng 'CSV UTF-8' / the file is not UTF-8; "
                    + "save it as 'CSV UTF-8' (Excel: File → Save As → CSV UTF-8).");
        }
    }

    /**
     * Import refusals are 422 with every problem listed as {@code errors}: file (or sheet), row (as
     * the spreadsheet numbers it; 0 = the whole file), column (null = the whole row) and reason.
     */
    static IssuerException problem(RuntimeException e) {
        if (e instanceof IssuerException issuer) {
            return issuer;
        }
        if (e instanceof GradebookImportException gradebook) {
            List<Map<String, Object>> errors = new java.util.ArrayList<>();
            for (ImportProblem p : gradebook.problems()) {
                Map<String, Object> error = new java.util.LinkedHashMap<>();
                error.put("file", p.file());
                error.put("row", p.row());
                error.put("column", p.column());
                error.put("reason", p.reason());
                errors.add(error);
            }
            return new IssuerException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "IMPORT_INVALID",
                    "Không nhập được / Cannot be imported", gradebook.getMessage(),
                    Map.of("errors", errors, "errorCount", gradebook.problemCount(), "truncated", gradebook.truncated()));
        }
        return IssuerException.unprocessable("IMPORT_INVALID", e.getMessage(),
                List.of(Map.of("reason", e.getMessage())));
    }
}
