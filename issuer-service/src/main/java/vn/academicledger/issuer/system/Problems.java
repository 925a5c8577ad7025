package vn.academicledger.issuer.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.ledger.LedgerException;

/**
 * Every error of every endpoint becomes RFC 9457 problem details, here and nowhere else: a stable
 * {@code code}, a title in Vietnamese and English, and a detail saying what to do.
 */
@RestControllerAdvice
public class Problems {
    public static final String TYPE_BASE = "https://academicledger.vn/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private final org.springframework.beans.factory.ObjectProvider<vn.academicledger.issuer.audit.AuditLog> audit;

    Problems(org.springframework.beans.factory.ObjectProvider<vn.academicledger.issuer.audit.AuditLog> audit) {
        this.audit = audit;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception error, HttpServletRequest request) {
        IssuerException problem = of(error);
        if (error instanceof vn.academicledger.issuer.security.AccessRefused && request.getUserPrincipal() != null) {
            vn.academicledger.issuer.audit.AuditLog log = audit.getIfAvailable();
            if (log != null) {
                log.record(request.getUserPrincipal().getName(), null, request.getRemoteAddr(),
                        vn.academicledger.issuer.audit.AuditLog.Action.ACCESS_DENIED, null,
                        request.getMethod() + " " + request.getRequestURI(), vn.academicledger.issuer.audit.AuditLog.Outcome.DENIED,
                        Map.of("status", problem.status().value()));
            }
        }
        if (problem.status().is5xxServerError()) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), error);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(URI.create(TYPE_BASE + problem.code().toLowerCase(Locale.ROOT).replace('_', '-')));
        body.setTitle(problem.title());
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", problem.code());
        for (Map.Entry<String, Object> e : problem.extensions().entrySet()) {
            body.setProperty(e.getKey(), e.getValue());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "5");
        }
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            // RFC 9110: a 401 names the scheme that would be accepted.
            response.header("WWW-Authenticate", "INVALID_QR_TOKEN".equals(problem.code()) ? "QR" : "Bearer");
        }
        if (error instanceof HttpRequestMethodNotSupportedException e && e.getSupportedHttpMethods() != null) {
            response.allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        }
        return response.body(body);
    }

    static IssuerException of(Exception error) {
        if (error instanceof IssuerException e) {
            return e;
        }
        if (error instanceof LedgerException e) {
            boolean refused = !e.retryable();
            return new IssuerException(refused ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE,
                    "LEDGER_" + e.errorCode().name(),
                    refused ? "Sổ cái từ chối / Refused by the ledger" : "Sổ cái tạm không dùng được / Ledger unavailable",
                    e.getMessage());
        }
        if (error instanceof InvalidInputException e) {
            return IssuerException.invalid(e.code(), e.getMessage());
        }
        if (error instanceof AcademicLedgerException e) {
            return new IssuerException(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), "Không xử lý được / Unprocessable", e.getMessage());
        }
        if (error instanceof MethodArgumentNotValidException e) {
            String detail = e.getBindingResult().getFieldErrors().stream()
                    .map(f -> f.getField() + ": " + f.getDefaultMessage()).reduce((a, b) -> a + "; " + b)
                    .orElse("the request body is not valid");
            return IssuerException.invalid("INVALID_REQUEST", detail);
        }
        if (error instanceof HttpMessageNotReadableException) {
            return IssuerException.invalid("MALFORMED_JSON",
                    "Nội dung yêu cầu không phải JSON hợp lệ / the request body is not valid JSON for this endpoint: "
                            + firstLine(error.getMessage()));
        }
        if (error instanceof MissingServletRequestParameterException || error instanceof MissingServletRequestPartException
                || error instanceof MethodArgumentTypeMismatchException) {
            return IssuerException.invalid("INVALID_REQUEST", error.getMessage());
        }
        if (error instanceof MaxUploadSizeExceededException) {
            return new IssuerException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", "Tệp quá lớn / Too large",
                    "The upload is larger than this service accepts (spring.servlet.multipart.max-file-size, 20 MB per file by default); split the class into smaller uploads.");
        }
        if (error instanceof HttpMediaTypeNotSupportedException e) {
            return new IssuerException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Kiểu nội dung không hỗ trợ / Unsupported media type",
                    "Content-Type " + e.getContentType() + " is not accepted here; send one of " + e.getSupportedMediaTypes() + ".");
        }
        if (error instanceof HttpRequestMethodNotSupportedException e) {
            return new IssuerException(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Phương thức không hỗ trợ / Method not allowed",
                    e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods() + " (see /v3/api-docs).",
                    Map.of("allow", String.valueOf(e.getSupportedHttpMethods())));
        }
        if (error instanceof NoResourceFoundException) {
            return new IssuerException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Không tìm thấy / Not found",
                    "No such endpoint; see /v3/api-docs for the API.");
        }
        if (error instanceof org.springframework.security.access.AccessDeniedException) {
            return IssuerException.forbidden("Vai trò của tài khoản này không được làm việc này / this account's role may not do this.");
        }
        if (error instanceof DataIntegrityViolationException) {
            return IssuerException.conflict("CONFLICT", "The change conflicts with what is stored: " + firstLine(error.getMessage()));
        }
        return new IssuerException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Lỗi hệ thống / Internal error",
                "Something failed on our side; nothing was half-written (each change is one transaction). Retry, and tell the department's support if it persists.");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
