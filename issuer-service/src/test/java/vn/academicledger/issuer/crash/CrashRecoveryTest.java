package vn.academicledger.issuer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.issuer.anchoring.AnchoringInvariants;
import vn.academicledger.issuer.anchoring.BulkClasses;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.ledger.embedded.EmbeddedLedger;

/**
 * The issue's crash test: {@code kill -9} the issuer service in the middle of a 50,000-credential bulk
 * job, start it again on the same data folder, and every credential ends up anchored exactly once with a
 * valid inclusion proof.
 *
 * <p>The service runs as a child JVM ({@link ServiceProcess}) with the embedded PostgreSQL and the
 * embedded ledger in a temporary folder. 100 synthetic classes of 500 students are imported over the
 * API and the principal queues a report card job for each (50,000 credentials, eddsa-jcs-2022) and a
 * diploma job for every tenth class (eddsa-rdfc-2022), so the diploma register is crashed too. Jobs
 * run two at a time in chunks of 200, so a stop usually cuts jobs in half. Once about a third is
 * issued, the JVM gets SIGKILL; its PostgreSQL is left running, as after a real crash. The restarted
 * service must stop that orphan and resume the jobs. At about two thirds an operator stops it
 * (SIGTERM, graceful) and starts it again: no job may end FAILED for being stopped. When every job is
 * done and the outbox drained, the service is stopped and the data folder is checked from outside:
 * this test's own PostgreSQL on the same data, the ledger opened from its folder, and
 * {@link AnchoringInvariants}; status list slots left unused by the cut chunks are at most what two
 * stops can cut (2 × 2 jobs × 200). Timings are printed ({@code crash-test:} lines).
 *
 * <p>Runs in {@code mvn verify}; alone: {@code issuer-service/scripts/crash-test.sh}.
 */
@Tag("crash")
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "crash-test-password-not-secret";
    private static final String AUDITOR = "so.auditor";
    private static final int CLASSES = 100;
    private static final int STUDENTS = 500;
    private static final int DIPLOMA_EVERY = 10;
    private static final double KILL_AT = 0.30;
    private static final double STOP_AT = 0.65;
    private static final int CHUNK = 200;
    private static final int PARALLEL = 2;
    private static final List<String> SETTINGS = List.of("--issuer.jobs.chunk-size=" + CHUNK, "--issuer.jobs.parallel=" + PARALLEL);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void kill_9_in_the_middle_of_a_bulk_job_loses_nothing_and_anchors_nothing_twice() throws Exception {
        Path postgresDir = data.resolve("issuer").resolve("postgres");
        ServiceProcess service = null;
        try {
            // 1. Start, import, queue.
            long t0 = System.nanoTime();
            service = ServiceProcess.start(data, PASSWORD, data.resolve("service-1.log"), SETTINGS);
            service.awaitReady(Duration.ofMinutes(3));
            long firstStart = System.nanoTime() - t0;
            ApiClient api = new ApiClient(service.baseUrl(), PASSWORD);

            long importStart = System.nanoTime();
            List<BulkClasses.Imported> classes = BulkClasses.importClasses(api, "C", 12, CLASSES, STUDENTS, 20_250_901L, 2);
            double importSeconds = seconds(System.nanoTime() - importStart);
            assertThat(classes).extracting(BulkClasses.Imported::students).containsOnly(STUDENTS);
            print("imported %,d classes of %,d students in %.1f s (%,.0f students/s); first start took %.1f s",
                    CLASSES, STUDENTS, importSeconds, CLASSES * STUDENTS / importSeconds, seconds(firstStart));

            long issueStart = System.nanoTime();
            List<BulkClasses.QueuedJob> jobs = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++) {
                jobs.add(BulkClasses.queueJob(api, classes.get(i).id(), "REPORT_CARD", "eddsa-jcs-2022"));
                if (i % DIPLOMA_EVERY == DIPLOMA_EVERY - 1) {
                    jobs.add(BulkClasses.queueJob(api, classes.get(i).id(), "DIPLOMA", "eddsa-rdfc-2022"));
                }
            }
            long reportCards = jobs.stream().filter(j -> j.type().equals("REPORT_CARD")).mapToLong(BulkClasses.QueuedJob::total).sum();
            long diplomas = jobs.stream().filter(j -> j.type().equals("DIPLOMA")).mapToLong(BulkClasses.QueuedJob::total).sum();
            long total = reportCards + diplomas;
            assertThat(reportCards).isEqualTo(50_000);
            print("queued %d jobs: %,d report cards and %,d diplomas (%,d credentials)", jobs.size(), reportCards, diplomas, total);

            // 2. kill -9 about a third of the way.
            Progress atKill = awaitProgress(api, p -> p.done() >= KILL_AT * total && !p.running().isEmpty(), Duration.ofMinutes(6));
            JsonNode anchoringAtKill = api.get(AUDITOR, "/api/v1/anchoring").json();
            service.kill();
            long killedAt = System.nanoTime();
            Instant killedWhen = Instant.now();
            double issuingSeconds = seconds(killedAt - issueStart);
            Optional<ProcessHandle> orphan = ServiceProcess.postgresOf(postgresDir);
            print("kill -9 of pid %d after %.1f s of issuing: at the last look %,d of %,d issued (%.0f %%, %,.0f credentials/s), %,d anchored; "
                            + "running: %s; PostgreSQL left running: %s",
                    service.pid(), issuingSeconds, atKill.done(), total, 100.0 * atKill.done() / total, atKill.done() / issuingSeconds,
                    anchoringAtKill.path("anchored").path("credentials").asLong(), atKill.running(),
                    orphan.map(p -> "pid " + p.pid()).orElse("no"));
            assertThat(atKill.done()).as("killed in the middle").isLessThan(total);

            // 3. Restart on the same data folder: the orphan is stopped, the jobs resume.
            long restart = System.nanoTime();
            service = ServiceProcess.start(data, PASSWORD, data.resolve("service-2.log"), SETTINGS);
            service.awaitReady(Duration.ofMinutes(3));
            double restartSeconds = seconds(System.nanoTime() - restart);
            api = new ApiClient(service.baseUrl(), PASSWORD);
            Progress resumed = progress(api);
            print("restarted in %.1f s (orphan PostgreSQL stopped, database recovered, ledger replayed): %,d issued before the crash survived",
                    restartSeconds, resumed.done());

            // 4. An operator's restart in the middle of what is left: SIGTERM, then start again.
            Progress atStop = awaitProgress(api, p -> p.done() >= STOP_AT * total && !p.running().isEmpty(), Duration.ofMinutes(6));
            Instant stoppedWhen = Instant.now();
            long stopping = System.nanoTime();
            int stopExit = service.stop(Duration.ofSeconds(90));
            double stopSeconds = seconds(System.nanoTime() - stopping);
            assertThat(ServiceProcess.postgresOf(postgresDir)).as("PostgreSQL stopped with the service").isEmpty();
            long secondRestart = System.nanoTime();
            service = ServiceProcess.start(data, PASSWORD, data.resolve("service-3.log"), SETTINGS);
            service.awaitReady(Duration.ofMinutes(3));
            double secondRestartSeconds = seconds(System.nanoTime() - secondRestart);
            api = new ApiClient(service.baseUrl(), PASSWORD);
            Progress afterStop = progress(api);
            print("SIGTERM at %,d issued (running: %s): stopped in %.1f s (exit %d; %d jobs said they stopped to resume later), "
                            + "started again in %.1f s with %,d issued",
                    atStop.done(), atStop.running(), stopSeconds, stopExit, service2Log(data, "stopped with the service"),
                    secondRestartSeconds, afterStop.done());

            // 5. Every job done, outbox and pending batches empty.
            awaitProgress(api, p -> p.allDone(), Duration.ofMinutes(8));
            double finishSeconds = seconds(System.nanoTime() - restart);
            ApiClient auditor = api;
            JsonNode drained = await(() -> auditor.get(AUDITOR, "/api/v1/anchoring").json(),
                    a -> a.path("outbox").path("waiting").asLong() == 0 && a.path("pending").path("batches").asLong() == 0
                            && a.path("anchored").path("credentials").asLong() == total,
                    Duration.ofMinutes(3));
            double drainSeconds = seconds(System.nanoTime() - restart);
            print("after the crash restart: every job DONE in %.1f s, outbox and pending batches empty in %.1f s "
                    + "(%,d batches, %,d credentials anchored; both restarts included); issuing and anchoring took %.1f s of wall time in all",
                    finishSeconds, drainSeconds, drained.path("anchored").path("batches").asLong(),
                    drained.path("anchored").path("credentials").asLong(), issuingSeconds + drainSeconds);
            printRates(api, List.of(killedWhen, stoppedWhen));
            int exit = service.stop(Duration.ofSeconds(90));
            assertThat(ServiceProcess.postgresOf(postgresDir)).as("PostgreSQL stopped with the service (exit %d)", exit).isEmpty();

            // 6. From outside: the database and the ledger, without the service.
            long checkStart = System.nanoTime();
            List<UUID> jobIds = jobs.stream().map(BulkClasses.QueuedJob::id).toList();
            AnchoringInvariants.Report report;
            long failures;
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(postgresDir)
                    .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60)).start();
                 EmbeddedLedger ledger = EmbeddedLedger.open(data.resolve("ledger"));
                 LedgerPort reader = ledger.connect(ClientIdentity.departmentAdmin("crash-test"))) {
                report = new AnchoringInvariants(postgres.getPostgresDatabase(), reader::findBatch)
                        .check(BulkClasses.SCHOOL, jobIds, total);
                try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
                     var rs = s.executeQuery("select count(*) from job_failures")) {
                    rs.next();
                    failures = rs.getLong(1);
                }
            }
            long anchorTransactions = anchorTransactions(data.resolve("ledger").resolve("blocks.log"));
            print("checked from outside in %.1f s: %,d credentials, %,d receipts verified against %,d batches on the ledger "
                            + "(%,d anchor transactions in its log), %,d status slots held once each (%,d left unused by cut chunks), "
                            + "%,d diploma numbers without gaps",
                    seconds(System.nanoTime() - checkStart), report.credentials(), report.receiptsVerified(), report.batches(),
                    anchorTransactions, report.statusSlots(), report.unusedStatusSlots(), report.diplomas());
            assertThat(failures).as("students refused").isZero();
            assertThat(report.credentials()).isEqualTo(total);
            assertThat(report.receiptsVerified()).isEqualTo(total);
            assertThat(report.diplomas()).isEqualTo(diplomas);
            assertThat(report.statusSlots()).isEqualTo(total);
            assertThat(report.unusedStatusSlots()).as("slots of chunks cut by the two stops").isLessThanOrEqualTo(2L * PARALLEL * CHUNK);
            assertThat(anchorTransactions).as("one anchor transaction per batch").isEqualTo(report.batches());
        } catch (Throwable e) {
            if (service != null) {
                System.out.println("crash-test: the service's last log lines:\n" + service.logTail(80));
            }
            throw e;
        } finally {
            if (service != null) {
                service.close();
            }
            ServiceProcess.stopPostgres(postgresDir);
        }
    }

    /** The jobs' progress, from the school's job list; {@code running}: the RUNNING jobs' type and done/total. */
    record Progress(long done, long total, boolean allDone, List<String> running) {
    }

    private static Progress progress(ApiClient api) {
        ApiClient.Response r = api.get(BulkClasses.PRINCIPAL, "/api/v1/schools/" + BulkClasses.SCHOOL + "/jobs");
        if (r.status() != 200) {
            throw new IllegalStateException("job list: " + r.status() + " " + r.text());
        }
        long done = 0;
        long total = 0;
        boolean allDone = true;
        List<String> running = new ArrayList<>();
        for (JsonNode job : r.json()) {
            done += job.get("done").asLong() + job.get("failed").asLong();
            total += job.get("total").asLong();
            String status = job.get("status").asText();
            if (status.equals("FAILED")) {
                throw new IllegalStateException("job failed: " + job);
            }
            allDone &= status.equals("DONE");
            if (status.equals("RUNNING")) {
                running.add(job.get("credentialType").asText() + " " + job.get("done").asInt() + "/" + job.get("total").asInt());
            }
        }
        return new Progress(done, total, allDone, running);
    }

    /** Signing rate per credential type, over the jobs that no stop cut in two. */
    private static void printRates(ApiClient api, List<Instant> stops) {
        Map<String, long[]> byType = new TreeMap<>();
        for (JsonNode job : api.get(BulkClasses.PRINCIPAL, "/api/v1/schools/" + BulkClasses.SCHOOL + "/jobs").json()) {
            Instant started = Instant.parse(job.get("startedAt").asText());
            Instant finished = Instant.parse(job.get("finishedAt").asText());
            if (stops.stream().anyMatch(stop -> started.isBefore(stop) && finished.isAfter(stop))) {
                continue;
            }
            long[] sums = byType.computeIfAbsent(job.get("credentialType").asText(), t -> new long[2]);
            sums[0] += job.get("done").asLong();
            sums[1] += Duration.between(started, finished).toMillis();
        }
        byType.forEach((type, sums) -> print("%s jobs that no stop cut: %,d credentials in %.1f s of job time (%,.0f/s)",
                type, sums[0], sums[1] / 1e3, sums[0] / (sums[1] / 1e3)));
    }

    /** Lines of the second run's log that contain {@code text} (for the printout only). */
    private static long service2Log(Path data, String text) throws IOException {
        try (var lines = Files.lines(data.resolve("service-2.log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    private static Progress awaitProgress(ApiClient api, Predicate<Progress> reached, Duration timeout) throws InterruptedException {
        return await(() -> progress(api), reached, timeout);
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> reached, Duration timeout) throws InterruptedException {
        return vn.academicledger.issuer.support.Await.until(read, reached, timeout, Duration.ofMillis(200));
    }

    /** AnchorBatch transactions in the ledger's block log (one line a block; a crash may leave zero bytes at the end). */
    private static long anchorTransactions(Path blockLog) throws IOException {
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(blockLog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                for (JsonNode tx : JSON.readTree(line).path("block").path("transactions")) {
                    if (tx.path("function").asText().equals("AnchorBatch")) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("crash-test: " + String.format(format, args));
    }
}
