package vn.academicledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.verify.PdfReport;
import vn.academicledger.documents.verify.PdfVerification;
import vn.academicledger.documents.verify.SignatureCheck;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.verify.CheckResult;
import vn.academicledger.core.verify.CheckStatus;
import vn.academicledger.core.verify.CredentialVerifier;
import vn.academicledger.core.verify.VerificationReport;

/**
 * {@code ./ledger verify FILE [--ledger embedded|fabric]}: every check of one credential against the
 * chosen ledger, exit 0 when valid and 1 when not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Kiểm tra một chứng chỉ / Verify one credential file: its JSON, or a signed PDF that carries it.",
                "For a PDF: its PAdES signatures (trusting the development PKI in --data), the attached credential,",
                "and that the attachment is the one the PDF was signed with.",
                "Exit code 0: valid; 1: not valid; 2: the file could not be read."})
final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", description = "the credential (.json) or a PDF made by ./ledger demo (.pdf)")
    Path file;

    @Option(names = "--data", defaultValue = ".ledger-data", description = "the embedded default's data folder (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--ledger", paramLabel = "embedded|fabric",
            description = {"which ledger to ask: the embedded ledger in --data, or the local Fabric network",
                    "(default: the one the credential's receipt names, else embedded)"})
    LedgerKind ledger;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("Không tìm thấy tệp / No such file: " + file);
            return 2;
        }
        byte[] bytes = Files.readAllBytes(file);
        PdfReport pdfReport = null;
        if (bytes.length >= 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            try (DevelopmentDocuments documents = DevelopmentDocuments.open(dataDir)) {
                pdfReport = documents.verification().verify(bytes);
                bytes = PdfVerification.attachedCredential(bytes);
            } catch (vn.academicledger.core.error.AcademicLedgerException e) {
                if (pdfReport == null) {
                    System.err.println("Không đọc được PDF / The PDF cannot be read: " + e.getMessage());
                    return 2;
                }
                printPdf(pdfReport, System.out);
                System.out.println("KHÔNG HỢP LỆ / NOT VALID — failed: pdf-credential (" + e.getMessage() + ")");
                return 1;
            }
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            System.err.println("Tệp không phải JSON hợp lệ / The file is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
            return 2;
        }
        LedgerKind kind = ledger != null ? ledger : ledgerNamedBy(json);
        // Read-only: verifying works alongside a writer (./ledger demo, the issuer service) and changes nothing.
        try (Workspace ws = Workspace.openForReading(dataDir, kind);
                LedgerPort port = ws.connect(Workspace.PUBLIC_VERIFIER)) {
            noteOtherLedger(json, ws.ledgerName());
            if (ws.emptyEmbeddedLedger()) {
                System.err.println("Lưu ý / Note: the embedded ledger in " + dataDir.resolve("ledger")
                        + " holds no blocks yet (did ./ledger demo run with this --data?)");
            }
            VerificationReport report = DemoCommand.verifier(port).verify(json);
            if (pdfReport == null) {
                print(report, System.out);
                return report.valid() ? 0 : 1;
            }
            printPdf(pdfReport, System.out);
            print(report, System.out);
            if (!pdfReport.valid()) {
                System.out.println("KHÔNG HỢP LỆ / NOT VALID — the PDF failed: " + String.join("; ", pdfReport.failures()));
                return 1;
            }
            return report.valid() ? 0 : 1;
        }
    }

    /** The ledger the credential's receipt names, when it is one of ours; else the embedded default. */
    private static LedgerKind ledgerNamedBy(JsonNode credential) {
        for (JsonNode receipt : CredentialDigest.receipts(credential)) {
            for (LedgerKind kind : LedgerKind.values()) {
                if (kind.receiptName().equals(receipt.path("ledger").asText(""))) {
                    return kind;
                }
            }
        }
        return LedgerKind.EMBEDDED;
    }

    /** A receipt from another ledger cannot be found on this one: say so before the checks say "not anchored". */
    private static void noteOtherLedger(JsonNode credential, String asked) {
        for (JsonNode receipt : CredentialDigest.receipts(credential)) {
            String named = receipt.path("ledger").asText("");
            if (!named.isEmpty() && !named.equals(asked)) {
                String option = named.equals(LedgerKind.FABRIC.receiptName()) ? " (try --ledger fabric)"
                        : named.equals(LedgerKind.EMBEDDED.receiptName()) ? " (try --ledger embedded)" : "";
                System.err.println("Lưu ý / Note: the credential was anchored on ledger '" + named + "'; asking '"
                        + asked + "'" + option);
            }
        }
    }

    static void printPdf(PdfReport pdf, PrintStream out) {
        out.println("Tệp PDF / PDF file:");
        boolean signaturesValid = !pdf.signatures().isEmpty() && pdf.documentProblems().isEmpty()
                && pdf.signatures().stream().allMatch(SignatureCheck::valid);
        out.printf("  %s %-19s %s%n", signaturesValid ? "✓" : "✗", "pdf-signature", pdf.signatures().isEmpty()
                ? "no signature in the PDF"
                : pdf.signatures().size() + " PAdES signature(s)" + (signaturesValid ? ", all valid" : ""));
        for (SignatureCheck s : pdf.signatures()) {
            out.printf("      %d. %s — %s, %s%s%n", s.number(), s.signer(), s.level(), s.valid() ? "valid" : "NOT valid",
                    s.reasons().isEmpty() ? "" : ": " + String.join("; ", s.reasons()));
        }
        pdf.documentProblems().forEach(p -> out.println("      " + p));
        out.printf("  %s %-19s %s%n", pdf.attachment().valid() ? "✓" : "✗", "pdf-credential", pdf.attachment().valid()
                ? "the attached credential is the one the PDF was signed with"
                : String.join("; ", pdf.attachment().reasons()));
    }

    static void print(VerificationReport report, PrintStream out) {
        out.println("Chứng chỉ / Credential: " + (report.credentialId() == null ? "(no id)" : report.credentialId()));
        for (CheckResult c : report.checks()) {
            String mark = switch (c.status()) {
                case PASSED -> "✓";
                case FAILED -> "✗";
                case SKIPPED -> "–";
            };
            out.printf("  %s %-19s %s%n", mark, c.check().id(), c.reason());
            if (c.status() == CheckStatus.FAILED && !c.details().isEmpty()) {
                c.details().forEach((k, v) -> out.printf("      %s: %s%n", k, v));
            }
        }
        if (report.valid()) {
            out.println("HỢP LỆ / VALID");
        } else {
            out.println("KHÔNG HỢP LỆ / NOT VALID — failed: "
                    + String.join(", ", report.failures().stream().map(f -> f.check().id()).toList()));
        }
    }
}
