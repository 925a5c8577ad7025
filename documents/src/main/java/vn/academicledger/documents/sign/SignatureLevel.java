package vn.academicledger.documents.sign;

/** PAdES baseline levels (ETSI EN 319 142-1) this module produces. */
public enum SignatureLevel {
    /** Basic: CMS with the signing certificate reference; the claimed time is the dictionary's /M. */
    PADES_BASELINE_B,
    /** B plus a signature time-stamp from a time-stamping authority: proves the signature existed then. */
    PADES_BASELINE_T,
    /**
     * T plus, in the document security store (/DSS), every certificate of the signer's and the TSA's
     * chains and CRLs for each of them, so the signature can be validated without going online and
     * after the signer's certificate has expired.
     */
    PADES_BASELINE_LT;

    boolean hasTimestamp() {
        return this != PADES_BASELINE_B;
    }
}
