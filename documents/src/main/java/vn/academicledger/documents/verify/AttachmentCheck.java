package vn.academicledger.documents.verify;

import java.util.List;
import java.util.Optional;

/**
 * The outcome for the credential attached to a PDF.
 *
 * @param present              {@code credential.json} is attached as an associated file
 * @param credentialId         the attached credential's {@code id}, if it is readable JSON with one
 * @param sha256               hex SHA-256 of the attached bytes, if present
 * @param unchangedSinceSigned the attachment is byte for byte the one in every signed revision
 * @param matchesDocumentId    the credential's id is the id the PDF's metadata and QR code were made for
 * @param reasons              why the attachment check failed; empty when it passed
 */
public record AttachmentCheck(boolean present, Optional<String> credentialId, Optional<String> sha256,
                              boolean unchangedSinceSigned, boolean matchesDocumentId, List<String> reasons) {
    public AttachmentCheck {
        reasons = List.copyOf(reasons);
    }

    public boolean valid() {
        return reasons.isEmpty();
    }
}
