package vn.academicledger.verifier.system;

import java.time.Duration;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * One failure as the service reports it: HTTP status, a stable code, a title and a sentence saying
 * what to do. {@link Problems} turns every exception into one; the JSON form is RFC 9457 problem
 * details, the page form the error page.
 *
 * @param retryAfter when set, the client may retry after this long (429, 503)
 */
public record Problem(HttpStatus status, String code, String title, String detail, Duration retryAfter) {
    public Problem {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }

    public Problem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    /** {@code RATE_LIMITED} → {@code rate-limited}: the fragment of the problem's type URI. */
    public String slug() {
        return code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
