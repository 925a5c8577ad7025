package vn.academicledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
        description = {"Kiểm tra một chứng chỉ / Verify one credential file (JSON).",
                "Exit code 0: valid; 1: not valid; 2: the file could not be read."})
final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", description = "the credential (.json)")
    Path file;

    @Option(names = "--data", defaultValue = ".ledger-data", description = "the embedded default's data folder (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--ledger", defaultValue = "embedded", paramLabel = "embedded|fabric",
            description = {"which ledger to ask: the embedded ledger in --data (default), or the local Fabric network",
                    "(the credential's receipt names the ledger it was anchored on)"})
    LedgerKind ledger;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("Không tìm thấy tệp / No such file: " + file);
            return 2;
        }
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            System.err.println("Tệp không phải JSON hợp lệ / The file is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
            return 2;
        }
        try (Workspace ws = Workspace.open(dataDir, ledger); LedgerPort port = ws.connect(Workspace.PUBLIC_VERIFIER)) {
            noteOtherLedger(json, ws.ledgerName());
            VerificationReport report = DemoCommand.verifier(port).verify(json);
            print(report, System.out);
            return report.valid() ? 0 : 1;
        }
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
