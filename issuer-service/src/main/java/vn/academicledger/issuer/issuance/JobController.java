package vn.academicledger.issuer.issuance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

@RestController
@RequestMapping("/api/v1/schools/{school}/jobs")
@Tag(name = "Issuance jobs / Đợt cấp")
class JobController {
    private final IssuanceJobs jobs;

    JobController(IssuanceJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * @param type        REPORT_CARD or DIPLOMA
     * @param classId     the class to issue for
     * @param studentId   or one student
     * @param cryptosuite eddsa-rdfc-2022 or eddsa-jcs-2022; default jcs for report cards, rdfc for diplomas
     */
    record CreateRequest(String type, UUID classId, UUID studentId, String cryptosuite) {
    }

    record RejectRequest(String reason) {
    }

    @PostMapping
    @Operation(summary = "Prepare an issuance job (school issuer or signer). A signer's job starts at once; "
            + "an issuer's waits for the signer's approval. 202 with the job; follow Location for progress.")
    ResponseEntity<Job> create(Caller caller, @PathVariable String school, @RequestBody CreateRequest request) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        CredentialType type = parseType(request.type());
        Cryptosuite suite = parseSuite(request.cryptosuite(), type);
        Job job = jobs.create(caller, school, new IssuanceJobs.Request(type, request.classId(), request.studentId(), suite));
        return ResponseEntity.accepted().location(URI.create("/api/v1/schools/" + school + "/jobs/" + job.id())).body(job);
    }

    @GetMapping
    @Operation(summary = "The school's recent jobs")
    List<Job> list(Caller caller, @PathVariable String school) {
        return jobs.list(caller, school);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status and progress: total, done, failed with reasons")
    Job get(Caller caller, @PathVariable String school, @PathVariable UUID id) {
        return jobs.get(caller, school, id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a job (the school's signer)")
    Job approve(Caller caller, @PathVariable String school, @PathVariable UUID id) {
        return jobs.approve(caller, school, id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a job (the school's signer)")
    Job reject(Caller caller, @PathVariable String school, @PathVariable UUID id, @RequestBody(required = false) RejectRequest body) {
        return jobs.reject(caller, school, id, body == null ? null : body.reason());
    }

    static CredentialType parseType(String type) {
        if (type == null) {
            throw IssuerException.invalid("MISSING_TYPE", "Name the credential type: REPORT_CARD or DIPLOMA.");
        }
        try {
            return CredentialType.valueOf(type.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw IssuerException.invalid("UNKNOWN_TYPE", "Unknown credential type '" + type + "'; use REPORT_CARD or DIPLOMA.");
        }
    }

    /** Report cards default to eddsa-jcs-2022 (large documents, fastest to sign and check); diplomas to eddsa-rdfc-2022. */
    static Cryptosuite parseSuite(String suite, CredentialType type) {
        if (suite == null || suite.isBlank()) {
            return type == CredentialType.REPORT_CARD ? Cryptosuite.EDDSA_JCS_2022 : Cryptosuite.EDDSA_RDFC_2022;
        }
        for (Cryptosuite c : Cryptosuite.values()) {
            if (c.name().equalsIgnoreCase(suite.replace('-', '_')) || c.toString().equalsIgnoreCase(suite)) {
                return c;
            }
        }
        throw IssuerException.invalid("UNKNOWN_CRYPTOSUITE", "Unknown cryptosuite '" + suite + "'; use eddsa-rdfc-2022 or eddsa-jcs-2022.");
    }
}
