package vn.academicledger.issuer.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the service reports as RFC 9457 problem details: the HTTP status, a stable code, a title
 * and a detail that says what to do; optionally extra members (e.g. the import's row errors).
 */
public class IssuerException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public IssuerException(HttpStatus status, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public IssuerException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static IssuerException notFound(String what, String id) {
        return new IssuerException(HttpStatus.NOT_FOUND, "NOT_FOUND", "Không tìm thấy / Not found",
                "Không có " + what + " '" + id + "' mà tài khoản này được xem / no " + what + " '" + id
                        + "' that this account may see.");
    }

    public static IssuerException forbidden(String detail) {
        return new IssuerException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Không có quyền / Forbidden", detail);
    }

    public static IssuerException conflict(String code, String detail) {
        return new IssuerException(HttpStatus.CONFLICT, code, "Xung đột / Conflict", detail);
    }

    public static IssuerException invalid(String code, String detail) {
        return new IssuerException(HttpStatus.BAD_REQUEST, code, "Dữ liệu không hợp lệ / Invalid input", detail);
    }

    public static IssuerException unprocessable(String code, String detail, List<?> errors) {
        return new IssuerException(HttpStatus.UNPROCESSABLE_ENTITY, code, "Không nhập được / Cannot be imported", detail,
                Map.of("errors", errors));
    }
}
