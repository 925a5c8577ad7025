package vn.academicledger.verifier.pdf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.academicledger.verifier.qr.RecordSummaries;
import vn.academicledger.verifier.system.VerifierProperties;
import vn.academicledger.verifier.verification.ResultViews;

/** The upload page: {@code GET /pdf} shows the form, {@code POST /pdf} the result with the record. */
@Controller
@Tag(name = "Pages", description = "Server-rendered pages (text/html), Vietnamese by default, ?lang=en for English")
class PdfPageController {
    private final PdfCredentialVerification verification;
    private final ResultViews views;
    private final RecordSummaries summaries;
    private final long maxMegabytes;

    PdfPageController(PdfCredentialVerification verification, ResultViews views, RecordSummaries summaries,
                      VerifierProperties properties) {
        this.verification = verification;
        this.views = views;
        this.summaries = summaries;
        this.maxMegabytes = properties.limits().pdf().toMegabytes();
    }

    @GetMapping("/pdf")
    @Operation(summary = "PDF upload page (HTML)", description = "The form to upload a signed PDF.")
    String form(Model model) {
        model.addAttribute("maxMegabytes", maxMegabytes);
        return "pdf";
    }

    @PostMapping("/pdf")
    @Operation(summary = "PDF upload result (HTML)", description = "multipart field file: the result page with the PDF checks, the credential checks and the record.")
    String upload(@RequestParam("file") MultipartFile file, Model model, Locale locale) throws IOException {
        PdfCredentialVerification.Result result = verification.verify(file.getBytes());
        model.addAttribute("result", views.view(result.response(), result.credential(), locale, true));
        model.addAttribute("langPath", "/pdf");
        if (result.credential() != null && result.credential().isObject()) {
            model.addAttribute("valid", result.response().valid());
            model.addAttribute("record", summaries.of(result.credential(), locale));
        }
        return "result";
    }
}
