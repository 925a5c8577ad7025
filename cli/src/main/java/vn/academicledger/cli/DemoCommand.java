package vn.academicledger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.core.anchor.AnchoredBatch;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.verify.CredentialVerifier;
import vn.academicledger.core.verify.ReportCardConsistency;
import vn.academicledger.core.verify.VerificationReport;

/**
 * {@code ./ledger demo}: the main job, on the embedded default or ({@code --ledger fabric}) on the
 * local Fabric network. The sample school issues its grade-12
 * class's report cards (eddsa-jcs-2022), the department issues the graduates' diplomas
 * (eddsa-rdfc-2022); each batch is anchored on the ledger, every credential is verified and written
 * out as JSON.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Cấp, neo và kiểm tra học bạ và văn bằng của một lớp 12 mẫu.",
                "Issue, anchor and verify report cards and diplomas of a sample grade-12 class."})
final class DemoCommand implements Callable<Integer> {
    /** The Department of Education and Training of Ho Chi Minh City (unit code 79000000), issuer of upper-secondary diplomas. */
    static final String DEPARTMENT_CODE = "79000000";
    static final String DEPARTMENT_NAME = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh";
    static final String DEPARTMENT_DID = "did:web:hcm.edu.vn";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--out", defaultValue = "out/demo", description = "where to write <id>.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--data", defaultValue = ".ledger-data",
            description = "data folder: dev signing keys, and the embedded ledger (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--ledger", defaultValue = "embedded", paramLabel = "embedded|fabric",
            description = {"where to anchor: the embedded ledger in --data (default), or the local Fabric network",
                    "(" + FabricClients.START_HINT + " first)"})
    LedgerKind ledger;

    @Option(names = "--no-pdf", description = "write only the credentials' JSON, no signed PDFs")
    boolean noPdf;

    @Option(names = "--verifier-url", defaultValue = "http://127.0.0.1:8080",
            description = "verifier base URL printed in each PDF's QR code (default: ${DEFAULT-VALUE})")
    String verifierUrl;

    static CredentialVerifier verifier(LedgerPort ledger) {
        return new CredentialVerifier(ledger, Clock.systemUTC(), new ReportCardConsistency());
    }

    @Override
    public Integer call() throws IOException {
        SampleClass sample = SampleClass.load();
        School school = sample.school();
        Files.createDirectories(out);
        System.out.printf("Lớp / Class %s, %s — %s (%s), năm học %s: %d học sinh / students%n", sample.className(),
                school.name(), school.code(), school.did(), sample.schoolYear(), sample.students().size());
        try (Workspace ws = Workspace.open(dataDir, ledger)) {
            if (ws.kind() != LedgerKind.EMBEDDED) {
                System.out.println("Sổ cái / Ledger: " + ws.describeLedger());
            }
            Ed25519KeyPair schoolKey = ws.schoolKey(school.code());
            Ed25519KeyPair departmentKey = ws.schoolKey(DEPARTMENT_CODE);
            try (LedgerPort admin = ws.connect(ClientIdentity.departmentAdmin("admin@" + DEPARTMENT_CODE))) {
                Workspace.accredit(admin, school.code(), school.name(), school.did(), schoolKey.publicKey().multibase());
                Workspace.accredit(admin, DEPARTMENT_CODE, DEPARTMENT_NAME, DEPARTMENT_DID, departmentKey.publicKey().multibase());
            }
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Issuance schoolIssuance = new Issuance(school.did(), school.name(), schoolKey, Cryptosuite.EDDSA_JCS_2022);
            Issuance departmentIssuance = new Issuance(DEPARTMENT_DID, DEPARTMENT_NAME, departmentKey, Cryptosuite.EDDSA_RDFC_2022);

            List<ObjectNode> reportCards;
            List<ObjectNode> diplomas;
            try (LedgerPort schoolPort = ws.connect(ClientIdentity.schoolIssuer("issuer@" + school.code(), school.code()))) {
                reportCards = issueBatch(schoolPort, ws.ledgerName(), school.code(), CredentialType.REPORT_CARD,
                        sample.reportCards().size(),
                        i -> schoolIssuance.reportCard(sample.reportCards().get(i), now), "Học bạ / report cards");
            }
            try (LedgerPort departmentPort = ws.connect(ClientIdentity.schoolIssuer("diplomas@" + DEPARTMENT_CODE, DEPARTMENT_CODE))) {
                diplomas = issueBatch(departmentPort, ws.ledgerName(), DEPARTMENT_CODE, CredentialType.DIPLOMA,
                        sample.diplomas().size(),
                        i -> departmentIssuance.diploma(sample.diplomas().get(i), now), "Văn bằng / diplomas");
            }
            List<ObjectNode> issued = new ArrayList<>(reportCards);
            issued.addAll(diplomas);

            AtomicInteger verified = new AtomicInteger();
            List<String> failed = new ArrayList<>();
            try (LedgerPort reader = ws.connect(Workspace.PUBLIC_VERIFIER);
                 ProgressBar bar = new ProgressBar("Kiểm tra / verifying", issued.size())) {
                CredentialVerifier verifier = verifier(reader);
                for (ObjectNode credential : issued) {
                    VerificationReport report = verifier.verify(credential);
                    String id = credential.get("id").asText();
                    Files.writeString(out.resolve(fileName(id)), JSON.writeValueAsString(credential));
                    if (report.valid()) {
                        verified.incrementAndGet();
                    } else {
                        failed.add(id + ": " + String.join("; ", report.failures().stream()
                                .map(f -> f.check().id() + " — " + f.reason()).toList()));
                    }
                    bar.step();
                }
            }
            if (!noPdf) {
                writePdfs(sample, reportCards, diplomas);
            }
            failed.forEach(f -> System.out.println("  ✗ " + f));
            System.out.println("Đã ghi / written: " + out.toAbsolutePath());
            System.out.printf("%d issued, %d verified, %d failed%n", issued.size(), verified.get(), failed.size());
            return failed.isEmpty() ? 0 : 1;
        }
    }

    /**
     * Each credential also as a signed PDF/A-3 with the credential attached and a QR code to the verifier:
     * report cards signed by the homeroom teacher and then the principal, diplomas by the director of the
     * department, all PAdES B-LT with the development PKI and TSA (under --data).
     */
    private void writePdfs(SampleClass sample, List<ObjectNode> reportCards, List<ObjectNode> diplomas) throws IOException {
        Locale vietnamese = Locale.forLanguageTag("vi");
        AccessTokens tokens = AccessTokens.forDataFolder(dataDir);
        int total = reportCards.size() + diplomas.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (DevelopmentDocuments documents = DevelopmentDocuments.open(dataDir);
             ProgressBar bar = new ProgressBar("PDF ký số / signed PDFs", total)) {
            List<Future<?>> jobs = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                int index = i;
                jobs.add(pool.submit(() -> {
                    boolean card = index < reportCards.size();
                    ObjectNode credential = card ? reportCards.get(index) : diplomas.get(index - reportCards.size());
                    UUID uuid = UUID.fromString(credential.get("id").asText().substring("urn:uuid:".length()));
                    QrPayload qr = QrPayload.of(verifierUrl, uuid, tokens.tokenFor(uuid));
                    byte[] pdf = card
                            ? documents.signedReportCard(sample.reportCards().get(index), credential, vietnamese, qr)
                            : documents.signedDiploma(sample.diplomas().get(index - reportCards.size()), credential, vietnamese, qr);
                    Files.write(out.resolve(uuid + ".pdf"), pdf);
                    bar.step();
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signing PDFs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Signing {
        ObjectNode sign(int index);
    }

    private static List<ObjectNode> issueBatch(LedgerPort port, String ledgerName, String issuerCode, CredentialType type,
                                               int count, Signing signing, String label) {
        if (count == 0) {
            return List.of();
        }
        List<AnchoredBatch.Entry> entries = new ArrayList<>(count);
        try (ProgressBar bar = new ProgressBar("Ký / signing " + label, count)) {
            for (int i = 0; i < count; i++) {
                entries.add(AnchoredBatch.Entry.of(signing.sign(i)));
                bar.step();
            }
        }
        String batchId = issuerCode + "-" + type.typeName() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        AnchoredBatch batch = AnchoredBatch.anchor(port, ledgerName, batchId, issuerCode, type.typeName(), entries);
        System.out.printf("Neo / anchored %s: %d %s, root %s…, tx %s…%n", batchId, count, type.typeName(),
                batch.anchor().merkleRootHex().substring(0, 16), batch.anchor().txId().substring(0, 16));
        return batch.credentials();
    }

    /** {@code urn:uuid:1234…} → {@code 1234….json}. */
    static String fileName(String credentialId) {
        String tail = credentialId.substring(credentialId.lastIndexOf(':') + 1);
        return tail.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }
}
