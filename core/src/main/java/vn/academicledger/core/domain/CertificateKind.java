package vn.academicledger.core.domain;

/** Kinds of chứng chỉ a student may hold next to the report card and diploma. */
public enum CertificateKind implements Labelled {
    FOREIGN_LANGUAGE("Chứng chỉ ngoại ngữ", "Foreign language certificate"),
    INFORMATION_TECHNOLOGY("Chứng chỉ ứng dụng công nghệ thông tin", "Information technology certificate"),
    OTHER("Chứng chỉ khác", "Other certificate");

    private final String vietnamese;
    private final String english;

    CertificateKind(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
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
