package vn.academicledger.verifier.qr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.verifier.directory.CredentialDirectory;
import vn.academicledger.verifier.system.VerifierException;
import vn.academicledger.verifier.verification.CredentialVerification;
import vn.academicledger.verifier.verification.VerificationResponse;

/** QR codes for apps: verify what a scanned code points to. */
@RestController
@Tag(name = "QR codes", description = "Verify the credential behind a QR code printed on a document")
class QrApiController {
    private final CredentialDirectory directory;
    private final CredentialVerification verification;
    private final RecordSummaries summaries;

    QrApiController(CredentialDirectory directory, CredentialVerification verification, RecordSummaries summaries) {
        this.directory = directory;
        this.verification = verification;
        this.summaries = summaries;
    }

    /** @param qr the text of the QR code, {@code https://…/v/<uuid>#t=<token>} */
    record QrRequest(@NotBlank @Schema(example = "https://verify.hcm.edu.vn/v/159a7508-6147-4974-878c-82343be41356#t=Zm9vYmFyYmF6cXV4MTIzNA")
                     String qr) {
    }

    /**
     * @param accessToken ACCEPTED (the record is included), REJECTED (forged, or another credential's) or ABSENT
     * @param record      the holder's details, only with an accepted token
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QrResult(VerificationResponse verification, String accessToken, RecordSummary record) {
    }

    @PostMapping(path = "/api/v1/qr", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the credential a scanned QR code points to",
            description = "Send the QR code's text. The verdict and checks are always returned; the holder's details only "
                    + "when the code's access token is the one issued for that credential. 400 for text that is not a "
                    + "verification link, 404 for an unknown credential.")
    @ApiResponse(responseCode = "200", description = "Verified")
    @ApiResponse(responseCode = "400", description = "Not a verification link, or a malformed token")
    @ApiResponse(responseCode = "404", description = "No credential with that code")
    QrResult scan(@Valid @RequestBody QrRequest request, Locale locale) {
        QrLink link = QrLink.parse(request.qr());
        ObjectNode credential = find(link.credentialId());
        VerificationResponse result = VerificationResponse.of(verification.verify(credential));
        if (link.token().isEmpty()) {
            return new QrResult(result, "ABSENT", null);
        }
        if (!directory.acceptsToken(link.credentialId(), link.token().get())) {
            return new QrResult(result, "REJECTED", null);
        }
        return new QrResult(result, "ACCEPTED", summaries.of(credential, locale));
    }

    @GetMapping(path = "/api/v1/credentials/{code}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a credential known to this service by its code",
            description = "The verdict and every check; no personal data. 404 when no credential has that code.")
    @ApiResponse(responseCode = "200", description = "Verified")
    @ApiResponse(responseCode = "404", description = "No credential with that code")
    VerificationResponse byCode(@PathVariable String code) {
        return VerificationResponse.of(verification.verify(find(QrLink.uuid(code))));
    }

    private ObjectNode find(UUID id) {
        return directory.find(id).orElseThrow(() -> VerifierException.credentialNotFound(id.toString()));
    }
}
