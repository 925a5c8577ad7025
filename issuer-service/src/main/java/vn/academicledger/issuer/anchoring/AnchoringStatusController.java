package vn.academicledger.issuer.anchoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * How far anchoring has got, for the department and its auditors: what waits in the outbox, which
 * batches wait for the ledger (how long, how often tried, why they failed last), and what is on the
 * ledger. While the ledger is unavailable the pending figures grow and {@code lastError} says why;
 * when it returns they fall to zero. Counts only: no credential, student or school data. The figures
 * are read from one snapshot of the database, so they add up.
 */
@RestController
@RequestMapping("/api/v1/anchoring")
@Tag(name = "Anchoring / Neo lên sổ cái")
class AnchoringStatusController {
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final LedgerAccess ledger;
    private final Clock clock;

    AnchoringStatusController(JdbcClient jdbc, PlatformTransactionManager transactions, LedgerAccess ledger, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param ledger  the ledger batches are anchored on
     * @param at      when these figures were read
     * @param outbox  credentials stored and waiting to be put into a batch
     * @param pending batches formed and waiting to be anchored (retried with backoff while the ledger fails)
     * @param anchored batches on the ledger and the credentials whose receipts are stored
     */
    record AnchoringStatus(String ledger, Instant at, Outbox outbox, Pending pending, Anchored anchored) {
    }

    /** @param oldestAgeSeconds how long the oldest waiting credential has waited (absent when none waits) */
    record Outbox(long waiting, Instant oldestEnqueuedAt, Long oldestAgeSeconds) {
    }

    /**
     * @param batches           batches not yet on the ledger
     * @param credentials       credentials in them
     * @param oldestAgeSeconds  age of the oldest pending batch
     * @param mostAttempts      failed attempts of the most-tried pending batch
     * @param nextAttemptAt     when the next pending batch is due
     * @param lastError         the failure of the pending batch that failed last (stage, code, message)
     * @param lastErrorBatch    that batch's id
     */
    record Pending(long batches, long credentials, Instant oldestCreatedAt, Long oldestAgeSeconds, int mostAttempts,
                   Instant nextAttemptAt, String lastError, String lastErrorBatch) {
    }

    record Anchored(long batches, long credentials, Instant lastAnchoredAt) {
    }

    @GetMapping
    @Operation(summary = "Anchoring progress (department administrators and auditors): outbox, pending batches with "
            + "their oldest age and last error, anchored batches and credentials")
    AnchoringStatus status(Caller caller) {
        caller.require(Role.DEPARTMENT_ADMIN, Role.AUDITOR);
        return snapshot.execute(tx -> read(clock.instant()));
    }

    private AnchoringStatus read(Instant now) {
        Outbox outbox = jdbc.sql("select coalesce(sum(cardinality(credential_ids)), 0), min(enqueued_at) from anchor_chunks where batch_id is null")
                .query((rs, n) -> {
                    Instant oldest = instant(rs.getTimestamp(2));
                    return new Outbox(rs.getLong(1), oldest, ageSeconds(oldest, now));
                }).single();
        record Failure(String error, String batchId) {
        }
        Failure failure = jdbc.sql("""
                        select last_error, id from anchor_batches where status = 'PENDING' and last_error is not null
                        order by next_attempt_at desc limit 1""")
                .query((rs, n) -> new Failure(rs.getString(1), rs.getString(2))).optional().orElse(new Failure(null, null));
        Pending pending = jdbc.sql("""
                        select count(*), coalesce(sum(size), 0), min(created_at), coalesce(max(attempts), 0), min(next_attempt_at)
                        from anchor_batches where status = 'PENDING'""")
                .query((rs, n) -> {
                    Instant oldest = instant(rs.getTimestamp(3));
                    return new Pending(rs.getLong(1), rs.getLong(2), oldest, ageSeconds(oldest, now), rs.getInt(4),
                            instant(rs.getTimestamp(5)), failure.error(), failure.batchId());
                }).single();
        // Every member of an ANCHORED batch has its receipt, so the sum of anchored batch sizes is the
        // number of receipts, read from a few rows.
        Anchored anchored = jdbc.sql("select count(*), coalesce(sum(size), 0), max(anchored_at) from anchor_batches where status = 'ANCHORED'")
                .query((rs, n) -> new Anchored(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)))).single();
        return new AnchoringStatus(ledger.ledgerName(), now, outbox, pending, anchored);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Long ageSeconds(Instant since, Instant now) {
        return since == null ? null : Math.max(0, Duration.between(since, now).toSeconds());
    }
}
