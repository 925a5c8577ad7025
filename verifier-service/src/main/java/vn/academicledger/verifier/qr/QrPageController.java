package vn.academicledger.verifier.qr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.academicledger.verifier.directory.CredentialDirectory;
import vn.academicledger.verifier.system.VerifierException;
import vn.academicledger.verifier.verification.CredentialVerification;
import vn.academicledger.verifier.verification.ResultViews;

/**
 * The page a QR code opens: {@code GET /v/<uuid>} renders the verdict and every check (no personal
 * data); its script reads the token from the fragment ({@code #t=…}) and posts it to
 * {@code /v/<uuid>/record}, which answers the record summary as an HTML fragment when the token is
 * the one for this credential.
 */
@Controller
@Tag(name = "Pages", description = "Server-rendered pages (text/html), Vietnamese by default, ?lang=en for English")
class QrPageController {
    private final CredentialDirectory directory;
    private final CredentialVerification verification;
    private final ResultViews views;
    private final RecordSummaries summaries;

    QrPageController(CredentialDirectory directory, CredentialVerification verification, ResultViews views,
                     RecordSummaries summaries) {
        this.directory = directory;
        this.verification = verification;
        this.views = views;
        this.summaries = summaries;
    }

    @GetMapping("/v/{code}")
    @Operation(summary = "QR landing page (HTML)", description = "What a QR code opens: the verdict and every check in Vietnamese (?lang=en for English), no personal data. The page script posts the token from the URL fragment (#t=…) to /v/{code}/record.")
    String page(@PathVariable String code, Model model, Locale locale) {
        UUID id = QrLink.uuid(code);
        ObjectNode credential = directory.find(id).orElseThrow(() -> VerifierException.credentialNotFound(code));
        CredentialVerification.Verification result = verification.verify(credential);
        model.addAttribute("result", views.view(result, credential, locale, false));
        model.addAttribute("recordUrl", "/v/" + id + "/record");
        model.addAttribute("langPath", "/v/" + id);
        return "result";
    }

    @PostMapping("/v/{code}/record")
    @Operation(summary = "Record summary behind a QR token (HTML fragment)", description = "Form field t: the access token from the QR code. 200 with the holder and results when the token is the one for this credential; 403 with a sentence otherwise.")
    String record(@PathVariable String code, @RequestParam(name = "t", required = false) String token, Model model,
                  Locale locale, HttpServletResponse response) {
        UUID id = QrLink.uuid(code);
        ObjectNode credential = directory.find(id).orElseThrow(() -> VerifierException.credentialNotFound(code));
        if (!directory.acceptsToken(id, token)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "fragments/record :: refused";
        }
        CredentialVerification.Verification result = verification.verify(credential);
        model.addAttribute("valid", result.valid());
        model.addAttribute("record", summaries.of(credential, locale));
        model.addAttribute("consistency", views.view(result, credential, locale, true).checks().stream()
                .filter(c -> c.id().equals("results-consistent") && c.status().equals("failed")).findFirst().orElse(null));
        return "fragments/record :: record";
    }
}
