package vn.academicledger.issuer.revocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

@RestController
@Tag(name = "Revocation / Thu hồi")
class RevocationController {
    private final Revocations revocations;

    RevocationController(Revocations revocations) {
        this.revocations = revocations;
    }

    /**
     * @param reasonCode one of {@link RevocationReason} (the code written on the ledger)
     * @param note       free text kept in this service's audit log only, never on the ledger
     */
    record RevokeRequest(String reasonCode, String note) {
    }

    record Reason(String code, String vi, String en) {
    }

    @PostMapping("/api/v1/schools/{school}/credentials/{id}/revoke")
    @Operation(summary = "Revoke a credential (school issuer or signer of its school): recorded on the ledger first, then "
            + "here, then in the school's Bitstring Status List. 409 if it is revoked already; 503 if the ledger is "
            + "unavailable (nothing was changed: repeat the request).")
    Revocations.Revoked revoke(Caller caller, @PathVariable String school, @PathVariable UUID id,
                               @RequestBody(required = false) RevokeRequest request) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        if (request == null) {
            throw IssuerException.invalid("MISSING_BODY", "Send {\"reasonCode\": \"ISSUED_IN_ERROR\", \"note\": \"...\"}; "
                    + "reason codes: " + Arrays.toString(RevocationReason.values()) + ".");
        }
        RevocationReason reason = RevocationReason.ofCode(request.reasonCode());
        return revocations.revoke(caller, school, id, reason, request.note());
    }

    @GetMapping("/api/v1/revocation-reasons")
    @Operation(summary = "The reasons a credential can be revoked for, with their Vietnamese and English labels")
    List<Reason> reasons() {
        return Arrays.stream(RevocationReason.values()).map(r -> new Reason(r.code(), r.vietnamese(), r.english())).toList();
    }
}
