package vn.academicledger.core.domain;

/** The three kinds of credential, with the type each adds next to {@code VerifiableCredential}. */
public enum CredentialType implements Labelled {
    REPORT_CARD("ReportCardCredential", "Học bạ số", "Digital report card"),
    DIPLOMA("DiplomaCredential", "Văn bằng", "Diploma"),
    CERTIFICATE("CertificateCredential", "Chứng chỉ", "Certificate");

    private final String typeName;
    private final String vietnamese;
    private final String english;

    CredentialType(String typeName, String vietnamese, String english) {
        this.typeName = typeName;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The credential's type term, e.g. {@code "ReportCardCredential"}. */
    public String typeName() {
        return typeName;
    }

    @Override
    public String vietnamese() {
        return vietnamese;
    }

    @Override
    public String english() {
        return english;
    }
}
