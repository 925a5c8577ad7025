package vn.academicledger.documents.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.documents.render.DocumentRenderer;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.OfficialSigner;
import vn.academicledger.documents.sign.PadesSigner;
import vn.academicledger.documents.sign.SignatureLevel;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Samples;

/**
 * Signed report cards per second: render (Vietnamese layout, font subset, QR code, PDF/A-3 with the
 * credential attached), sign at PAdES B-T by the principal (PKCS#12 key, in-process TSA), write the file.
 * Two threads, one per core. Run with {@code java -cp … vn.academicledger.documents.bench.DocumentsBench}
 * (see the README); the operations take the 44 report cards of the sample class in turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
@Threads(2)
public class DocumentsBench {
    record Input(ReportCard card, ObjectNode credential, QrPayload qr) {
    }

    List<Input> inputs;
    LocalTimestampAuthority tsa;
    OfficialSigner principal;
    PadesSigner signer;
    Path out;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DevPki pki = DevPki.shared();
        tsa = pki.timestampAuthority();
        principal = pki.principal();
        signer = new PadesSigner(tsa, pki.revocationSource());
        inputs = new ArrayList<>();
        for (int i = 0; i < Samples.CLASS.reportCards().size(); i++) {
            ReportCard card = Samples.reportCard(i);
            UUID id = Samples.uuid("bench " + i);
            inputs.add(new Input(card, Samples.credential(card, id), Samples.qr(id)));
        }
        out = Files.createTempDirectory("documents-bench-");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        tsa.close();
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(out);
    }

    @Benchmark
    public long renderSignBtAndWrite(Cursor cursor) throws IOException {
        int i = cursor.next++ % inputs.size();
        Input in = inputs.get(i);
        byte[] pdf = DocumentRenderer.reportCard(in.card(), in.credential(), Samples.VI, in.qr());
        byte[] signed = signer.sign(pdf, principal, SignatureLevel.PADES_BASELINE_T);
        Files.write(out.resolve(Thread.currentThread().getId() + "-" + i + ".pdf"), signed);
        return signed.length;
    }

    @Benchmark
    public long renderOnly(Cursor cursor) {
        Input in = inputs.get(cursor.next++ % inputs.size());
        return DocumentRenderer.reportCard(in.card(), in.credential(), Samples.VI, in.qr()).length;
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : DocumentsBench.class.getSimpleName();
        new Runner(new OptionsBuilder().include(include).build()).run();
    }
}
