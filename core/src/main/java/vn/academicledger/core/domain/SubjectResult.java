package vn.academicledger.core.domain;

/**
 * One line of the report card: a subject's results for semester I, semester II and the year.
 * Scored subjects carry averages (ĐTBmhk, ĐTBmcn), comment-only subjects Đạt / Chưa đạt.
 */
public sealed interface SubjectResult permits ScoredSubjectResult, CommentSubjectResult {
    Subject subject();

    /** The result in one column, as printed: {@code "8.6"} or {@code "Đạt"}. */
    String display(Term term);
}
