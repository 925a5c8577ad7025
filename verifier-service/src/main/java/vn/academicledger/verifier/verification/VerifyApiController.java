package vn.academicledger.verifier.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.core.error.InvalidInputException;

/** {@code POST /api/v1/verify}: one credential as JSON in, every check out. */
@RestController
@Tag(name = "Verification", description = "Verify a credential given as JSON")
class VerifyApiController {
    private final CredentialVerification verification;

    VerifyApiController(CredentialVerification verification) {
        this.verification = verification;
    }

    @PostMapping(path = "/api/v1/verify", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json",
            "application/vc+ld+json", "application/vc"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a credential (JSON)",
            description = "The body is the credential exactly as issued. 200 with the verdict and every check, valid or "
                    + "not; 400 when the body is not a JSON object; 413 above the size limit.")
    @ApiResponse(responseCode = "200", description = "Verified: see verdict and checks")
    @ApiResponse(responseCode = "400", description = "Malformed request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Rate limit: wait Retry-After seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Ledger unavailable: nothing was verified",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    VerificationResponse verify(@RequestBody JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw new InvalidInputException("The body must be one credential, a JSON object; got "
                    + (credential == null ? "nothing" : credential.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + ". To verify a presentation use POST /presentations/verify.");
        }
        return VerificationResponse.of(verification.verify(credential));
    }
}
