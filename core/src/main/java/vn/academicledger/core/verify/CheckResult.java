package vn.academicledger.core.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One check's outcome with a reason a person can read, and the data behind it (which key, which
 * batch, revoked when) for reports and pages.
 */
public record CheckResult(CheckName check, CheckStatus status, String reason, Map<String, String> details) {
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static CheckResult passed(CheckName check, String reason, Map<String, String> details) {
        return new CheckResult(check, CheckStatus.PASSED, reason, details);
    }

    public static CheckResult passed(CheckName check, String reason) {
        return passed(check, reason, Map.of());
    }

    public static CheckResult failed(CheckName check, String reason, Map<String, String> details) {
        return new CheckResult(check, CheckStatus.FAILED, reason, details);
    }

    public static CheckResult failed(CheckName check, String reason) {
        return failed(check, reason, Map.of());
    }

    public static CheckResult skipped(CheckName check, String reason) {
        return new CheckResult(check, CheckStatus.SKIPPED, reason, Map.of());
    }

    /** A check that could not be completed, with the data saying what was missing (which list, which index). */
    public static CheckResult skipped(CheckName check, String reason, Map<String, String> details) {
        return new CheckResult(check, CheckStatus.SKIPPED, reason, details);
    }

    public boolean failed() {
        return status == CheckStatus.FAILED;
    }
}
