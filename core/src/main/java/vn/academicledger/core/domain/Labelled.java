package vn.academicledger.core.domain;

/**
 * A value of a closed set that has an official Vietnamese label and an English one. Credentials
 * carry the enum constant's name (ASCII, stable across Unicode normalizations); people see the labels.
 */
public interface Labelled {
    /** The label printed on Vietnamese documents, with full diacritics, e.g. {@code "Chưa đạt"}. */
    String vietnamese();

    /** The English label, e.g. {@code "Unsatisfactory"}. */
    String english();
}
