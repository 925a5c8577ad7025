package vn.academicledger.issuer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.academicledger.issuer.security.Caller;

/**
 * Writes the audit log: who, what, when, from where. Rows are never changed or removed (the table
 * refuses UPDATE, DELETE and TRUNCATE). Callers write in their own transaction where the action is
 * transactional, so an action and its audit row commit together or not at all.
 */
@Component
public class AuditLog {
    /** What was done; stable names auditors filter on. */
    public enum Action {
        LOGIN, LOGIN_FAILED, SCHOOL_ACCREDITED, SCHOOL_KEY_ROTATED, CLASS_IMPORTED, CLASS_IMPORT_REFUSED,
        JOB_CREATED, JOB_APPROVED, JOB_REJECTED, JOB_FINISHED, CREDENTIAL_ISSUED, CREDENTIALS_ISSUED,
        CREDENTIAL_REVOKED, CREDENTIAL_READ, PDF_EXTRACTED, DATA_EXTRACTED, ACCESS_DENIED, AUDIT_READ
    }

    public enum Outcome { SUCCESS, DENIED, FAILED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Caller caller, Action action, String schoolCode, String target, Outcome outcome,
                       Map<String, ?> details) {
        record(caller.username(), caller.role().name(), caller.remoteAddr(), action, schoolCode, target, outcome, details);
    }

    public void record(String actor, String actorRole, String remoteAddr, Action action, String schoolCode, String target,
                       Outcome outcome, Map<String, ?> details) {
        String json;
        try {
            json = details == null || details.isEmpty() ? null : JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON-serialisable", e);
        }
        jdbc.sql("""
                        insert into audit_log (actor, actor_role, school_code, action, target, outcome, remote_addr, details)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(actor, actorRole, schoolCode, action.name(), target, outcome.name(), remoteAddr, json)
                .update();
    }
}
