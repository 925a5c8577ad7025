package vn.academicledger.core.verify;

/** The outcome of one check. SKIPPED means the check does not apply, never that it was waved through. */
public enum CheckStatus { PASSED, FAILED, SKIPPED }
