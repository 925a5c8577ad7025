package vn.academicledger.verifier.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /problems}: what each problem type means and what to do; problem details' {@code type} points here. */
@Controller
@Tag(name = "Pages", description = "Server-rendered pages (text/html), Vietnamese by default, ?lang=en for English")
class ProblemsPage {
    static final List<Problem> CATALOGUE = List.of(
            new Problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input",
                    "The request is not what the endpoint takes; the detail names the property and the fix."),
            new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed JSON",
                    "The body is not valid JSON; the detail gives line and column. Send the credential exactly as issued."),
            new Problem(HttpStatus.BAD_REQUEST, "MALFORMED_UPLOAD", "Malformed upload",
                    "Send the PDF as multipart/form-data, field 'file'."),
            new Problem(HttpStatus.BAD_REQUEST, "MISSING_FILE", "File missing", "The upload has no field 'file'."),
            new Problem(HttpStatus.BAD_REQUEST, "NOT_A_PDF", "Not a PDF",
                    "The file is not a readable PDF. Upload the PDF the school gave you, not a scan or a photo."),
            new Problem(HttpStatus.FORBIDDEN, "ACCESS_TOKEN_INVALID", "Access token not valid for this credential",
                    "The token in the link is not the one printed for this credential. Scan the QR code on the original again."),
            new Problem(HttpStatus.NOT_FOUND, "CREDENTIAL_NOT_FOUND", "Credential not found",
                    "No credential with that code is known here. Check the whole QR code was scanned, or ask the issuing school."),
            new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", "Nothing at this address."),
            new Problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed", "Use the method the detail names."),
            new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large",
                    "Bodies are limited (JSON and PDF separately); send one credential or one PDF at a time."),
            new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send application/json (credentials, presentations) or multipart/form-data (PDF)."),
            new Problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests",
                    "Wait the number of seconds in Retry-After. Each client address has a small budget of requests."),
            new Problem(HttpStatus.BAD_GATEWAY, "LEDGER_*", "Ledger refused the request",
                    "The ledger refused the service's query; nothing was verified. Report it to the department."),
            new Problem(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_UNAVAILABLE", "Ledger unavailable",
                    "The ledger could not be read; nothing was verified. Retry after Retry-After seconds."),
            new Problem(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_CORRUPTED", "Ledger failed its integrity check",
                    "No verification can be trusted until the operator restores the ledger."),
            new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Unexpected error",
                    "Nothing was verified. Try again; if it persists, report the time to the department."));

    @GetMapping("/problems")
    @Operation(summary = "Problem types (HTML)", description = "What each problem type of the API means and what to do; problem details point here.")
    String problems(Model model) {
        model.addAttribute("problems", CATALOGUE);
        return "problems";
    }
}
