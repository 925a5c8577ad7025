package vn.academicledger.documents.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome for one signature of a PDF.
 *
 * @param number              1 for the first signature in the file, 2 for the next…
 * @param signer              the signing certificate's common name, e.g. "Nguyễn Thị Lan"
 * @param claimedTime         the time the signer's software claimed (/M), not proof
 * @param timestampTime       the time a time-stamping authority attested, if the signature has a time-stamp
 * @param level               the level the validator recognised, e.g. "PAdES-BASELINE-LT"
 * @param indication          the validator's verdict: TOTAL_PASSED, INDETERMINATE or TOTAL_FAILED, with sub-indication
 * @param valid               the signature is valid and the document did not change after it except by
 *                            later signatures and validation data
 * @param coversWholeDocument the signature's byte range ends at the end of the file (false for all but the
 *                            last signature, and for the last one when validation data or changes follow it)
 * @param changesAfterSigning what differs between the signed revision and the file as it is now, by name
 *                            ("page 1", "attachment credential.json"); empty when nothing but signatures and
 *                            validation data was added
 * @param reasons             why the signature is not valid, each a sentence; empty when valid
 */
public record SignatureCheck(int number, String signer, Instant claimedTime, Optional<Instant> timestampTime,
                             String level, String indication, boolean valid, boolean coversWholeDocument,
                             List<String> changesAfterSigning, List<String> reasons) {
    public SignatureCheck {
        changesAfterSigning = List.copyOf(changesAfterSigning);
        reasons = List.copyOf(reasons);
    }
}
