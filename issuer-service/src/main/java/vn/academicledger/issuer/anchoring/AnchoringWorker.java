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
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.anchor.MerkleTree;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.issuer.system.IssuerProperties;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * The outbox worker. Two steps, each its own transaction, so a crash between them loses nothing:
 * <ol>
 *   <li><b>batch</b>: take up to {@code batchSize} credentials of one school and type from the
 *       outbox (oldest first), fix their order and Merkle root in {@code anchor_batches} and
 *       {@code batch_members}, and delete them from the outbox;</li>
 *   <li><b>anchor</b>: for each PENDING batch, anchor its root through the school's ledger port
 *       (idempotent per batch id: a retry after a crash, or after a commit whose answer was lost,
 *       returns the existing anchor), then store each member's receipt and mark the batch ANCHORED.</li>
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
                        select school_code, credential_type, count(*), min(enqueued_at) from anchor_outbox
                        group by school_code, credential_type order by min(enqueued_at)""")
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

    private boolean createBatch(Group g) {
        record Member(UUID credentialId, byte[] digest) {
        }
        List<Member> members = jdbc.sql("""
                        with taken as (
                            delete from anchor_outbox where seq in (
                                select seq from anchor_outbox where school_code = ? and credential_type = ?
                                order by seq limit ? for update skip locked)
                            returning seq, credential_id)
                        select t.credential_id, c.digest from taken t join credentials c on c.id = t.credential_id
                        order by t.seq""")
                .params(g.school(), g.type(), settings.batchSize())
                .query((rs, n) -> new Member((UUID) rs.getObject(1), rs.getBytes(2)))
                .list();
        if (members.isEmpty()) {
            return false;
        }
        List<byte[]> digests = members.stream().map(Member::digest).toList();
        byte[] root = MerkleTree.build(digests).root();
        String batchId = g.school() + "-" + g.type().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID();
        jdbc.sql("insert into anchor_batches (id, school_code, credential_type, size, merkle_root, status) values (?, ?, ?, ?, ?, 'PENDING')")
                .params(batchId, g.school(), g.type(), members.size(), root).update();
        List<Object[]> rows = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            rows.add(new Object[]{batchId, i, members.get(i).credentialId()});
        }
        template.batchUpdate("insert into batch_members (batch_id, leaf_index, credential_id) values (?, ?, ?)", rows);
        return true;
    }

    private List<String> dueBatches() {
        return jdbc.sql("select id from anchor_batches where status = 'PENDING' and next_attempt_at <= ? order by created_at limit 100")
                .param(Timestamp.from(clock.instant()))
                .query(String.class).list();
    }

    /** Anchors one PENDING batch; false when the ledger refused or failed (it will be retried). */
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
        record Member(UUID credentialId, byte[] digest, byte[] salt) {
        }
        List<Member> members = jdbc.sql("""
                        select m.credential_id, c.digest, c.salt from batch_members m join credentials c on c.id = m.credential_id
                        where m.batch_id = ? order by m.leaf_index""")
                .param(batchId)
                .query((rs, n) -> new Member((UUID) rs.getObject(1), rs.getBytes(2), rs.getBytes(3)))
                .list();
        MerkleTree tree = MerkleTree.build(members.stream().map(Member::digest).toList());
        if (!java.util.Arrays.equals(tree.root(), batch.root()) || members.size() != batch.size()) {
            throw new IllegalStateException("batch " + batchId + " does not match its stored root; refusing to anchor it");
        }
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
        List<Object[]> receipts = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            AnchorReceipt receipt = AnchorReceipt.of(ledger.ledgerName(), batchId, batch.root(), tree.proof(i), m.salt());
            receipts.add(new Object[]{m.credentialId(), batchId, receipt.toJson().toString()});
        }
        transactions.executeWithoutResult(tx -> {
            template.batchUpdate("insert into inclusion_proofs (credential_id, batch_id, receipt_json) values (?, ?, ?) on conflict do nothing", receipts);
            jdbc.sql("update anchor_batches set status = 'ANCHORED', tx_id = ?, ledger = ?, anchored_at = now(), last_error = null where id = ?")
                    .params(anchor.txId(), ledger.ledgerName(), batchId).update();
        });
        return true;
    }

    Duration backoff(int attempts) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
