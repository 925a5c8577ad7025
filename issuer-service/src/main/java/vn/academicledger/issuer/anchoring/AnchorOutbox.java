package vn.academicledger.issuer.anchoring;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.academicledger.core.anchor.MerkleTree;

/**
 * The transactional outbox of anchoring: one row per chunk of credentials stored together, written
 * in the transaction that stores them. {@link #reserve()} first, to write the chunk's number into
 * each credential row ({@code credentials.anchor_chunk}), then {@link #enqueue}.
 */
@Component
public class AnchorOutbox {
    private final JdbcClient jdbc;

    AnchorOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A chunk's {@code digests} column split into its 32-byte digests, in order. */
    static List<byte[]> digests(byte[] column) {
        if (column.length % 32 != 0) {
            throw new IllegalStateException("a chunk's digests are " + column.length + " bytes, not a multiple of 32");
        }
        List<byte[]> digests = new java.util.ArrayList<>(column.length / 32);
        for (int i = 0; i < column.length; i += 32) {
            digests.add(java.util.Arrays.copyOfRange(column, i, i + 32));
        }
        return digests;
    }

    /** A batch's credentials in leaf order, with the Merkle tree of their digests. */
    record BatchLeaves(List<UUID> credentialIds, MerkleTree tree) {
    }

    /**
     * The batch's chunks read back in order (the worker before anchoring, {@link Receipts} after),
     * checked against the size and root stored when the batch was made.
     */
    static BatchLeaves batchLeaves(JdbcClient jdbc, String batchId, int size, byte[] root) {
        record Row(UUID[] ids, byte[] digests) {
        }
        List<Row> rows = jdbc.sql("select credential_ids, digests from anchor_chunks where batch_id = ? order by batch_offset")
                .param(batchId)
                .query((rs, n) -> new Row((UUID[]) rs.getArray(1).getArray(), rs.getBytes(2)))
                .list();
        List<UUID> ids = new java.util.ArrayList<>(size);
        List<byte[]> leaves = new java.util.ArrayList<>(size);
        for (Row r : rows) {
            List<byte[]> digests = digests(r.digests());
            if (digests.size() != r.ids().length) {
                throw new IllegalStateException("a chunk of batch " + batchId + " lists " + r.ids().length + " credentials but "
                        + digests.size() + " digests");
            }
            ids.addAll(java.util.Arrays.asList(r.ids()));
            leaves.addAll(digests);
        }
        MerkleTree tree = MerkleTree.build(leaves);
        if (leaves.size() != size || !java.util.Arrays.equals(tree.root(), root)) {
            throw new IllegalStateException("batch " + batchId + " does not match its stored root");
        }
        return new BatchLeaves(ids, tree);
    }

    /** The number of the next chunk, to store with its credentials. */
    public long reserve() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('anchor_chunks', 'seq'))").query(Long.class).single();
    }

    /**
     * Queues credentials of one school and type for anchoring, in this order (their leaf order).
     *
     * @param jobId the job that issued them, or {@code null}
     */
    public void enqueue(long chunk, String schoolCode, String credentialType, UUID jobId, List<UUID> credentialIds,
                        List<byte[]> digests) {
        if (credentialIds.size() != digests.size() || credentialIds.isEmpty()) {
            throw new IllegalArgumentException(credentialIds.size() + " credentials, " + digests.size() + " digests");
        }
        byte[] leaves = new byte[32 * digests.size()];
        for (int i = 0; i < digests.size(); i++) {
            byte[] d = digests.get(i);
            if (d.length != 32) {
                throw new IllegalArgumentException("a digest of " + d.length + " bytes");
            }
            System.arraycopy(d, 0, leaves, 32 * i, 32);
        }
        jdbc.sql("""
                        insert into anchor_chunks (seq, school_code, credential_type, job_id, credential_ids, digests)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(chunk, schoolCode, credentialType, jobId, credentialIds.toArray(UUID[]::new), leaves)
                .update();
    }
}
