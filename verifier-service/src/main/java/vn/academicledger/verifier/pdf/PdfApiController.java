package vn.academicledger.verifier.pdf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.academicledger.verifier.verification.VerificationResponse;

/** {@code POST /api/v1/pdf/verify}: a signed PDF in, its signatures, its credential and their match out. */
@RestController
@Tag(name = "PDF", description = "Verify a signed report card or diploma PDF")
class PdfApiController {
    private final PdfCredentialVerification verification;

    PdfApiController(PdfCredentialVerification verification) {
        this.verification = verification;
    }

    @PostMapping(path = "/api/v1/pdf/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify a signed PDF",
            description = "multipart/form-data with the PDF as field 'file'. Validates every PAdES signature offline, "
                    + "extracts the attached credential and verifies it, and checks that both describe the same record "
                    + "(checks pdf-signature and pdf-credential after the credential's own). 200 with the verdict; 400 for "
                    + "a file that is not a PDF; 413 above the size limit. The file is not stored.")
    @ApiResponse(responseCode = "200", description = "Verified: see verdict and checks")
    @ApiResponse(responseCode = "400", description = "Not a PDF, or no file",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "File too large",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    VerificationResponse verify(@RequestPart("file") MultipartFile file) throws IOException {
        return verification.verify(file.getBytes()).response();
    }
}
