package vn.academicledger.core.verify;

/**
 * The outcome of one check. SKIPPED means the check did not apply or could not be completed (its
 * reason says which, e.g. a status list that could not be fetched) — never that it was waved
 * through: a report whose required check is SKIPPED is not valid.
 */
public enum CheckStatus { PASSED, FAILED, SKIPPED }
