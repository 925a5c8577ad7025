package vn.academicledger.documents.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PdfVerification} found, check by check: each signature, the attached credential, and
 * problems of the document as a whole. Never a bare boolean: {@link #failures()} names every check that
 * failed and why.
 */
public record PdfReport(List<SignatureCheck> signatures, AttachmentCheck attachment, List<String> documentProblems) {
    public PdfReport {
        signatures = List.copyOf(signatures);
        documentProblems = List.copyOf(documentProblems);
    }

    /** Every signature valid, the attachment present and unchanged, and nothing else wrong. */
    public boolean valid() {
        return documentProblems.isEmpty() && !signatures.isEmpty()
                && signatures.stream().allMatch(SignatureCheck::valid) && attachment.valid();
    }

    /** One line per failed check, naming it: "signature 2 (Nguyễn Thị Lan): …", "attachment: …". */
    public List<String> failures() {
        List<String> out = new ArrayList<>(documentProblems);
        for (SignatureCheck s : signatures) {
            for (String reason : s.reasons()) {
                out.add("signature " + s.number() + " (" + s.signer() + "): " + reason);
            }
        }
        for (String reason : attachment.reasons()) {
            out.add("attachment: " + reason);
        }
        return out;
    }
}
