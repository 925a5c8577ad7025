package vn.academicledger.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.academicledger.chaincode.contract.LedgerKeys;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerException.Stage;

/**
 * Anchoring while peer0.ministry is down. The channel's endorsement policy is
 * AND(Department, Ministry), so no write can be endorsed without that peer: an anchor must fail
 * (within its deadlines) with a retryable {@link LedgerException} naming its stage and transaction,
 * nothing may be half-written, and once fabric.sh has restarted the peer, retrying the same batch
 * anchors it exactly once. Runs only with {@code -Dfabric.it=true}; the peer is restarted in a
 * {@code finally} and again after each test.
 */
@EnabledIfSystemProperty(named = "fabric.it", matches = "true")
class FabricPeerOutageTest {
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    /** The longest a failing anchor may take: three endorsement attempts, well within their 15 s deadlines. */
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(50);
    private static final String PEER = "peer0.ministry";
    /** A bound on the stream of anchors of the second test (it normally stops after about 40). */
    private static final int MAX_STREAM = 400;
    private static FabricConnection connection;
    private static FabricLedger admin;

    @BeforeAll
    static void network() {
        LocalFabricNetwork.ensureDeployed();
        connection = FabricConnection.open(LocalFabricNetwork.settings());
        admin = connection.connect(LocalFabricNetwork.enrolled(ClientIdentity.departmentAdmin("CN=outage-department-admin")));
    }

    @AfterEach
    void everyNodeRunsAgain() {
        LocalFabricNetwork.script("up");
    }

    @AfterAll
    static void closeConnection() {
        if (admin != null) {
            admin.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void an_anchor_with_the_ministry_peer_down_fails_retryably_at_endorsement_and_completes_exactly_once_after_the_restart() {
        try (FabricLedger school = newSchool()) {
            eventually(() -> school.anchorBatch(request(school, "warm"))); // both endorsers found and connected
            AnchorRequest batch = request(school, "outage");

            try {
                LocalFabricNetwork.script("stop", PEER);
                Instant started = Instant.now();
                assertThatThrownBy(() -> school.anchorBatch(batch)).isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.stage()).isEqualTo(Stage.ENDORSE);
                    assertThat(e.retryable()).as(e.getMessage()).isTrue();
                    String transactionId = e.transactionId().orElseThrow();
                    assertThat(transactionId).matches("[0-9a-f]{64}");
                    assertThat(e.getMessage()).contains("endorse failed (transaction " + transactionId + ")");
                    System.out.println("With " + PEER + " down, after " + Duration.between(started, Instant.now()).toMillis()
                            + " ms: " + e.getMessage());
                });
                assertThat(Duration.between(started, Instant.now())).isLessThan(FAILS_WITHIN);
                // Nothing was ordered: the department's peer, still up, knows no such batch.
                assertThat(admin.findBatch(batch.batchId())).isEmpty();
            } finally {
                LocalFabricNetwork.script("up");
            }

            BatchAnchor anchored = eventually(() -> school.anchorBatch(batch));
            assertThat(anchored.merkleRootHex()).isEqualTo(batch.merkleRootHex());
            assertThat(anchored.credentialCount()).isEqualTo(batch.credentialCount());
            assertThat(school.findBatch(batch.batchId())).contains(anchored);

            BatchAnchor retriedAgain = school.anchorBatch(batch);
            assertThat(retriedAgain).isEqualTo(anchored);
            assertThat(admin.history(LedgerKeys.batch(batch.batchId()))).hasSize(1)
                    .first().satisfies(entry -> assertThat(entry.txId()).isEqualTo(anchored.txId()));
        }
    }

    @Test
    void anchors_running_while_the_ministry_peer_stops_and_restarts_each_end_up_anchored_exactly_once() throws Exception {
        try (FabricLedger school = newSchool()) {
            eventually(() -> school.anchorBatch(request(school, "warm")));
            List<AnchorRequest> attempted = new CopyOnWriteArrayList<>();
            Map<String, BatchAnchor> committed = new ConcurrentHashMap<>();
            Map<String, LedgerException> failed = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService submitter = Executors.newSingleThreadExecutor();
            // One new batch at least every 250 ms until told to stop, so the stream spans the outage and the recovery.
            Future<?> stream = submitter.submit(() -> {
                for (int i = 0; i < MAX_STREAM && !stop.get(); i++) {
                    AnchorRequest batch = request(school, "stream-" + i);
                    attempted.add(batch);
                    long started = System.nanoTime();
                    try {
                        committed.put(batch.batchId(), school.anchorBatch(batch));
                    } catch (LedgerException e) {
                        failed.put(batch.batchId(), e);
                    }
                    sleep(Math.max(0, 250 - (System.nanoTime() - started) / 1_000_000));
                }
            });
            try {
                awaitCondition(() -> committed.size() >= 3, Duration.ofSeconds(60), "three anchors before the outage");
                LocalFabricNetwork.script("stop", PEER);
                awaitCondition(() -> failed.size() >= 2, Duration.ofSeconds(60), "two anchors failing during the outage");
            } finally {
                LocalFabricNetwork.script("up");
            }
            try {
                int before = committed.size();
                awaitCondition(() -> committed.size() >= before + 3, RECOVERY, "three anchors after the restart");
            } finally {
                stop.set(true);
                submitter.shutdown();
            }
            try {
                stream.get(2, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                throw new AssertionError("the stream of anchors did not stop within 2 minutes", e);
            } finally {
                submitter.shutdownNow();
            }

            System.out.println(attempted.size() + " batches: " + committed.size() + " committed at the first try, "
                    + failed.size() + " failed, at " + failed.values().stream().map(e -> e.stage().name()).distinct().toList());
            assertThat(failed).isNotEmpty();
            failed.forEach((id, e) -> {
                assertThat(e.retryable()).as(id + ": " + e.getMessage()).isTrue();
                assertThat(e.stage()).as(id + ": " + e.getMessage()).isIn(Stage.ENDORSE, Stage.SUBMIT, Stage.COMMIT);
                assertThat(e.transactionId()).as(id + ": " + e.getMessage()).isPresent();
            });
            assertThat(committed.size() + failed.size()).isEqualTo(attempted.size());

            // The client's outbox retries every batch, committed or not, as it cannot always tell.
            Map<String, BatchAnchor> retried = new LinkedHashMap<>();
            for (AnchorRequest batch : attempted) {
                BatchAnchor anchor = eventually(() -> school.anchorBatch(batch));
                assertThat(anchor.merkleRootHex()).isEqualTo(batch.merkleRootHex());
                if (committed.containsKey(batch.batchId())) {
                    assertThat(anchor).isEqualTo(committed.get(batch.batchId()));
                }
                retried.put(batch.batchId(), anchor);
            }
            for (AnchorRequest batch : attempted) {
                assertThat(school.anchorBatch(batch)).isEqualTo(retried.get(batch.batchId()));
                assertThat(school.findBatch(batch.batchId())).contains(retried.get(batch.batchId()));
                assertThat(admin.history(LedgerKeys.batch(batch.batchId()))).as(batch.batchId()).hasSize(1);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A fresh school, accredited, and its issuer's port. */
    private static FabricLedger newSchool() {
        String code = "O" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
        eventually(() -> admin.accreditIssuer(code, "Trường THPT " + code, "did:web:schools.test:" + code.toLowerCase(Locale.ROOT),
                List.of("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")));
        return connection.connect(LocalFabricNetwork.enrolled(ClientIdentity.schoolIssuer("CN=outage-issuer-" + code, code)));
    }

    private static AnchorRequest request(FabricLedger school, String name) {
        byte[] root = new byte[32];
        ThreadLocalRandom.current().nextBytes(root);
        String code = school.identity().attribute(ClientIdentity.SCHOOL_CODE).orElseThrow();
        return new AnchorRequest(code + "-" + name + "-" + System.nanoTime(), HexFormat.of().formatHex(root), code, 44, "ReportCard");
    }

    /** Retries a call that fails as retryable while the network recovers, up to {@link #RECOVERY}. */
    private static <T> T eventually(Supplier<T> call) {
        Instant deadline = Instant.now().plus(RECOVERY);
        while (true) {
            try {
                return call.get();
            } catch (LedgerException e) {
                if (!e.retryable() || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    private static void awaitCondition(Supplier<Boolean> condition, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
