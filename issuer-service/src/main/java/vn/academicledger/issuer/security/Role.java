package vn.academicledger.issuer.security;

/** What an account may do. School roles act for exactly one school, named in the token. */
public enum Role {
    /** Sở GDĐT: accredits schools and registers their keys on the ledger. Issues nothing itself. */
    DEPARTMENT_ADMIN(false),
    /** A school's registrar: imports classes, prepares issuance, revokes — for its own school only. */
    SCHOOL_ISSUER(true),
    /** A school's principal: approves issuance and signs — for its own school only. */
    SCHOOL_SIGNER(true),
    /** Reads the audit log. */
    AUDITOR(false);

    private final boolean schoolScoped;

    Role(boolean schoolScoped) {
        this.schoolScoped = schoolScoped;
    }

    public boolean schoolScoped() {
        return schoolScoped;
    }

    /** The Spring Security authority: {@code ROLE_SCHOOL_ISSUER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
