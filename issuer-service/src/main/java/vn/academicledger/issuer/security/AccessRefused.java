package vn.academicledger.issuer.security;

import org.springframework.http.HttpStatus;
import vn.academicledger.issuer.system.IssuerException;

/**
 * A caller refused by {@link Caller#require}: 403 for a role that may not do this, 404 for another
 * school's resources (they look as if they did not exist). Each refusal is written to the audit log
 * as ACCESS_DENIED by the problem handler.
 */
public final class AccessRefused extends IssuerException {
    private AccessRefused(HttpStatus status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    static AccessRefused role(String detail) {
        return new AccessRefused(HttpStatus.FORBIDDEN, "FORBIDDEN", "Không có quyền / Forbidden", detail);
    }

    static AccessRefused otherSchool(String schoolCode) {
        IssuerException notFound = IssuerException.notFound("school", schoolCode);
        return new AccessRefused(HttpStatus.NOT_FOUND, notFound.code(), notFound.title(), notFound.getMessage());
    }
}
