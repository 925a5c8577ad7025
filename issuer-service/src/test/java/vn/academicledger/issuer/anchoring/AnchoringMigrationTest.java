package vn.academicledger.issuer.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.anchor.MerkleTree;

/**
 * V4 ({@code V4__anchoring_by_chunk.sql}) on a database made by an older version: schema 3 is filled
 * the way the old code filled it (an outbox row per credential, batch members, a stored receipt per
 * anchored credential), then migrated. Every batch must become one chunk with its members in leaf
 * order, the outbox one waiting chunk per school and type in queue order, every credential must know
 * its chunk, and every receipt {@link Receipts} derives must be exactly the one the old code stored.
 */
class AnchoringMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHOOL = "THPT-MIG";
    private static final String LEDGER = "embedded";

    private record Cred(UUID id, String type, byte[] salt, byte[] digest) {
    }

    private record Chunk(long seq, String school, String type, List<UUID> ids, byte[] digests, String batchId,
                         Integer batchOffset) {
        List<byte[]> leaves() {
            List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                out.add(Arrays.copyOfRange(digests, 32 * i, 32 * i + 32));
            }
            return out;
        }
    }

    @Test
    void v4_keeps_every_receipt_batch_and_waiting_credential_of_an_older_database() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource ds = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("3").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);

            // --- The database as version 3 left it. ---
            jdbc.sql("insert into schools (code, name, did) values (?, ?, ?)")
                    .params(SCHOOL, "THPT Migration", "did:web:issuer.example:schools:" + SCHOOL).update();
            UUID job = UUID.randomUUID();
            jdbc.sql("""
                            insert into issuance_jobs (id, school_code, credential_type, cryptosuite, status, total, done, created_by)
                            values (?, ?, 'REPORT_CARD', 'eddsa-jcs-2022', 'DONE', 11, 11, 'gv.issuer')""")
                    .params(job, SCHOOL).update();

            List<Cred> creds = new ArrayList<>();
            // 0-4: anchored report card batch; 5-7: pending report card batch; 8-10: report cards in the
            // outbox; 11: a diploma anchored alone (a tree of one leaf); 12: a diploma in the outbox.
            for (int i = 0; i < 13; i++) {
                String type = i >= 11 ? "DIPLOMA" : "REPORT_CARD";
                Cred c = credential(jdbc, i, type, i < 11 ? job : null);
                creds.add(c);
            }

            Map<UUID, String> storedReceipts = new HashMap<>();
            String anchored = SCHOOL + "-report-card-" + UUID.randomUUID();
            List<Cred> anchoredMembers = creds.subList(0, 5);
            oldBatch(jdbc, anchored, "REPORT_CARD", anchoredMembers, true, storedReceipts);
            String pending = SCHOOL + "-report-card-" + UUID.randomUUID();
            List<Cred> pendingMembers = creds.subList(5, 8);
            oldBatch(jdbc, pending, "REPORT_CARD", pendingMembers, false, storedReceipts);
            String lone = SCHOOL + "-diploma-" + UUID.randomUUID();
            List<Cred> loneMembers = List.of(creds.get(11));
            oldBatch(jdbc, lone, "DIPLOMA", loneMembers, true, storedReceipts);
            assertThat(storedReceipts).hasSize(6);

            // The outbox, queued in an order other than the credentials' insertion order: seq decides.
            List<Cred> outboxReportCards = List.of(creds.get(9), creds.get(8), creds.get(10));
            Instant t = Instant.parse("2026-05-01T08:00:00Z");
            for (int i = 0; i < outboxReportCards.size(); i++) {
                outbox(jdbc, outboxReportCards.get(i), t.plusSeconds(10L * i));
            }
            outbox(jdbc, creds.get(12), t.plusSeconds(5));

            // --- Migrate. ---
            Flyway latest = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
            latest.migrate();
            assertThat(latest.info().current().getVersion().isAtLeast("4")).isTrue();

            // The per-credential tables are gone.
            List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                    .query(String.class).list();
            assertThat(tables).contains("anchor_chunks", "anchor_batches", "credentials")
                    .doesNotContain("anchor_outbox", "batch_members", "inclusion_proofs");

            List<Chunk> chunks = jdbc.sql("""
                            select seq, school_code, credential_type, credential_ids, digests, batch_id, batch_offset
                            from anchor_chunks order by seq""")
                    .query((rs, n) -> new Chunk(rs.getLong(1), rs.getString(2), rs.getString(3),
                            List.of((UUID[]) rs.getArray(4).getArray()), rs.getBytes(5), rs.getString(6),
                            (Integer) rs.getObject(7)))
                    .list();
            assertThat(chunks).hasSize(5);

            // Each old batch is one chunk at offset 0, its members and digests in leaf order.
            assertBatchChunk(chunks, anchored, "REPORT_CARD", anchoredMembers);
            assertBatchChunk(chunks, pending, "REPORT_CARD", pendingMembers);
            assertBatchChunk(chunks, lone, "DIPLOMA", loneMembers);

            // The outbox is one waiting chunk per school and type, in queue (seq) order.
            List<Chunk> waiting = chunks.stream().filter(k -> k.batchId() == null).toList();
            assertThat(waiting).hasSize(2);
            Chunk waitingReportCards = single(waiting, "REPORT_CARD");
            assertThat(waitingReportCards.school()).isEqualTo(SCHOOL);
            assertThat(waitingReportCards.batchOffset()).isNull();
            assertThat(waitingReportCards.ids()).containsExactlyElementsOf(outboxReportCards.stream().map(Cred::id).toList());
            assertThat(waitingReportCards.leaves()).containsExactlyElementsOf(outboxReportCards.stream().map(Cred::digest).toList());
            Chunk waitingDiplomas = single(waiting, "DIPLOMA");
            assertThat(waitingDiplomas.ids()).containsExactly(creds.get(12).id());
            assertThat(waitingDiplomas.leaves()).containsExactly(creds.get(12).digest());
            Timestamp oldestReportCard = jdbc.sql("select enqueued_at from anchor_chunks where seq = ?")
                    .param(waitingReportCards.seq()).query(Timestamp.class).single();
            assertThat(oldestReportCard.toInstant()).isEqualTo(t);

            // Every credential knows the chunk that holds it.
            Map<UUID, Long> chunkOf = new HashMap<>();
            jdbc.sql("select id, anchor_chunk from credentials").query(rs -> {
                chunkOf.put((UUID) rs.getObject(1), (Long) rs.getObject(2));
            });
            assertThat(chunkOf).hasSize(creds.size());
            for (Cred c : creds) {
                Long seq = chunkOf.get(c.id());
                assertThat(seq).as("anchor_chunk of credential %s", c.id()).isNotNull();
                Chunk holder = chunks.stream().filter(k -> k.seq() == seq).findFirst().orElseThrow();
                assertThat(holder.ids()).contains(c.id());
            }

            // The key check: each stored receipt is derived again, exactly; nothing else has one.
            Receipts receipts = new Receipts(JdbcClient.create(ds));
            for (Cred c : creds) {
                Optional<AnchorReceipt> derived = receipts.of(c.id(), chunkOf.get(c.id()), c.salt());
                String stored = storedReceipts.get(c.id());
                if (stored == null) {
                    assertThat(derived).as("receipt of unanchored credential %s", c.id()).isEmpty();
                } else {
                    assertThat(derived).as("receipt of anchored credential %s", c.id()).isPresent();
                    String now = derived.get().toJson().toString();
                    assertThat(JSON.readTree(now)).isEqualTo(JSON.readTree(stored));
                    assertThat(now).isEqualTo(stored);
                }
            }

            // The job's anchored count (IssuanceJobs.get) still counts its 5 anchored report cards.
            long jobAnchored = jdbc.sql("""
                            select count(*) from credentials c join anchor_chunks k on k.seq = c.anchor_chunk
                            join anchor_batches b on b.id = k.batch_id where c.job_id = ? and b.status = 'ANCHORED'""")
                    .param(job).query(Long.class).single();
            assertThat(jobAnchored).isEqualTo(5);

            // New chunks are numbered after the migrated ones (AnchorOutbox.reserve).
            long next = new AnchorOutbox(JdbcClient.create(ds)).reserve();
            assertThat(next).isGreaterThan(chunks.get(chunks.size() - 1).seq());
        }
    }

    private static Cred credential(JdbcClient jdbc, int i, String type, UUID job) {
        UUID id = UUID.randomUUID();
        String json = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],\"n\":" + i + "}";
        byte[] salt = CredentialDigest.newSalt();
        byte[] digest = CredentialDigest.ofCanonical(json.getBytes(StandardCharsets.UTF_8), salt);
        jdbc.sql("""
                        insert into credentials (id, school_code, credential_type, job_id, job_item, status_list, status_index,
                                                 credential_json, salt, digest, issued_by, issued_at)
                        values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'hieu.truong', now())""")
                .params(id, SCHOOL, type, job, job == null ? null : i, i, json, salt, digest).update();
        return new Cred(id, type, salt, digest);
    }

    /**
     * A batch as the old worker made it: members by leaf index (written here in reverse, so only
     * leaf_index gives the order) and, once anchored, one stored receipt per member.
     */
    private static void oldBatch(JdbcClient jdbc, String batchId, String type, List<Cred> members, boolean anchored,
                                 Map<UUID, String> storedReceipts) {
        MerkleTree tree = MerkleTree.build(members.stream().map(Cred::digest).toList());
        byte[] root = tree.root();
        jdbc.sql("""
                        insert into anchor_batches (id, school_code, credential_type, size, merkle_root, status, attempts,
                                                    ledger, tx_id, anchored_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(batchId, SCHOOL, type, members.size(), root, anchored ? "ANCHORED" : "PENDING", anchored ? 1 : 3,
                        anchored ? LEDGER : null, anchored ? "tx-" + batchId : null,
                        anchored ? Timestamp.from(Instant.now()) : null)
                .update();
        for (int i = members.size() - 1; i >= 0; i--) {
            jdbc.sql("insert into batch_members (batch_id, leaf_index, credential_id) values (?, ?, ?)")
                    .params(batchId, i, members.get(i).id()).update();
        }
        if (anchored) {
            for (int i = 0; i < members.size(); i++) {
                Cred m = members.get(i);
                String receipt = AnchorReceipt.of(LEDGER, batchId, root, tree.proof(i), m.salt()).toJson().toString();
                jdbc.sql("insert into inclusion_proofs (credential_id, batch_id, receipt_json) values (?, ?, ?)")
                        .params(m.id(), batchId, receipt).update();
                storedReceipts.put(m.id(), receipt);
            }
        }
    }

    private static void outbox(JdbcClient jdbc, Cred c, Instant at) {
        jdbc.sql("insert into anchor_outbox (credential_id, school_code, credential_type, enqueued_at) values (?, ?, ?, ?)")
                .params(c.id(), SCHOOL, c.type(), Timestamp.from(at)).update();
    }

    private static void assertBatchChunk(List<Chunk> chunks, String batchId, String type, List<Cred> members) {
        List<Chunk> of = chunks.stream().filter(k -> batchId.equals(k.batchId())).toList();
        assertThat(of).as("chunks of batch %s", batchId).hasSize(1);
        Chunk k = of.get(0);
        assertThat(k.school()).isEqualTo(SCHOOL);
        assertThat(k.type()).isEqualTo(type);
        assertThat(k.batchOffset()).isZero();
        assertThat(k.ids()).containsExactlyElementsOf(members.stream().map(Cred::id).toList());
        assertThat(k.leaves()).containsExactlyElementsOf(members.stream().map(Cred::digest).toList());
        assertThat(MerkleTree.build(k.leaves()).root()).isEqualTo(MerkleTree.build(members.stream().map(Cred::digest).toList()).root());
    }

    private static Chunk single(List<Chunk> chunks, String type) {
        List<Chunk> of = chunks.stream().filter(k -> k.type().equals(type)).toList();
        assertThat(of).as("waiting %s chunks", type).hasSize(1);
        return of.get(0);
    }
}
