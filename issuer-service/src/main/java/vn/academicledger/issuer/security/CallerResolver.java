package vn.academicledger.issuer.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import vn.academicledger.issuer.system.IssuerException;

/**
 * Lets a controller method take a {@link Caller} parameter, built from the bearer token: its subject,
 * and the role and school found where {@link TokenClaims} says ({@code issuer.auth.role-claim},
 * {@code issuer.auth.school-claim}).
 */
public final class CallerResolver implements HandlerMethodArgumentResolver {
    private final TokenClaims claims;

    CallerResolver(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            throw IssuerException.forbidden("This endpoint needs a bearer token from the authorization server.");
        }
        Role role = claims.role(token.getToken()).orElseThrow(() -> IssuerException.forbidden(
                "The token carries no role this service knows (claim '" + claims.roleClaim()
                        + "'); ask the department to give the account a role."));
        String school = claims.school(token.getToken()).orElse(null);
        if (role.schoolScoped() && school == null) {
            throw IssuerException.forbidden("A school role's token must name its school (claim '" + claims.schoolClaim() + "').");
        }
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return new Caller(token.getName(), role, role.schoolScoped() ? school : null,
                servlet == null ? null : servlet.getRemoteAddr());
    }
}
