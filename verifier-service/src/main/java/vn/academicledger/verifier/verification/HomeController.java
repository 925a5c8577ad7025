package vn.academicledger.verifier.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.verifier.qr.RecordSummaries;
import vn.academicledger.verifier.system.VerifierProperties;

/** The home page, and verifying a credential pasted into its form. */
@Controller
@Tag(name = "Pages", description = "Server-rendered pages (text/html), Vietnamese by default, ?lang=en for English")
class HomeController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialVerification verification;
    private final ResultViews views;
    private final RecordSummaries summaries;
    private final long statusTtlSeconds;

    HomeController(CredentialVerification verification, ResultViews views, RecordSummaries summaries,
                   VerifierProperties properties) {
        this.verification = verification;
        this.views = views;
        this.summaries = summaries;
        this.statusTtlSeconds = properties.ledger().statusTtl().toSeconds();
    }

    @GetMapping("/")
    @Operation(summary = "Home page (HTML)", description = "Upload a PDF or paste a credential.")
    String home(Model model) {
        model.addAttribute("statusTtlSeconds", statusTtlSeconds);
        return "home";
    }

    @PostMapping("/verify")
    @Operation(summary = "Pasted credential result (HTML)", description = "Form field credential: the credential JSON; the result page with every check and the record.")
    String pasted(@RequestParam("credential") String text, Model model, Locale locale) {
        JsonNode credential;
        try {
            credential = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The text is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage() + ". Paste the credential exactly as issued.");
        }
        if (credential == null || !credential.isObject()) {
            throw new InvalidInputException("The text is not one credential (a JSON object). Paste the credential exactly as issued.");
        }
        CredentialVerification.Verification result = verification.verify(credential);
        model.addAttribute("result", views.view(result, credential, locale, true));
        model.addAttribute("valid", result.valid());
        model.addAttribute("record", summaries.of(credential, locale));
        model.addAttribute("langPath", "/");
        return "result";
    }
}
