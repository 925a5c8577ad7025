package vn.academicledger.core.verify;

/** The named checks a verification runs, in the order a report lists them. */
public enum CheckName {
    STRUCTURE("structure", "Cấu trúc chứng chỉ VC 2.0", "VC 2.0 structure"),
    PROOF("proof", "Chữ ký số của đơn vị cấp", "Issuer's digital signature"),
    ISSUER_ACCREDITED("issuer-accredited", "Đơn vị cấp được Sở công nhận khi cấp", "Issuer accredited at issuance"),
    ANCHORED("anchored", "Đã neo trên sổ cái (Merkle)", "Anchored on the ledger (Merkle)"),
    NOT_REVOKED("not-revoked", "Chưa bị thu hồi", "Not revoked"),
    NOT_EXPIRED("not-expired", "Còn hiệu lực", "Within its validity period"),
    RESULTS_CONSISTENT("results-consistent", "Kết quả khớp quy định chấm điểm", "Results agree with the grading rules");

    private final String id;
    private final String vietnamese;
    private final String english;

    CheckName(String id, String vietnamese, String english) {
        this.id = id;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** Stable identifier used in JSON reports and the CLI ({@code issuer-accredited}). */
    public String id() {
        return id;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
