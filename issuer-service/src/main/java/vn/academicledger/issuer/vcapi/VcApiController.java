package vn.academicledger.issuer.vcapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.issuance.Credentials;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

/**
 * The W3C VC-API issuer endpoints (bearer tokens, like {@code /api/**}): issue a certificate, read back
 * one of the caller's school's credentials. Errors are RFC 9457 problem details.
 */
@RestController
@Tag(name = "VC-API")
class VcApiController {
    private static final String URN_UUID = "urn:uuid:";

    private final CertificateIssuance issuance;
    private final Credentials credentials;
    private final AuditLog audit;

    VcApiController(CertificateIssuance issuance, Credentials credentials, AuditLog audit) {
        this.issuance = issuance;
        this.credentials = credentials;
        this.audit = audit;
    }

    @PostMapping(value = "/credentials/issue", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "VC-API issue: {credential, options} → 201 {verifiableCredential}. Certificates (CertificateCredential) "
            + "only, by the school's signer, issuer = the school's DID; the service sets id, validFrom, credentialStatus and "
            + "signs (eddsa-rdfc-2022). 400 names what is wrong with the request.")
    ResponseEntity<ObjectNode> issue(Caller caller, @RequestBody(required = false) String body) {
        CertificateIssuance.Issued issued = issuance.issue(caller, body);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("verifiableCredential", issued.credential());
        return ResponseEntity.created(URI.create("/credentials/" + URN_UUID + issued.id())).body(response);
    }

    @GetMapping(value = "/credentials/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, "application/vc+ld+json"})
    @Operation(summary = "VC-API get: one of the caller's school's credentials (urn:uuid:… or the bare UUID), with its anchoring "
            + "receipt once anchored. An extract: audited.")
    ObjectNode get(Caller caller, @PathVariable String id) {
        caller.require(caller.schoolCode(), Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        UUID uuid = uuid(id).orElseThrow(() -> IssuerException.notFound("credential", id));
        ObjectNode credential = credentials.document(caller.schoolCode(), uuid)
                .orElseThrow(() -> IssuerException.notFound("credential", id));
        audit.record(caller, AuditLog.Action.DATA_EXTRACTED, caller.schoolCode(), uuid.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("what", "credential", "via", "VC-API"));
        return credential;
    }

    static Optional<UUID> uuid(String id) {
        String text = id.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length()) ? id.substring(URN_UUID.length()) : id;
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
