package vn.academicledger.documents.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.documents.testing.Samples;

/**
 * Wall-clock time of what {@code ./ledger demo --out DIR} adds for PDFs: the 44 report cards (homeroom
 * teacher + principal, B-LT) and 41 diplomas (director, B-LT) of the sample class rendered, signed and
 * written as {@code DIR/<id>.pdf} on 2 threads through {@link DevelopmentDocuments}; the first pass in a
 * fresh JVM (as the demo runs) and a second, warm pass; then checks every file with PdfVerification.
 *
 * <pre>java -cp … vn.academicledger.documents.bench.SampleClassPdfs DATA_DIR OUT_DIR</pre>
 */
public final class SampleClassPdfs {
    private SampleClassPdfs() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "target/sample-class-pdfs/data");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/sample-class-pdfs/out"));
        long t0 = System.nanoTime();
        try (DevelopmentDocuments documents = DevelopmentDocuments.open(data)) {
            AccessTokens tokens = AccessTokens.forDataFolder(data);
            long t1 = System.nanoTime();
            System.out.printf("open (dev PKI ensured, TSA started): %d ms%n", (t1 - t0) / 1_000_000);
            List<Path> cold = pass(documents, tokens, out, "cold");
            pass(documents, tokens, out, "warm");
            long v0 = System.nanoTime();
            int valid = 0;
            for (Path pdf : cold) {
                valid += documents.verification().verify(Files.readAllBytes(pdf)).valid() ? 1 : 0;
            }
            System.out.printf("verified %d/%d with PdfVerification in %d ms (1 thread)%n", valid, cold.size(),
                    (System.nanoTime() - v0) / 1_000_000);
        }
    }

    private static List<Path> pass(DevelopmentDocuments documents, AccessTokens tokens, Path out, String label)
            throws Exception {
        List<Callable<Path>> jobs = new ArrayList<>();
        for (int i = 0; i < Samples.CLASS.reportCards().size(); i++) {
            ReportCard card = Samples.reportCard(i);
            UUID id = UUID.randomUUID();
            ObjectNode credential = Samples.credential(card, id);
            jobs.add(() -> write(out, id, documents.signedReportCard(card, credential, Samples.VI, qr(tokens, id))));
        }
        for (int i = 0; i < Samples.CLASS.diplomas().size(); i++) {
            Diploma diploma = Samples.diploma(i);
            UUID id = UUID.randomUUID();
            ObjectNode credential = Samples.credential(diploma, id);
            jobs.add(() -> write(out, id, documents.signedDiploma(diploma, credential, Samples.VI, qr(tokens, id))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        List<Path> written = new ArrayList<>();
        try {
            for (Future<Path> f : pool.invokeAll(jobs)) {
                written.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (cpuNanos() - cpuStart) / 1_000_000;
        System.out.printf(Locale.ROOT, "%s: %d PDFs (44 report cards, 41 diplomas) rendered, signed B-LT and written on 2 threads"
                + " in %d ms (%.1f PDFs/s), %d ms of CPU%n", label, written.size(), ms, written.size() * 1000.0 / ms, cpuMs);
        return written;
    }

    /** CPU time of the whole process (all threads, JIT and GC included): less sensitive to other load than wall time. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static QrPayload qr(AccessTokens tokens, UUID id) {
        return QrPayload.of("http://127.0.0.1:8080", id, tokens.tokenFor(id));
    }

    private static Path write(Path out, UUID id, byte[] pdf) throws java.io.IOException {
        return Files.write(out.resolve(id + ".pdf"), pdf);
    }
}
