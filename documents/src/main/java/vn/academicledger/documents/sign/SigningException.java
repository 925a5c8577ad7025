package vn.academicledger.documents.sign;

import vn.academicledger.core.error.AcademicLedgerException;

/**
 * Signing a PDF failed at a named stage. Codes: {@code SIGNER_UNAVAILABLE} (key store, token or PIN),
 * {@code TIMESTAMP_FAILED} (the time-stamping authority), {@code REVOCATION_DATA_MISSING} (B-LT without
 * CRLs for a certificate), {@code PDF_SIGNING_FAILED} (the PDF itself).
 */
public class SigningException extends AcademicLedgerException {
    public SigningException(String code, String message) {
        super(code, message);
    }

    public SigningException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
