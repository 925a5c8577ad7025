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
            byte[] bytes = workbook.getBytes();
            throw IssuerException.invalid("XLSX_NOT_READY", "XLSX import is not wired yet: " + bytes.length);
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
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw IssuerException.invalid("NOT_UTF8", file + ": tệp không phải UTF-8; hãy lưu lại dạng 'CSV UTF-8' / the file is not UTF-8; "
                    + "save it as 'CSV UTF-8' (Excel: File → Save As → CSV UTF-8).");
        }
    }

    /** Import refusals are 422 with every problem listed; other refusals pass through. */
    static IssuerException problem(RuntimeException e) {
        if (e instanceof IssuerException issuer) {
            return issuer;
        }
        return IssuerException.unprocessable("IMPORT_INVALID", e.getMessage(),
                List.of(Map.of("reason", e.getMessage())));
    }
}
