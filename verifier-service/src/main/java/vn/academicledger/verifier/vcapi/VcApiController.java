package vn.academicledger.verifier.vcapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.verify.CheckStatus;
import vn.academicledger.verifier.verification.CredentialVerification;
import vn.academicledger.verifier.verification.VerificationResponse;

/**
 * The W3C VC-API verifier endpoints. A well-formed request gets 200 with the result, whether the
 * credential or presentation is valid or not ({@code verified}); a malformed request gets 400 problem
 * details saying what to fix.
 */
@RestController
@Tag(name = "VC-API", description = "W3C CCG VC-API verifier: POST /credentials/verify, POST /presentations/verify")
class VcApiController {
    private static final String VC_DM = "https://www.w3.org/TR/vc-data-model-2.0/#";

    private final CredentialVerification credentials;
    private final PresentationVerification presentations;

    VcApiController(CredentialVerification credentials, PresentationVerification presentations) {
        this.credentials = credentials;
        this.presentations = presentations;
    }

    /** A problem found in what was verified (not in the request): RFC 9457 members, VC DM 2.0 error types. */
    record VerificationProblem(String type, String title, String detail) {
    }

    /**
     * @param verified       true when every check passed
     * @param checks         the checks that passed
     * @param warnings       checks that did not apply or could not run, with the reason
     * @param errors         the checks that failed
     * @param problemDetails one entry per failed check
     * @param results        every check with its reason and data (the verifier's own report)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerifyCredentialResponse(boolean verified, List<String> checks, List<String> warnings, List<String> errors,
                                    List<VerificationProblem> problemDetails, VerificationResponse results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerifyPresentationResponse(boolean verified, List<String> checks, List<String> warnings, List<String> errors,
                                      List<VerificationProblem> problemDetails,
                                      List<PresentationVerification.Check> presentationResults,
                                      List<VerificationResponse> credentialResults) {
    }

    @PostMapping(path = "/credentials/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "verifyCredential", summary = "Verify a credential (VC-API)",
            description = "Body: {\"verifiableCredential\": {…}, \"options\": {}}. 200 with verified true or false and "
                    + "every check; 400 when the body is not such an object (e.g. an enveloped/JWT credential).",
            requestBody = @RequestBody(content = @Content(schema = @Schema(example = "{\"verifiableCredential\": {\"@context\": "
                    + "[\"https://www.w3.org/ns/credentials/v2\", \"https://w3id.org/academic-ledger/v1\"], \"type\": "
                    + "[\"VerifiableCredential\", \"ReportCardCredential\"], \"…\": \"…\"}, \"options\": {}}"))))
    @ApiResponse(responseCode = "200", description = "Verification ran; see verified")
    @ApiResponse(responseCode = "400", description = "Malformed request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body too large")
    @ApiResponse(responseCode = "429", description = "Rate limit: wait Retry-After seconds")
    VerifyCredentialResponse verifyCredential(@org.springframework.web.bind.annotation.RequestBody JsonNode body) {
        requireObject(body, "{\"verifiableCredential\": {…}, \"options\": {}}");
        JsonNode credential = body.get("verifiableCredential");
        if (credential == null || credential.isNull()) {
            throw new InvalidInputException("The request has no verifiableCredential; send {\"verifiableCredential\": {…}}");
        }
        if (credential.isTextual()) {
            throw new InvalidInputException("verifiableCredential is a string: enveloped (JWT, SD-JWT, COSE) credentials are not "
                    + "supported; send the credential's JSON-LD object secured with a Data Integrity proof");
        }
        if (!credential.isObject()) {
            throw new InvalidInputException("verifiableCredential must be a JSON object (the credential)");
        }
        options(body);
        VerificationResponse result = VerificationResponse.of(credentials.verify(credential));
        List<String> passed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<VerificationProblem> problems = new ArrayList<>();
        for (VerificationResponse.Check c : result.checks()) {
            switch (c.status()) {
                case PASSED -> passed.add(c.check());
                case SKIPPED -> warnings.add(c.check() + ": " + c.reason());
                case FAILED -> {
                    errors.add(c.check());
                    problems.add(problem(c.check(), c.label().get("en"), c.reason()));
                }
            }
        }
        return new VerifyCredentialResponse(result.valid(), passed, warnings, errors, problems, result);
    }

    @PostMapping(path = "/presentations/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "verifyPresentation", summary = "Verify a presentation (VC-API)",
            description = "Body: {\"verifiablePresentation\": {…}, \"options\": {\"challenge\": \"…\", \"domain\": \"…\"}}, or "
                    + "{\"presentation\": {…}} for one without proof. The holder's proof (purpose authentication, did:key) "
                    + "must answer options.challenge (required for a signed presentation) and, when given, options.domain; "
                    + "every credential inside is verified. 200 with verified true or false; 400 for a malformed request.",
            requestBody = @RequestBody(content = @Content(schema = @Schema(example = "{\"verifiablePresentation\": {\"@context\": "
                    + "[\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiablePresentation\"], \"holder\": "
                    + "\"did:key:z6Mk…\", \"verifiableCredential\": [{\"…\": \"…\"}], \"proof\": {\"…\": \"…\"}}, "
                    + "\"options\": {\"challenge\": \"1f3b…\", \"domain\": \"tuyensinh.example.edu.vn\"}}"))))
    @ApiResponse(responseCode = "200", description = "Verification ran; see verified")
    @ApiResponse(responseCode = "400", description = "Malformed request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body too large")
    @ApiResponse(responseCode = "429", description = "Rate limit: wait Retry-After seconds")
    VerifyPresentationResponse verifyPresentation(@org.springframework.web.bind.annotation.RequestBody JsonNode body) {
        requireObject(body, "{\"verifiablePresentation\": {…}, \"options\": {\"challenge\": \"…\"}}");
        JsonNode signed = body.get("verifiablePresentation");
        JsonNode proofless = body.get("presentation");
        if ((signed == null || signed.isNull()) && (proofless == null || proofless.isNull())) {
            throw new InvalidInputException("The request has no verifiablePresentation; send {\"verifiablePresentation\": {…}, "
                    + "\"options\": {\"challenge\": \"…\"}}");
        }
        JsonNode presentation = signed != null && !signed.isNull() ? signed : proofless;
        String name = presentation == signed ? "verifiablePresentation" : "presentation";
        if (presentation.isTextual()) {
            throw new InvalidInputException(name + " is a string: enveloped (JWT, SD-JWT, COSE) presentations are not "
                    + "supported; send the presentation's JSON-LD object with a Data Integrity proof");
        }
        if (!presentation.isObject()) {
            throw new InvalidInputException(name + " must be a JSON object (the presentation)");
        }
        JsonNode options = options(body);
        String challenge = text(options, "challenge");
        String domain = text(options, "domain");
        boolean withoutProof = presentation == proofless;
        if (!withoutProof && presentation.has("proof") && challenge == null) {
            throw new InvalidInputException("options.challenge is required: give the challenge you asked the holder to sign, "
                    + "so that a replayed presentation is refused");
        }
        PresentationVerification.Result result = presentations.verify((ObjectNode) presentation, challenge, domain, withoutProof);
        List<String> passed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<VerificationProblem> problems = new ArrayList<>();
        for (PresentationVerification.Check c : result.presentationChecks()) {
            switch (c.status()) {
                case PASSED -> passed.add(c.check());
                case SKIPPED -> warnings.add(c.check() + ": " + c.reason());
                case FAILED -> {
                    errors.add(c.check());
                    problems.add(problem(c.check(), c.check(), c.reason()));
                }
            }
        }
        for (int i = 0; i < result.credentialResults().size(); i++) {
            for (VerificationResponse.Check c : result.credentialResults().get(i).checks()) {
                if (c.status() == CheckStatus.FAILED) {
                    String where = "verifiableCredential[" + i + "]." + c.check();
                    errors.add(where);
                    problems.add(problem(c.check(), where, c.reason()));
                }
            }
        }
        return new VerifyPresentationResponse(result.verified(), passed, warnings, errors, problems,
                result.presentationChecks(), result.credentialResults());
    }

    private static void requireObject(JsonNode body, String shape) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("The body must be a JSON object: " + shape);
        }
    }

    private static JsonNode options(JsonNode body) {
        JsonNode options = body.get("options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw new InvalidInputException("options must be a JSON object");
        }
        return options == null ? null : options;
    }

    private static String text(JsonNode options, String name) {
        if (options == null || options.isNull() || !options.has(name) || options.get(name).isNull()) {
            return null;
        }
        if (!options.get(name).isTextual() || options.get(name).asText().isEmpty()) {
            throw new InvalidInputException("options." + name + " must be a non-empty string");
        }
        return options.get(name).asText();
    }

    /** VC DM 2.0's error types where one fits, else the check's own id. */
    private static VerificationProblem problem(String check, String title, String detail) {
        String type = switch (check) {
            case "structure", "presentation-structure" -> VC_DM + "MALFORMED_VALUE_ERROR";
            case "proof", "presentation-proof", "challenge", "domain", "holder" -> VC_DM + "CRYPTOGRAPHIC_SECURITY_ERROR";
            default -> "https://w3id.org/academic-ledger/checks#" + check;
        };
        return new VerificationProblem(type, title, detail);
    }
}
