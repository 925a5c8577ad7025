package vn.academicledger.issuer.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * The issue's second demand: the same bulk job with the ledger unavailable for a while completes after
 * it returns. The whole service runs (its own data folder: this context's PostgreSQL and ledger are not
 * the shared test context's) with a {@link LedgerOutage} between it and the ledger, and retry backoff
 * shortened to 100–400 ms. With the ledger down from the start, a bulk job of 3,000 report cards is
 * issued and stored, its batches wait PENDING with growing attempts and the ledger's error, and
 * {@code GET /api/v1/anchoring} says so; once the ledger returns, every credential is anchored exactly
 * once with a receipt that leads to the root the ledger holds. The context is closed after the class
 * (no other test shares its outage), which stops its PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LedgerOutageTest.Outage.class)
@DirtiesContext
class LedgerOutageTest {
    private static final String PASSWORD = "outage-test-password-not-secret";
    private static final Path DATA = temporaryDataFolder();
    private static final int CLASSES = 6;
    private static final int STUDENTS = 500;

    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {
        @Bean
        LedgerOutage ledgerOutage() {
            return new LedgerOutage();
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("issuer.data-dir", DATA::toString);
        registry.add("issuer.demo.password", () -> PASSWORD);
        registry.add("issuer.anchoring.max-age", () -> "200ms");
        registry.add("issuer.anchoring.poll-interval", () -> "100ms");
        registry.add("issuer.anchoring.retry-backoff", () -> "100ms");
        registry.add("issuer.anchoring.max-backoff", () -> "400ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    LedgerOutage outage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    LedgerAccess ledger;

    @Test
    void a_bulk_job_issued_while_the_ledger_is_down_is_anchored_exactly_once_when_it_returns() throws Exception {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port, PASSWORD);
        outage.begin();

        // Issuing needs no ledger: every credential is signed and stored, and waits.
        long start = System.nanoTime();
        List<BulkClasses.Imported> classes = BulkClasses.importClasses(api, "L", 12, CLASSES, STUDENTS, 7L, 2);
        List<UUID> jobs = new ArrayList<>();
        long total = 0;
        for (BulkClasses.Imported c : classes) {
            BulkClasses.QueuedJob job = BulkClasses.queueJob(api, c.id(), "REPORT_CARD", "eddsa-jcs-2022");
            jobs.add(job.id());
            total += job.total();
        }
        assertThat(total).isEqualTo(CLASSES * STUDENTS);
        for (UUID job : jobs) {
            await(() -> api.get(BulkClasses.PRINCIPAL, "/api/v1/schools/" + BulkClasses.SCHOOL + "/jobs/" + job).json(),
                    j -> j.get("status").asText().equals("DONE"), Duration.ofMinutes(4));
        }
        double issueSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(credentials(jobs)).isEqualTo(total);

        // While the ledger is down: batches formed, PENDING, tried again and again, nothing anchored.
        long expected = total;
        JsonNode down = await(() -> anchoring(api, "so.auditor"),
                a -> a.path("outbox").path("waiting").asLong() == 0 && a.path("pending").path("credentials").asLong() == expected
                        && a.path("pending").path("mostAttempts").asInt() >= 3,
                Duration.ofMinutes(1));
        long batches = down.path("pending").path("batches").asLong();
        assertThat(batches).as("batches of at most 1,000").isGreaterThanOrEqualTo((total + 999) / 1000);
        assertThat(down.path("anchored").path("credentials").asLong()).isZero();
        assertThat(down.path("pending").path("lastError").asText()).startsWith("UNAVAILABLE at ENDORSE").contains("simulated ledger outage");
        assertThat(down.path("pending").has("oldestAgeSeconds")).isTrue();
        assertThat(jdbc.sql("select count(*) from anchor_batches where status = 'PENDING' and attempts >= 1 and last_error like 'UNAVAILABLE%'")
                .query(Long.class).single()).isEqualTo(batches);
        assertThat(jdbc.sql("select count(*) from anchor_chunks k join anchor_batches b on b.id = k.batch_id where b.status = 'ANCHORED'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from anchor_batches where status = 'ANCHORED'").query(Long.class).single()).isZero();
        JsonNode one = api.get(BulkClasses.PRINCIPAL, "/api/v1/schools/" + BulkClasses.SCHOOL + "/credentials?jobId=" + jobs.get(0) + "&limit=1").json();
        assertThat(one.get(0).get("anchorStatus").asText()).isEqualTo("PENDING");
        // Every batch was tried (attempts >= 1 above) and the most-tried one three times or more; not
        // every batch need have reached three when the figures were read.
        assertThat(outage.refusedCalls()).isGreaterThanOrEqualTo(batches + 2);
        assertThat(anchoring(api, "so.admin").path("pending").path("batches").asLong()).isEqualTo(batches);
        assertThat(api.get(BulkClasses.ISSUER, "/api/v1/anchoring").status()).isEqualTo(403);

        // The ledger returns: everything drains, each credential once.
        long refusedWhileDown = outage.refusedCalls();
        outage.end();
        long back = System.nanoTime();
        JsonNode up = await(() -> anchoring(api, "so.auditor"),
                a -> a.path("pending").path("batches").asLong() == 0 && a.path("anchored").path("credentials").asLong() == expected,
                Duration.ofMinutes(1));
        double drainSeconds = (System.nanoTime() - back) / 1e9;
        assertThat(up.path("outbox").path("waiting").asLong()).isZero();
        assertThat(up.path("anchored").path("batches").asLong()).isEqualTo(batches);
        assertThat(up.path("pending").has("lastError")).isFalse();
        assertThat(jdbc.sql("select min(attempts) from anchor_batches").query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        AnchoringInvariants.Report report = new AnchoringInvariants(dataSource, id -> ledger.department().findBatch(id))
                .check(BulkClasses.SCHOOL, jobs, total);
        assertThat(report.receiptsVerified()).isEqualTo(total);
        assertThat(report.batches()).isEqualTo(batches);
        assertThat(report.unusedStatusSlots()).as("no chunk was cut").isZero();
        System.out.printf("ledger-outage: %,d credentials issued and stored in %.1f s with the ledger down; %d batches waited "
                        + "(%,d ledger calls refused, up to %d attempts each); anchored %.1f s after the ledger returned; "
                        + "%,d receipts verified against the ledger%n",
                total, issueSeconds, batches, refusedWhileDown, down.path("pending").path("mostAttempts").asInt(), drainSeconds,
                report.receiptsVerified());
    }

    private long credentials(List<UUID> jobs) {
        long count = 0;
        for (UUID job : jobs) {
            count += jdbc.sql("select count(*) from credentials where job_id = ?").param(job).query(Long.class).single();
        }
        return count;
    }

    private static JsonNode anchoring(ApiClient api, String account) {
        ApiClient.Response r = api.get(account, "/api/v1/anchoring");
        if (r.status() != 200) {
            throw new IllegalStateException("GET /api/v1/anchoring as " + account + ": " + r.status() + " " + r.text());
        }
        return r.json();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> reached, Duration timeout) throws InterruptedException {
        return vn.academicledger.issuer.support.Await.until(read, reached, timeout, Duration.ofMillis(100));
    }

    /** A fresh folder, removed when the JVM ends (the context, closed after this class, has stopped its PostgreSQL by then). */
    private static Path temporaryDataFolder() {
        try {
            Path dir = Files.createTempDirectory("issuer-outage-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
