package vn.academicledger.core.grading;

import vn.academicledger.core.domain.Subject;

/** A subject's assessments over the school year, before the report card is computed. */
public sealed interface SubjectAssessment permits ScoredAssessment, CommentAssessment {
    Subject subject();

    /**
     * Whether the student takes this subject's cluster of study topics (cụm chuyên đề học tập, upper
     * secondary only); its assessment counts as one more regular assessment of the subject.
     */
    boolean studyTopicCluster();
}
