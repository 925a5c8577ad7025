package vn.academicledger.documents.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.SubjectResult;

/** What a forger would do to a signed PDF. */
public final class Tampering {
    private Tampering() {
    }

    /** Flips one bit of one byte in the middle of the first signed range. */
    public static byte[] flipOneByte(byte[] pdf, int position) {
        byte[] copy = pdf.clone();
        copy[position] ^= 0x01;
        return copy;
    }

    /** The same report card with the first scored subject's semester I average raised by one point. */
    public static ReportCard withOneGradeRaised(ReportCard card) {
        List<SubjectResult> subjects = new ArrayList<>();
        boolean done = false;
        for (SubjectResult r : card.subjects()) {
            if (!done && r instanceof ScoredSubjectResult s) {
                Score higher = new Score(s.semester1().value().add(java.math.BigDecimal.ONE).min(java.math.BigDecimal.TEN));
                subjects.add(new ScoredSubjectResult(s.subject(), higher, s.semester2(), s.year()));
                done = true;
            } else {
                subjects.add(r);
            }
        }
        return new ReportCard(card.school(), card.student(), card.schoolYear(), card.grade(), card.className(),
                card.homeroomTeacher(), subjects, card.semester1(), card.semester2(), card.year(), card.daysAbsent(),
                card.homeroomComment(), card.outcome(), card.honourTitle());
    }

    /**
     * Appends an incremental update that puts the forged PDF's first page content and resources in place
     * of the signed one's, and its attachment in place of the attached credential: the forger's best try
     * at changing a grade while keeping the signatures.
     */
    public static byte[] replacePageAndAttachment(byte[] signed, byte[] forged) throws IOException {
        try (PDDocument target = Loader.loadPDF(signed); PDDocument source = Loader.loadPDF(forged)) {
            PDPage page = target.getPage(0);
            PDPage from = source.getPage(0);
            PDStream content = new PDStream(target, new ByteArrayInputStream(from.getContents().readAllBytes()),
                    COSName.FLATE_DECODE);
            page.setContents(content);
            page.setResources(from.getResources());
            page.getCOSObject().setNeedToBeUpdated(true);
            replaceAttachment(target, source.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .get("credential.json").getEmbeddedFile().toByteArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Appends an incremental update that replaces credential.json with {@code json}. */
    public static byte[] replaceAttachment(byte[] signed, String json) throws IOException {
        try (PDDocument target = Loader.loadPDF(signed)) {
            replaceAttachment(target, json.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static void replaceAttachment(PDDocument target, byte[] bytes) throws IOException {
        var names = target.getDocumentCatalog().getNames();
        var tree = names.getEmbeddedFiles();
        PDComplexFileSpecification spec = tree.getNames().get("credential.json");
        PDEmbeddedFile file = new PDEmbeddedFile(target, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
        file.setSubtype("application/json");
        file.setSize(bytes.length);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setNeedToBeUpdated(true);
        spec.getCOSObject().getCOSDictionary(COSName.EF).setNeedToBeUpdated(true);
        tree.getCOSObject().setNeedToBeUpdated(true);
        names.getCOSObject().setNeedToBeUpdated(true);
        target.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }
}
