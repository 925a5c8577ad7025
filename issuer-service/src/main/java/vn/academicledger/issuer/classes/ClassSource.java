package vn.academicledger.issuer.classes;

import java.io.StringReader;
import java.util.UUID;
import vn.academicledger.core.grading.ClassGradebook;
import vn.academicledger.core.grading.GradebookCsv;

/** The three CSV texts a class was imported from; report cards are always computed from these. */
public record ClassSource(UUID classId, String schoolCode, String classCsv, String studentsCsv, String scoresCsv) {
    public ClassGradebook read() {
        return GradebookCsv.read(new StringReader(classCsv), new StringReader(studentsCsv), new StringReader(scoresCsv));
    }
}
