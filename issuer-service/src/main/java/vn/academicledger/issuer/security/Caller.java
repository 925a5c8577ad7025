package vn.academicledger.issuer.security;

import java.util.Objects;
import java.util.Optional;
import vn.academicledger.issuer.system.IssuerException;

/**
 * Who is calling, from the bearer token: the account, its role and (for school roles) its school.
 *
 * @param username    the token's subject
 * @param role        the account's role
 * @param schoolCode  the school a school role acts for; null for department and audit roles
 * @param remoteAddr  the client's address, for the audit log
 */
public record Caller(String username, Role role, String schoolCode, String remoteAddr) {
    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public Optional<String> school() {
        return Optional.ofNullable(schoolCode);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /**
     * Refuses unless the caller has one of {@code roles}; school roles must also act for
     * {@code schoolCode}. Another school's resources answer 404, as if they did not exist: a school
     * learns nothing about another school's records, not even that they exist.
     */
    public void require(String schoolCode, Role... roles) {
        boolean allowed = false;
        for (Role r : roles) {
            allowed |= r == role;
        }
        if (!allowed) {
            throw AccessRefused.role("Tài khoản " + username + " (" + role + ") không có quyền này / "
                    + "this account's role may not do this; it needs one of " + java.util.Arrays.toString(roles) + ".");
        }
        if (role.schoolScoped() && schoolCode != null && !schoolCode.equals(this.schoolCode)) {
            throw AccessRefused.otherSchool(schoolCode);
        }
    }

    /** Refuses unless the caller has one of {@code roles} (no school involved). */
    public void require(Role... roles) {
        require(null, roles);
    }
}
