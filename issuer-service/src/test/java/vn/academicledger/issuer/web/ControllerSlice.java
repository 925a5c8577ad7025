package vn.academicledger.issuer.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Accounts;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;

/**
 * What every controller slice shares. A slice is one controller with its services mocked, behind
 * the real security chains ({@code SecurityConfiguration}, {@code ProblemSecurityHandlers}), the
 * real {@code Caller} resolution ({@code WebConfiguration}) and the real problem details
 * ({@code Problems}); no database and no authorization server. The classes are named by pattern
 * because they are package-private: {@code @WebMvcTest(useDefaultFilters = false, includeFilters =
 * @Filter(type = REGEX, pattern = {INFRASTRUCTURE, "…the controller…"}), properties = NO_AUTHORIZATION_SERVER)}.
 */
abstract class ControllerSlice {
    static final String INFRASTRUCTURE = "vn\\.academicledger\\.issuer\\.(security\\.(SecurityConfiguration|ProblemSecurityHandlers)"
            + "|system\\.(WebConfiguration|Problems))";
    static final String NO_AUTHORIZATION_SERVER = "issuer.auth.embedded-server=false";

    static final String SCHOOL_A = "79000701";
    static final String SCHOOL_B = "79000702";
    /** The remote address MockMvc requests come from. */
    static final String LOCAL = "127.0.0.1";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    Accounts accounts;
    /** Never asked: slices put the authenticated token in place with {@link #as}. */
    @MockitoBean
    JwtDecoder jwtDecoder;

    /** The bearer token the authorization server gives this account: its {@code role} and {@code school_code} claims. */
    static RequestPostProcessor as(String username, Role role, String school) {
        return jwt().jwt(token -> {
            token.subject(username).claim("role", role.name());
            if (school != null) {
                token.claim("school_code", school);
            }
        });
    }

    static RequestPostProcessor admin() {
        return as("so.admin", Role.DEPARTMENT_ADMIN, null);
    }

    static RequestPostProcessor auditor() {
        return as("so.auditor", Role.AUDITOR, null);
    }

    static RequestPostProcessor issuerOfA() {
        return as("bennghe.issuer", Role.SCHOOL_ISSUER, SCHOOL_A);
    }

    static RequestPostProcessor principalOfA() {
        return as("bennghe.principal", Role.SCHOOL_SIGNER, SCHOOL_A);
    }

    static RequestPostProcessor issuerOfB() {
        return as("thuthiem.issuer", Role.SCHOOL_ISSUER, SCHOOL_B);
    }

    static Caller caller(String username, Role role, String school) {
        return new Caller(username, role, school, LOCAL);
    }

    /** An RFC 9457 answer: this status and code, with type, title and a detail. */
    static ResultMatcher problem(int httpStatus, String code) {
        return result -> {
            status().is(httpStatus).match(result);
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
            jsonPath("$.status").value(httpStatus).match(result);
            jsonPath("$.code").value(code).match(result);
            jsonPath("$.type").value(Matchers.startsWith("https://academicledger.vn/problems/")).match(result);
            jsonPath("$.title").value(Matchers.not(Matchers.blankOrNullString())).match(result);
            jsonPath("$.detail").value(Matchers.not(Matchers.blankOrNullString())).match(result);
        };
    }

    /** 401 for a request without a token, saying how to get one. */
    static ResultMatcher unauthenticated() {
        return result -> {
            problem(401, "UNAUTHENTICATED").match(result);
            header().string("WWW-Authenticate", "Bearer").match(result);
        };
    }
}
