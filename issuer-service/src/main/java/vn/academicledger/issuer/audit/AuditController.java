package vn.academicledger.issuer.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log / Nhật ký")
class AuditController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;
    private final AuditLog audit;

    AuditController(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Entry(long id, Instant at, String actor, String actorRole, String schoolCode, String action,
                        String target, String outcome, String remoteAddr, JsonNode details) {
    }

    @GetMapping
    @Operation(summary = "Query the audit log (auditors): by actor, school, action and time; newest first; page with beforeId")
    List<Entry> query(Caller caller, @RequestParam(required = false) String actor,
                      @RequestParam(required = false) String school, @RequestParam(required = false) String action,
                      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                      @RequestParam(required = false) Long beforeId, @RequestParam(defaultValue = "100") int limit) {
        caller.require(Role.AUDITOR);
        if (limit < 1 || limit > 1000) {
            throw IssuerException.invalid("INVALID_PAGE", "limit must be 1–1000.");
        }
        StringBuilder sql = new StringBuilder("""
                select id, at, actor, actor_role, school_code, action, target, outcome, remote_addr, details::text
                from audit_log where true""");
        List<Object> params = new ArrayList<>();
        if (actor != null) {
            sql.append(" and actor = ?");
            params.add(actor);
        }
        if (school != null) {
            sql.append(" and school_code = ?");
            params.add(school);
        }
        if (action != null) {
            try {
                AuditLog.Action.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw IssuerException.invalid("UNKNOWN_ACTION", "Unknown action '" + action + "'; one of "
                        + java.util.Arrays.toString(AuditLog.Action.values()));
            }
            sql.append(" and action = ?");
            params.add(action);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(to));
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            params.add(beforeId);
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        List<Entry> entries = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String details = rs.getString(10);
            JsonNode node;
            try {
                node = details == null ? null : JSON.readTree(details);
            } catch (java.io.IOException e) {
                node = null;
            }
            return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), node);
        }).list();
        audit.record(caller, AuditLog.Action.AUDIT_READ, school, null, AuditLog.Outcome.SUCCESS,
                Map.of("results", entries.size()));
        return entries;
    }
}
