package vn.academicledger.issuer.schools;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.core.domain.School;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

@RestController
@RequestMapping("/api/v1/schools")
@Tag(name = "Schools / Trường")
class SchoolController {
    private final Schools schools;
    private final jakarta.validation.Validator validator;

    SchoolController(Schools schools, jakarta.validation.Validator validator) {
        this.schools = schools;
        this.validator = validator;
    }

    record AccreditRequest(@NotBlank @Pattern(regexp = "\\d{8}", message = "must be the 8-digit mã trường") String code,
                           @NotBlank String name, @NotBlank String did, @NotBlank String address, @NotBlank String ward,
                           String district, @NotBlank String province) {
    }

    @PostMapping
    @Operation(summary = "Accredit a school (department admin): stores it, makes its signing key, registers both on the ledger")
    ResponseEntity<SchoolRecord> accredit(Caller caller, @RequestBody AccreditRequest request) {
        caller.require(Role.DEPARTMENT_ADMIN);
        // Validated after the role check, so a caller who may not accredit learns nothing from the answer.
        java.util.Set<jakarta.validation.ConstraintViolation<AccreditRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw IssuerException.invalid("INVALID_REQUEST", violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().reduce((a, b) -> a + "; " + b).orElse(""));
        }
        SchoolRecord created = schools.accredit(caller, new School(request.code(), request.name(), request.address(),
                request.ward(), request.district(), request.province(), request.did()));
        return ResponseEntity.created(URI.create("/api/v1/schools/" + created.code())).body(created);
    }

    @GetMapping
    @Operation(summary = "Schools this account may see: all for the department and auditors, its own for a school")
    List<SchoolRecord> list(Caller caller) {
        if (caller.role().schoolScoped()) {
            return List.of(schools.get(caller.schoolCode()));
        }
        caller.require(Role.DEPARTMENT_ADMIN, Role.AUDITOR);
        return schools.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One school")
    SchoolRecord get(Caller caller, @PathVariable String code) {
        caller.require(code, Role.DEPARTMENT_ADMIN, Role.AUDITOR, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        return schools.get(code);
    }

    @PostMapping("/{code}/keys/rotate")
    @Operation(summary = "Rotate the school's signing key (department admin); credentials signed before stay valid")
    SchoolRecord rotate(Caller caller, @PathVariable String code) {
        caller.require(Role.DEPARTMENT_ADMIN);
        return schools.rotateKey(caller, code);
    }
}
