package vn.academicledger.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;
import vn.academicledger.crypto.DevelopmentPki;
import vn.academicledger.crypto.SchoolOfficials;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.render.DocumentRenderer;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.OfficialSigner;
import vn.academicledger.documents.sign.PadesSigner;
import vn.academicledger.documents.sign.Pkcs12OfficialSigner;
import vn.academicledger.documents.sign.RevocationSource;
import vn.academicledger.documents.sign.SignatureLevel;

/**
 * Signed PDFs per second, on the sample class's 44 report cards in turn, each operation one PDF:
 * <ul>
 *   <li>{@code signedBt}: render (Vietnamese layout, embedded font subset, QR code, PDF/A-3 with the
 *       credential attached) → PAdES B-T by the principal (PKCS#12 key, in-process TSA) → write the file;</li>
 *   <li>{@code reportCardAsIssued}: what {@code ./ledger demo} does for a report card — render → homeroom
 *       teacher B-LT → principal B-LT (certificate chains and CRLs embedded) → write.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class PdfBenchmarks {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    record Input(ReportCard card, ObjectNode credential, QrPayload qr) {
    }

    private final List<Input> inputs = new ArrayList<>();
    private Path work;
    private DevelopmentDocuments documents;
    private LocalTimestampAuthority tsa;
    private PadesSigner signer;
    private OfficialSigner principal;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("pdf-bench-");
        SampleClass sample = SampleClass.load();
        for (ReportCard card : sample.reportCards()) {
            UUID id = UUID.randomUUID();
            CredentialText text = CredentialText.of(card);
            ObjectNode credential = VerifiableCredential.builder()
                    .context(BundledContexts.ACADEMIC_LEDGER_V1)
                    .id(id)
                    .type(CredentialType.REPORT_CARD.typeName())
                    .issuer(card.school().did(), card.school().name())
                    .name(text.nameVi(), text.nameEn())
                    .description(text.descriptionVi(), text.descriptionEn())
                    .validFrom(Instant.parse("2026-05-31T02:00:00Z"))
                    .credentialSubject(CredentialSubjects.of(card))
                    .buildJson();
            inputs.add(new Input(card, credential, QrPayload.of("http://127.0.0.1:8080", id, "benchmark-access-token-0123456789")));
        }
        documents = DevelopmentDocuments.open(work);
        DevelopmentPki pki = DevelopmentPki.ensure(work.resolve(DevelopmentDocuments.PKI_FOLDER),
                SchoolOfficials.developmentDefaults());
        DevelopmentPki.Identity authority = pki.timestampingAuthority();
        tsa = new LocalTimestampAuthority(pki.privateKey(authority), authority.chain());
        signer = new PadesSigner(tsa, RevocationSource.of(pki.crls()));
        DevelopmentPki.Identity head = pki.official(SchoolOfficials.SAMPLE_SCHOOL_CODE, SchoolOfficials.PRINCIPAL);
        principal = Pkcs12OfficialSigner.open(head.p12(), pki.password(), head.id());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        tsa.close();
        documents.close();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long signedBt(Cursor cursor) {
        int i = cursor.next++ % inputs.size();
        Input in = inputs.get(i);
        byte[] pdf = DocumentRenderer.reportCard(in.card(), in.credential(), VIETNAMESE, in.qr());
        return write(signer.sign(pdf, principal, SignatureLevel.PADES_BASELINE_T), "bt", i);
    }

    @Benchmark
    public long reportCardAsIssued(Cursor cursor) {
        int i = cursor.next++ % inputs.size();
        Input in = inputs.get(i);
        return write(documents.signedReportCard(in.card(), in.credential(), VIETNAMESE, in.qr()), "lt", i);
    }

    private long write(byte[] pdf, String kind, int i) {
        try {
            Files.write(work.resolve(kind + "-" + Thread.currentThread().getId() + "-" + i + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.length;
    }
}
