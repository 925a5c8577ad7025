package vn.academicledger.issuer.anchoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.anchor.MerkleTree;

/**
 * A credential's anchoring receipt, derived from its anchored batch: the batch's leaves are its
 * chunks' digests in order ({@code anchor_chunks}), the credential's leaf is its chunk's offset in
 * the batch plus its place in the chunk. The tree is rebuilt, checked against the stored root, and
 * kept for the next credential of the same batch (a verifier or a class's PDFs come in runs).
 */
@Component
public class Receipts {
    /** Anchored batches never change, so cached trees never go stale. */
    private final Map<String, Batch> trees = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Batch> eldest) {
            return size() > 32;
        }
    });

    private final JdbcClient jdbc;

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Batch(String ledger, byte[] root, MerkleTree tree, Map<UUID, Integer> leaves) {
    }

    /**
     * The receipt of a credential stored in chunk {@code chunk}, once its batch is anchored; empty
     * while it waits.
     */
    public Optional<AnchorReceipt> of(UUID credentialId, Long chunk, byte[] salt) {
        if (chunk == null) {
            return Optional.empty();
        }
        String batchId = jdbc.sql("""
                        select b.id from anchor_chunks k join anchor_batches b on b.id = k.batch_id
                        where k.seq = ? and b.status = 'ANCHORED'""")
                .param(chunk).query(String.class).optional().orElse(null);
        if (batchId == null) {
            return Optional.empty();
        }
        Batch batch = trees.get(batchId);
        if (batch == null) {
            batch = load(batchId);
            trees.put(batchId, batch);
        }
        Integer leaf = batch.leaves().get(credentialId);
        if (leaf == null) {
            throw new IllegalStateException("credential " + credentialId + " is not in its chunk's batch " + batchId);
        }
        return Optional.of(AnchorReceipt.of(batch.ledger(), batchId, batch.root(), batch.tree().proof(leaf), salt));
    }

    private Batch load(String batchId) {
        record Head(String ledger, byte[] root, int size) {
        }
        Head head = jdbc.sql("select ledger, merkle_root, size from anchor_batches where id = ?").param(batchId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getBytes(2), rs.getInt(3))).single();
        AnchorOutbox.BatchLeaves leaves = AnchorOutbox.batchLeaves(jdbc, batchId, head.size(), head.root());
        Map<UUID, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < leaves.credentialIds().size(); i++) {
            index.put(leaves.credentialIds().get(i), i);
        }
        return new Batch(head.ledger(), head.root(), leaves.tree(), index);
    }
}
