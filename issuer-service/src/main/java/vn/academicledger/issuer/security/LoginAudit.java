package vn.academicledger.issuer.security;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import vn.academicledger.issuer.audit.AuditLog;

/** Failed browser sign-ins go into the audit log (successful ones are logged when the token is issued). */
@Component
class LoginAudit {
    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication() == null ? "unknown" : event.getAuthentication().getName();
        if (name == null || name.isBlank() || name.length() > 64) {
            name = "unknown";
        }
        audit.record(name, null, SecurityConfiguration.remoteAddr(), AuditLog.Action.LOGIN_FAILED, null, null,
                AuditLog.Outcome.DENIED, Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
