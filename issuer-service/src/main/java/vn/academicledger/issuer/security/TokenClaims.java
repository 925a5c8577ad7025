package vn.academicledger.issuer.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * Where a bearer token names the caller's role and school ({@code issuer.auth.role-claim},
 * {@code issuer.auth.school-claim}). The embedded authorization server writes the top-level claims
 * {@code role} and {@code school_code}; an external provider puts roles where it likes: Keycloak in
 * {@code realm_access.roles}, others in a {@code roles} or {@code groups} list.
 *
 * <p>A claim name is first looked up as it stands (namespaced claims such as
 * {@code https://example.edu/role} contain dots), then as a dotted path into nested objects. A list
 * gives the first entry that names one of this service's roles, so a token may carry the
 * provider's own roles ({@code offline_access}, …) beside ours.
 */
final class TokenClaims {
    private final String roleClaim;
    private final String schoolClaim;

    TokenClaims(String roleClaim, String schoolClaim) {
        this.roleClaim = roleClaim;
        this.schoolClaim = schoolClaim;
    }

    static TokenClaims of(IssuerProperties.Auth auth) {
        return new TokenClaims(auth.roleClaim(), auth.schoolClaim());
    }

    String roleClaim() {
        return roleClaim;
    }

    String schoolClaim() {
        return schoolClaim;
    }

    /** The first of this service's roles the role claim names; empty when it names none. */
    Optional<Role> role(Jwt jwt) {
        Object value = find(jwt.getClaims(), roleClaim);
        Collection<?> candidates = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object candidate : candidates) {
            if (candidate instanceof String name) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name.strip())) {
                        return Optional.of(role);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The school code the school claim names (the first entry of a list); empty when there is none. */
    Optional<String> school(Jwt jwt) {
        Object value = find(jwt.getClaims(), schoolClaim);
        if (value instanceof Collection<?> list) {
            value = list.isEmpty() ? null : list.iterator().next();
        }
        return value instanceof String code && !code.isBlank() ? Optional.of(code.strip()) : Optional.empty();
    }

    /** The Spring Security authorities of the token: {@code ROLE_<role>}, or none. */
    List<GrantedAuthority> authorities(Jwt jwt) {
        return role(jwt).<List<GrantedAuthority>>map(r -> List.of(new SimpleGrantedAuthority(r.authority())))
                .orElse(List.of());
    }

    private static Object find(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }
}
