package vn.academicledger.documents.verify;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/** Reads the embedded files of a PDF (the name tree; kids included). */
final class Attachments {
    static final String CREDENTIAL = "credential.json";

    private Attachments() {
    }

    static Map<String, byte[]> all(PDDocument document) {
        Map<String, byte[]> files = new TreeMap<>();
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return files;
        }
        try {
            collect(names.getEmbeddedFiles(), files);
        } catch (IOException e) {
            files.put("(unreadable name tree)", new byte[0]);
        }
        return files;
    }

    private static void collect(PDEmbeddedFilesNameTreeNode node, Map<String, byte[]> files) throws IOException {
        Map<String, PDComplexFileSpecification> here = node.getNames();
        if (here != null) {
            for (Map.Entry<String, PDComplexFileSpecification> e : here.entrySet()) {
                PDEmbeddedFile file = e.getValue().getEmbeddedFileUnicode() != null
                        ? e.getValue().getEmbeddedFileUnicode() : e.getValue().getEmbeddedFile();
                files.put(e.getKey(), file == null ? new byte[0] : file.toByteArray());
            }
        }
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                collect((PDEmbeddedFilesNameTreeNode) kid, files);
            }
        }
    }
}
