package vn.academicledger.issuer.anchoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.core.anchor.MerkleTree;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.issuer.system.IssuerProperties;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * The outbox worker. Two steps, each its own transaction, so a crash between them loses nothing:
 * <ol>
 *   <li><b>batch</b>: take the oldest waiting chunks of one school and type from the outbox
 *       ({@code anchor_chunks}), whole, up to {@code batchSize} credentials, fix their order and
 *       Merkle root in {@code anchor_batches} and mark the chunks as that batch's;</li>
 *   <li><b>anchor</b>: for each PENDING batch, anchor its root through the school's ledger port
 *       (idempotent per batch id: a retry after a crash, or after a commit whose answer was lost,
 *       returns the existing anchor), then mark the batch ANCHORED: from then on its credentials'
 *       receipts are derived from it ({@link Receipts}).</li>
 * </ol>
 * A failed anchor is retried with exponential backoff; while the ledger is down, work queues up in
 * the outbox and PENDING batches, and resumes when it returns.
 */
@Component
public class AnchoringWorker {
    private static final Logger LOG = LoggerFactory.getLogger(AnchoringWorker.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final LedgerAccess ledger;
    private final IssuerProperties.Anchoring settings;
    private final Clock clock;

    AnchoringWorker(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, LedgerAccess ledger,
                    IssuerProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.ledger = ledger;
        this.settings = properties.anchoring();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${issuer.anchoring.poll-interval:200ms}")
    void tick() {
        if (!settings.enabled()) {
            return;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("Anchoring pass failed; will retry: {}", e.getMessage());
        }
    }

    /** Batches what is due and anchors every due batch; returns the number of batches anchored. */
    public int drain() {
        int anchored = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            while (formBatch()) {
                progress = true;
            }
            for (String batchId : dueBatches()) {
                boolean done;
                try {
                    done = anchor(batchId);
                } catch (RuntimeException e) {
                    // Not a ledger refusal (those are handled in anchor): a fault of this batch must not
                    // hold up the others. It waits the longest backoff and says why.
                    LOG.error("Anchoring batch {} failed unexpectedly; retrying in {}", batchId, settings.maxBackoff(), e);
                    jdbc.sql("update anchor_batches set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                            .params(Timestamp.from(clock.instant().plus(settings.maxBackoff())),
                                    "UNEXPECTED: " + e.getClass().getSimpleName() + ": " + e.getMessage(), batchId)
                            .update();
                    done = false;
                }
                if (done) {
                    anchored++;
                    progress = true;
                }
            }
        }
        return anchored;
    }

    record Group(String school, String type, long count, Instant oldest) {
    }

    /** Forms one batch from the outbox if a group is full or old enough; true when it formed one. */
    boolean formBatch() {
        Instant now = clock.instant();
        List<Group> groups = jdbc.sql("""
                        select school_code, credential_type, sum(cardinality(credential_ids)), min(enqueued_at) from anchor_chunks
                        where batch_id is null group by school_code, credential_type order by min(enqueued_at)""")
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
                .list();
        for (Group g : groups) {
            if (g.count() >= settings.batchSize() || !g.oldest().plus(settings.maxAge()).isAfter(now)) {
                Boolean formed = transactions.execute(tx -> createBatch(g));
                if (Boolean.TRUE.equals(formed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Chunk(long seq, int size, byte[] digests) {
    }

    /**
     * Takes the oldest waiting chunks of the group, whole, up to {@code batchSize} credentials (at
     * least one chunk, however large), and makes them a batch: their digests in order are its leaves.
     */
    private boolean createBatch(Group g) {
        List<Chunk> waiting = jdbc.sql("""
                        select seq, cardinality(credential_ids), digests from anchor_chunks
                        where school_code = ? and credential_type = ? and batch_id is null
                        order by seq limit ? for update skip locked""")
                .params(g.school(), g.type(), settings.batchSize())
                .query((rs, n) -> new Chunk(rs.getLong(1), rs.getInt(2), rs.getBytes(3)))
                .list();
        List<Chunk> taken = new ArrayList<>();
        int size = 0;
        for (Chunk c : waiting) {
            if (!taken.isEmpty() && size + c.size() > settings.batchSize()) {
                break;
            }
            taken.add(c);
            size += c.size();
        }
        if (taken.isEmpty()) {
            return false;
        }
        byte[] root = MerkleTree.build(leaves(taken)).root();
        String batchId = g.school() + "-" + g.type().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID();
        jdbc.sql("insert into anchor_batches (id, school_code, credential_type, size, merkle_root, status) values (?, ?, ?, ?, ?, 'PENDING')")
                .params(batchId, g.school(), g.type(), size, root).update();
        List<Object[]> rows = new ArrayList<>(taken.size());
        int offset = 0;
        for (Chunk c : taken) {
            rows.add(new Object[]{batchId, offset, c.seq()});
            offset += c.size();
        }
        template.batchUpdate("update anchor_chunks set batch_id = ?, batch_offset = ? where seq = ?", rows);
        return true;
    }

    /** The chunks' digests, in order: the batch's Merkle leaves. */
    private static List<byte[]> leaves(List<Chunk> chunks) {
        List<byte[]> leaves = new ArrayList<>();
        for (Chunk c : chunks) {
            leaves.addAll(AnchorOutbox.digests(c.digests()));
        }
        return leaves;
    }

    private List<String> dueBatches() {
        return jdbc.sql("select id from anchor_batches where status = 'PENDING' and next_attempt_at <= ? order by created_at limit 100")
                .param(Timestamp.from(clock.instant()))
                .query(String.class).list();
    }

    /**
     * Anchors one PENDING batch; false when the ledger refused or failed (it will be retried). Its
     * credentials' receipts follow from it (see {@link Receipts}): nothing is written per credential.
     */
    boolean anchor(String batchId) {
        record Batch(String school, String type, int size, byte[] root, int attempts) {
        }
        Batch batch = jdbc.sql("select school_code, credential_type, size, merkle_root, attempts from anchor_batches where id = ? and status = 'PENDING'")
                .param(batchId)
                .query((rs, n) -> new Batch(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getInt(5)))
                .optional().orElse(null);
        if (batch == null) {
            return false;
        }
        // Refuses to anchor a batch whose chunks no longer give its stored root.
        AnchorOutbox.batchLeaves(jdbc, batchId, batch.size(), batch.root());
        String typeName = vn.academicledger.core.domain.CredentialType.valueOf(batch.type()).typeName();
        BatchAnchor anchor;
        try {
            anchor = ledger.school(batch.school()).anchorBatch(new AnchorRequest(batchId, HexFormat.of().formatHex(batch.root()),
                    batch.school(), batch.size(), typeName));
        } catch (LedgerException e) {
            Duration wait = backoff(batch.attempts());
            LOG.warn("Anchoring batch {} failed at {} ({}); retry #{} in {}", batchId, e.stage(), e.errorCode(),
                    batch.attempts() + 1, wait);
            jdbc.sql("update anchor_batches set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(Timestamp.from(clock.instant().plus(wait)), e.errorCode() + " at " + e.stage() + ": " + e.getMessage(), batchId)
                    .update();
            return false;
        }
        jdbc.sql("update anchor_batches set status = 'ANCHORED', tx_id = ?, ledger = ?, anchored_at = now(), last_error = null where id = ?")
                .params(anchor.txId(), ledger.ledgerName(), batchId).update();
        return true;
    }

    Duration backoff(int attempts) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
