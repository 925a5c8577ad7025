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

/** Lets a controller method take a {@link Caller} parameter, built from the bearer token. */
public class CallerResolver implements HandlerMethodArgumentResolver {
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
        String role = token.getToken().getClaimAsString(SecurityConfiguration.ROLE_CLAIM);
        Role parsed;
        try {
            parsed = Role.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw IssuerException.forbidden("The token carries no role this service knows (claim 'role'); ask the department to give the account a role.");
        }
        String school = token.getToken().getClaimAsString(SecurityConfiguration.SCHOOL_CLAIM);
        if (parsed.schoolScoped() && (school == null || school.isBlank())) {
            throw IssuerException.forbidden("A school role's token must name its school (claim 'school_code').");
        }
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return new Caller(token.getName(), parsed, parsed.schoolScoped() ? school : null,
                servlet == null ? null : servlet.getRemoteAddr());
    }
}
