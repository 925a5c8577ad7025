package vn.academicledger.issuer.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.system.Problems;

/** 401 and 403 from the security filters, as RFC 9457 problem details with a reason a person can act on. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;
    private final AuditLog audit;
    /** Where a caller gets a token: this service's {@code /oauth2/token}, or the external provider. */
    private final String tokenSource;

    ProblemSecurityHandlers(ObjectMapper json, AuditLog audit,
                            @Value("${issuer.auth.embedded-server:true}") boolean embeddedServer,
                            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        this.json = json;
        this.audit = audit;
        this.tokenSource = embeddedServer ? "/oauth2/token"
                : issuerUri.isBlank() ? "the identity provider this service trusts" : issuerUri;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException error)
            throws IOException {
        boolean badToken = error instanceof InvalidBearerTokenException
                || request.getHeader("Authorization") != null;
        String detail = badToken
                ? "Mã truy cập không hợp lệ hoặc đã hết hạn; hãy lấy mã mới tại " + tokenSource
                        + " / the bearer token is invalid or expired; get a new one from " + tokenSource + "."
                : "Cần đăng nhập: gửi 'Authorization: Bearer <token>' lấy từ " + tokenSource
                        + " / sign in: send a bearer token from " + tokenSource + ".";
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, badToken ? "INVALID_TOKEN" : "UNAUTHENTICATED",
                "Chưa xác thực / Unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException error)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Không có quyền / Forbidden",
                "Vai trò của tài khoản này không được làm việc này / this account's role may not do this.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
        if (status == HttpStatus.FORBIDDEN && request.getUserPrincipal() != null) {
            audit.record(request.getUserPrincipal().getName(), null, request.getRemoteAddr(), AuditLog.Action.ACCESS_DENIED,
                    null, request.getMethod() + " " + request.getRequestURI(), AuditLog.Outcome.DENIED, Map.of());
        }
    }
}
