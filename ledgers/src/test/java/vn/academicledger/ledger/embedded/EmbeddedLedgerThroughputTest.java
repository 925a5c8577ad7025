package vn.academicledger.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * A quick measure of anchoring on the embedded ledger: two threads, each anchor a fsync-durable
 * block. Prints the rate; fails only far below the 2,000/s target, so a busy CI machine does not
 * turn it red, while a lost group commit (one fsync per call, serialised) still would.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedLedgerThroughputTest {
    private static final int THREADS = 2;
    private static final int ANCHORS_PER_THREAD = 3_000;

    @TempDir
    Path directory;

    @Test
    void two_threads_anchor_thousands_of_batches_a_second() throws Exception {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(directory)) {
            ledger.connect(ClientIdentity.departmentAdmin("CN=admin")).accreditIssuer("THPT-BENCH", "Trường đo tốc độ",
                    "did:web:bench.edu.vn", List.of("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
            warmUp(ledger);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long flushesBefore = ledger.flushes();
            long started = System.nanoTime();
            try {
                List<Future<Object>> done = IntStream.range(0, THREADS).mapToObj(thread -> pool.submit(() -> {
                    anchor(ledger, "run-" + thread, ANCHORS_PER_THREAD);
                    return null;
                })).toList();
                for (Future<Object> future : done) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double perSecond = THREADS * ANCHORS_PER_THREAD / seconds;
            long flushes = ledger.flushes() - flushesBefore;
            System.out.printf("embedded ledger: %d anchors by %d threads in %.2f s = %.0f anchors/s, %d fsyncs "
                    + "(%.0f us each on average, wall time)%n", THREADS * ANCHORS_PER_THREAD, THREADS, seconds, perSecond,
                    flushes, seconds * 1e6 / flushes);

            assertThat(perSecond).isGreaterThan(500);
        }

        long reopening = System.nanoTime();
        try (EmbeddedLedger reopened = EmbeddedLedger.open(directory)) {
            double millis = (System.nanoTime() - reopening) / 1e6;
            System.out.printf("embedded ledger: reopened, replaying and verifying %d blocks, in %.0f ms%n",
                    reopened.head().blockNumber() + 1, millis);
            assertThat(reopened.head().blockNumber()).isEqualTo(THREADS * ANCHORS_PER_THREAD + 1_000);
        }
    }

    private static void warmUp(EmbeddedLedger ledger) {
        anchor(ledger, "warm-up", 1_000);
    }

    private static void anchor(EmbeddedLedger ledger, String prefix, int count) {
        LedgerPort issuer = ledger.connect(ClientIdentity.schoolIssuer("CN=issuer.bench", "THPT-BENCH"));
        byte[] root = new byte[32];
        for (int i = 0; i < count; i++) {
            root[0] = (byte) i;
            root[1] = (byte) (i >> 8);
            issuer.anchorBatch(new AnchorRequest(prefix + "-" + i, HexFormat.of().formatHex(root), "THPT-BENCH", 250,
                    "ReportCard"));
        }
    }
}
