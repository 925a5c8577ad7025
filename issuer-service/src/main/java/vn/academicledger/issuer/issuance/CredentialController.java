package vn.academicledger.issuer.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

@RestController
@RequestMapping("/api/v1/schools/{school}/credentials")
@Tag(name = "Credentials / Văn bằng, học bạ đã cấp")
class CredentialController {
    private final Credentials credentials;
    private final AuditLog audit;

    CredentialController(Credentials credentials, AuditLog audit) {
        this.credentials = credentials;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The school's credentials (records only, newest first), by student or job")
    List<Credentials.StoredCredential> list(Caller caller, @PathVariable String school,
                                            @RequestParam(required = false) UUID studentId,
                                            @RequestParam(required = false) UUID jobId,
                                            @RequestParam(defaultValue = "100") int limit,
                                            @RequestParam(defaultValue = "0") int offset) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw IssuerException.invalid("INVALID_PAGE", "limit must be 1–1000 and offset 0 or more.");
        }
        return credentials.list(school, studentId, jobId, limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A credential's record: anchoring and revocation status")
    Credentials.StoredCredential get(Caller caller, @PathVariable String school, @PathVariable UUID id) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        return credentials.find(school, id).orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
    }

    @GetMapping(value = "/{id}/vc", produces = {"application/vc+ld+json", "application/json"})
    @Operation(summary = "The signed credential itself, with its anchoring receipt once anchored (an extract: audited)")
    ObjectNode document(Caller caller, @PathVariable String school, @PathVariable UUID id) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        ObjectNode vc = credentials.document(school, id).orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
        audit.record(caller, AuditLog.Action.DATA_EXTRACTED, school, id.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("what", "credential"));
        return vc;
    }
}
