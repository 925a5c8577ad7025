package vn.academicledger.verifier.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Service;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.verify.CheckStatus;
import vn.academicledger.documents.verify.PdfReport;
import vn.academicledger.documents.verify.PdfVerification;
import vn.academicledger.documents.verify.SignatureCheck;
import vn.academicledger.verifier.system.VerifierException;
import vn.academicledger.verifier.system.VerifierProperties;
import vn.academicledger.verifier.verification.CredentialVerification;
import vn.academicledger.verifier.verification.VerificationResponse;

/**
 * Verifies an uploaded PDF: its PAdES signatures with the documents module's {@link PdfVerification}
 * (EU DSS, offline, trusting the configured roots), the credential attached to it with core's
 * verifier, and that both describe the same record: the attachment is the one the PDF was made and
 * signed with, and the page names the credential's holder and student number (or diploma number).
 * Two checks join the credential's: {@code pdf-signature} and {@code pdf-credential}.
 */
@Service
public class PdfCredentialVerification {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialVerification credentials;
    private final Path trustAnchorsFile;
    private volatile List<X509Certificate> trustAnchors;

    public PdfCredentialVerification(CredentialVerification credentials, VerifierProperties properties) {
        this.credentials = credentials;
        this.trustAnchorsFile = properties.pdfTrustAnchors();
    }

    /** @param credential the attached credential, or null when there is none (or it is not JSON) */
    public record Result(VerificationResponse response, JsonNode credential, PdfReport report) {
    }

    public Result verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new InvalidInputException("The upload is empty; choose the PDF file to verify");
        }
        if (!looksLikePdf(pdf)) {
            throw VerifierException.notAPdf("it does not start with %PDF-");
        }
        String pageText = pageText(pdf);
        List<X509Certificate> roots = trustAnchors();
        PdfReport report = roots.isEmpty() ? null : PdfVerification.trusting(roots).verify(pdf);

        JsonNode credential = null;
        String attachmentProblem = null;
        try {
            credential = JSON.readTree(PdfVerification.attachedCredential(pdf));
        } catch (InvalidInputException e) {
            attachmentProblem = e.getMessage();
        } catch (IOException e) {
            attachmentProblem = "the attached credential.json is not JSON: " + e.getMessage();
        }
        CredentialVerification.Verification verification = credentials.verify(credential == null ? NullNode.getInstance()
                : credential);
        List<VerificationResponse.Check> extra = new ArrayList<>();
        extra.add(signatureCheck(report, roots));
        extra.add(sameRecordCheck(report, credential, attachmentProblem, pageText));
        return new Result(VerificationResponse.of(verification, extra), credential, report);
    }

    private VerificationResponse.Check signatureCheck(PdfReport report, List<X509Certificate> roots) {
        Map<String, String> label = Map.of("vi", "Chữ ký số trên tệp PDF", "en", "Digital signatures on the PDF");
        if (report == null) {
            return new VerificationResponse.Check("pdf-signature", CheckStatus.FAILED, label,
                    "no trusted root is configured for PDF signatures (verifier.pdf.trust-anchors, now " + trustAnchorsFile
                            + "), so no signature can be trusted", Map.of());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("signers", report.signatures().stream().map(SignatureCheck::signer).collect(Collectors.joining(", ")));
        for (SignatureCheck s : report.signatures()) {
            details.put("signature " + s.number(), s.signer() + " · " + s.level() + " · " + s.indication());
            s.timestampTime().ifPresent(t -> details.put("timestamp " + s.number(), t.toString()));
        }
        List<String> problems = new ArrayList<>(report.documentProblems());
        for (SignatureCheck s : report.signatures()) {
            s.reasons().forEach(r -> problems.add("signature " + s.number() + " (" + s.signer() + "): " + r));
        }
        boolean valid = problems.isEmpty() && !report.signatures().isEmpty()
                && report.signatures().stream().allMatch(SignatureCheck::valid);
        return new VerificationResponse.Check("pdf-signature", valid ? CheckStatus.PASSED : CheckStatus.FAILED, label,
                valid ? report.signatures().size() + " PAdES signature(s) valid and nothing changed after them: "
                        + details.get("signers") : String.join("; ", problems), details);
    }

    private static VerificationResponse.Check sameRecordCheck(PdfReport report, JsonNode credential, String attachmentProblem,
                                                             String pageText) {
        Map<String, String> label = Map.of("vi", "Tệp PDF khớp chứng chỉ đính kèm", "en", "PDF matches the attached credential");
        List<String> problems = new ArrayList<>();
        if (attachmentProblem != null) {
            problems.add(attachmentProblem);
        }
        if (report != null) {
            problems.addAll(report.attachment().reasons());
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (credential != null) {
            JsonNode subject = credential.path("credentialSubject");
            List<String> mustAppear = new ArrayList<>();
            for (String field : List.of("fullName", "studentNumber")) {
                if (subject.path(field).isTextual()) {
                    mustAppear.add(subject.get(field).asText());
                }
            }
            JsonNode diploma = subject.path("diploma");
            if (diploma.path("serialNumber").isTextual()) {
                mustAppear.add(diploma.get("serialNumber").asText());
            }
            String page = normalized(pageText);
            for (String value : mustAppear) {
                if (!page.contains(normalized(value))) {
                    problems.add("the page does not show '" + value + "', which the attached credential states");
                }
            }
            details.put("credentialId", credential.path("id").asText(""));
            details.put("shownOnThePage", String.join(", ", mustAppear));
        }
        boolean ok = problems.isEmpty() && credential != null;
        return new VerificationResponse.Check("pdf-credential", ok ? CheckStatus.PASSED : CheckStatus.FAILED, label,
                ok ? "the PDF was made and signed with this credential attached, and its page names the same holder"
                        : String.join("; ", problems), details);
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }

    private static String pageText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(2, document.getNumberOfPages()));
            return stripper.getText(document);
        } catch (IOException e) {
            throw VerifierException.notAPdf(e.getMessage());
        }
    }

    private static boolean looksLikePdf(byte[] bytes) {
        int limit = Math.min(bytes.length, 1024);
        for (int i = 0; i + 5 <= limit; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F' && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** Read when first needed, and again while missing (./ledger demo may create it after the service started). */
    private List<X509Certificate> trustAnchors() {
        List<X509Certificate> known = trustAnchors;
        if (known != null) {
            return known;
        }
        if (!Files.isRegularFile(trustAnchorsFile)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(trustAnchorsFile)) {
            List<X509Certificate> roots = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            trustAnchors = roots;
            return roots;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("Cannot read the PDF trust anchors " + trustAnchorsFile + ": " + e.getMessage(), e);
        }
    }
}
