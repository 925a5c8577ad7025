package vn.academicledger.issuer.anchoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.domain.DiplomaNumbering;
import vn.academicledger.core.ledger.BatchAnchor;

/**
 * Checks, from the database and the ledger alone (none of the service's code), that a set of issuance
 * jobs ended with every credential anchored exactly once:
 * <ul>
 *   <li><b>issued</b>: the jobs hold the expected number of credentials, one per (job, item), no digest twice;</li>
 *   <li><b>batched once</b>: every credential is a member of exactly one batch, at a leaf index below the batch's size,
 *       and the outbox is empty;</li>
 *   <li><b>anchored</b>: every batch of the school is ANCHORED, and the ledger holds it with the same root, count and issuer;</li>
 *   <li><b>receipts</b>: every credential has one receipt, for its own batch and leaf; its digest, recomputed from the
 *       stored credential and salt, leads through the receipt's path to the batch root;</li>
 *   <li><b>numbering</b>: the school's status list indexes are unique and below each list's counter; diploma serial
 *       and register numbers run 1, 2, 3… up to their counters, without a gap.</li>
 * </ul>
 * Status list indexes may have gaps: the job runner takes a chunk's slots in a transaction of its own
 * (so jobs run side by side), and a chunk cut off by a stop or crash leaves its slots unused (bits that
 * stay 0, harmless to revocation). {@link Report#unusedStatusSlots()} counts them; callers bound it.
 * A violated check fails with every violation counted and the first few named.
 */
public final class AnchoringInvariants {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final int SHOWN = 10;

    private final DataSource database;
    private final Function<String, Optional<BatchAnchor>> ledger;
    private final Map<String, List<String>> violations = new TreeMap<>();
    private final Map<String, Long> violationCounts = new TreeMap<>();

    /**
     * @param database the issuer service's database
     * @param ledger   finds a batch anchor on the ledger by batch id
     */
    public AnchoringInvariants(DataSource database, Function<String, Optional<BatchAnchor>> ledger) {
        this.database = database;
        this.ledger = ledger;
    }

    /**
     * What was checked.
     *
     * @param statusSlots       status list indexes credentials hold
     * @param unusedStatusSlots indexes handed out that no credential holds (gaps)
     */
    public record Report(long credentials, long batches, long receiptsVerified, long diplomas, long statusSlots,
                         long unusedStatusSlots) {
    }

    /**
     * Checks the jobs' credentials and the school's batches and numbering; throws {@link AssertionError}
     * naming every check that failed.
     */
    public Report check(String school, Collection<UUID> jobs, long expectedCredentials) throws SQLException {
        violations.clear();
        violationCounts.clear();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.createStatement().execute("set transaction isolation level repeatable read");
            Array jobIds = c.createArrayOf("uuid", jobs.toArray());
            long credentials = issued(c, jobIds, expectedCredentials);
            batchedOnce(c, jobIds);
            long batches = anchored(c, school);
            long receipts = receipts(c, jobIds);
            long[] slots = statusSlots(c, school);
            long diplomas = diplomaNumbers(c, school);
            c.rollback();
            if (!violations.isEmpty()) {
                StringBuilder text = new StringBuilder("Anchoring invariants violated:");
                violations.forEach((check, first) -> text.append("\n  ").append(check).append(": ")
                        .append(violationCounts.get(check)).append(" violation(s), e.g. ").append(first));
                throw new AssertionError(text.toString());
            }
            return new Report(credentials, batches, receipts, diplomas, slots[0], slots[1]);
        }
    }

    private void violation(String check, String what) {
        violationCounts.merge(check, 1L, Long::sum);
        List<String> first = violations.computeIfAbsent(check, k -> new ArrayList<>());
        if (first.size() < SHOWN) {
            first.add(what);
        }
    }

    private long issued(Connection c, Array jobs, long expected) throws SQLException {
        long count = single(c, "select count(*) from credentials where job_id = any(?)", jobs);
        if (count != expected) {
            violation("issued", count + " credentials, expected " + expected);
        }
        long pairs = single(c, "select count(distinct (job_id, job_item)) from credentials where job_id = any(?)", jobs);
        if (pairs != count) {
            violation("issued", (count - pairs) + " credentials repeat a (job, item)");
        }
        long digests = single(c, "select count(distinct digest) from credentials where job_id = any(?)", jobs);
        if (digests != count) {
            violation("issued", (count - digests) + " credentials repeat a digest");
        }
        long done = single(c, "select coalesce(sum(done), 0) from issuance_jobs where id = any(?)", jobs);
        if (done != count) {
            violation("issued", "the jobs' progress says " + done + " done, but they hold " + count + " credentials");
        }
        for (String id : strings(c, "select id::text || ' ' || status from issuance_jobs where id = any(?) and status <> 'DONE'", jobs)) {
            violation("issued", "job not DONE: " + id);
        }
        return count;
    }

    private void batchedOnce(Connection c, Array jobs) throws SQLException {
        for (String row : strings(c, """
                select c.id::text || ' in ' || count(m.batch_id) || ' batches' from credentials c
                left join batch_members m on m.credential_id = c.id where c.job_id = any(?)
                group by c.id having count(m.batch_id) <> 1""", jobs)) {
            violation("batched once", row);
        }
        long waiting = single(c, "select count(*) from anchor_outbox");
        if (waiting != 0) {
            violation("batched once", waiting + " credentials still in the outbox");
        }
    }

    private long anchored(Connection c, String school) throws SQLException {
        record Batch(String id, String status, int size, byte[] root, String txId, long members, int maxLeaf) {
        }
        List<Batch> batches = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select b.id, b.status, b.size, b.merkle_root, b.tx_id, count(m.leaf_index), coalesce(max(m.leaf_index), -1)
                from anchor_batches b left join batch_members m on m.batch_id = b.id where b.school_code = ?
                group by b.id order by b.created_at""")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    batches.add(new Batch(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getString(5),
                            rs.getLong(6), rs.getInt(7)));
                }
            }
        }
        for (Batch b : batches) {
            if (!b.status().equals("ANCHORED")) {
                violation("anchored", b.id() + " is " + b.status());
            }
            if (b.members() != b.size() || b.maxLeaf() != b.size() - 1) {
                violation("anchored", b.id() + " has size " + b.size() + " but " + b.members() + " members up to leaf " + b.maxLeaf());
            }
            Optional<BatchAnchor> onLedger = ledger.apply(b.id());
            if (onLedger.isEmpty()) {
                violation("anchored", b.id() + " is not on the ledger");
                continue;
            }
            BatchAnchor a = onLedger.get();
            if (!a.merkleRootHex().equals(HEX.formatHex(b.root()))) {
                violation("anchored", b.id() + ": the ledger holds root " + a.merkleRootHex() + ", the database " + HEX.formatHex(b.root()));
            }
            if (a.credentialCount() != b.size() || !a.issuerCode().equals(school)) {
                violation("anchored", b.id() + ": the ledger holds " + a.credentialCount() + " credentials of " + a.issuerCode());
            }
            if (b.status().equals("ANCHORED") && !a.txId().equals(b.txId())) {
                violation("anchored", b.id() + ": anchored by transaction " + a.txId() + ", the database says " + b.txId());
            }
        }
        return batches.size();
    }

    private long receipts(Connection c, Array jobs) throws SQLException {
        long verified = 0;
        try (PreparedStatement s = c.prepareStatement("""
                select c.id, c.credential_json, c.salt, c.digest, m.batch_id, m.leaf_index, b.size, b.merkle_root,
                       p.batch_id, p.receipt_json
                from credentials c
                join batch_members m on m.credential_id = c.id
                join anchor_batches b on b.id = m.batch_id
                left join inclusion_proofs p on p.credential_id = c.id
                where c.job_id = any(?)""")) {
            s.setArray(1, jobs);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = (UUID) rs.getObject(1);
                    String receiptJson = rs.getString(10);
                    if (receiptJson == null) {
                        violation("receipts", id + " has no receipt");
                        continue;
                    }
                    String batch = rs.getString(5);
                    if (!batch.equals(rs.getString(9))) {
                        violation("receipts", id + " is in batch " + batch + " but its receipt row names " + rs.getString(9));
                        continue;
                    }
                    if (receiptHolds(id, rs.getString(2), rs.getBytes(3), rs.getBytes(4), batch, rs.getInt(6), rs.getInt(7),
                            rs.getBytes(8), receiptJson)) {
                        verified++;
                    }
                }
            }
        }
        return verified;
    }

    private boolean receiptHolds(UUID id, String credentialJson, byte[] salt, byte[] storedDigest, String batch, int leaf,
                                 int size, byte[] root, String receiptJson) {
        try {
            ObjectNode credential = (ObjectNode) JSON.readTree(credentialJson);
            byte[] digest = CredentialDigest.of(credential, salt);
            if (!Arrays.equals(digest, storedDigest)) {
                violation("receipts", id + ": the stored digest is not the digest of the stored credential and salt");
                return false;
            }
            AnchorReceipt receipt = AnchorReceipt.fromJson(JSON.readTree(receiptJson));
            if (!receipt.batchId().equals(batch) || receipt.leafIndex() != leaf || receipt.treeSize() != size
                    || !Arrays.equals(receipt.saltBytes(), salt) || !Arrays.equals(receipt.merkleRoot(), root)) {
                violation("receipts", id + ": the receipt names batch " + receipt.batchId() + " leaf " + receipt.leafIndex()
                        + "/" + receipt.treeSize() + ", the credential is " + batch + " leaf " + leaf + "/" + size);
                return false;
            }
            if (!Arrays.equals(receipt.inclusionProof().rootFor(digest), root)) {
                violation("receipts", id + ": the inclusion path does not lead from its digest to the batch root");
                return false;
            }
            return true;
        } catch (Exception e) {
            violation("receipts", id + ": " + e);
            return false;
        }
    }

    /** Held and unused indexes of the school's status lists. */
    private long[] statusSlots(Connection c, String school) throws SQLException {
        long held = 0;
        long unused = 0;
        Map<Integer, Integer> counters = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select list_number, next_index from status_lists where school_code = ?")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counters.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                select status_list, count(*), count(distinct status_index), min(status_index), max(status_index)
                from credentials where school_code = ? group by status_list""")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int list = rs.getInt(1);
                    long count = rs.getLong(2);
                    held += count;
                    if (rs.getLong(3) != count) {
                        violation("numbering", "status list " + list + ": " + (count - rs.getLong(3)) + " indexes held twice");
                    }
                    Integer next = counters.remove(list);
                    if (next == null || rs.getInt(4) < 0 || rs.getInt(5) >= next) {
                        violation("numbering", "status list " + list + ": credentials hold indexes " + rs.getInt(4) + "–"
                                + rs.getInt(5) + " but only " + next + " were handed out");
                    } else {
                        unused += next - count;
                    }
                }
            }
        }
        for (int next : counters.values()) {
            unused += next;
        }
        return new long[]{held, unused};
    }

    private long diplomaNumbers(Connection c, String school) throws SQLException {
        List<String> serials = new ArrayList<>();
        Map<Integer, List<Integer>> registers = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select serial_number, register_number from credentials
                where school_code = ? and credential_type = 'DIPLOMA' order by serial_number""")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    serials.add(rs.getString(1));
                    String register = rs.getString(2);
                    registers.computeIfAbsent(DiplomaNumbering.registerYear(register), y -> new ArrayList<>())
                            .add(DiplomaNumbering.registerSequence(register));
                }
            }
        }
        if (serials.isEmpty()) {
            return 0;
        }
        String prefix = serials.get(0).substring(0, 2);
        for (int i = 0; i < serials.size(); i++) {
            String expected = DiplomaNumbering.serialNumber(prefix, i + 1L);
            if (!serials.get(i).equals(expected)) {
                violation("numbering", "diploma serial number " + (i + 1) + " is " + serials.get(i) + ", expected " + expected);
                break;
            }
        }
        long nextSerial = single(c, "select next_serial from diploma_serials where issuer_code = ?", school);
        if (nextSerial != serials.size() + 1L) {
            violation("numbering", "the serial counter is at " + nextSerial + " after " + serials.size() + " diplomas");
        }
        for (Map.Entry<Integer, List<Integer>> year : registers.entrySet()) {
            List<Integer> sequence = year.getValue().stream().sorted().toList();
            for (int i = 0; i < sequence.size(); i++) {
                if (sequence.get(i) != i + 1) {
                    violation("numbering", "register " + year.getKey() + ": number " + (i + 1) + " is " + sequence.get(i));
                    break;
                }
            }
            long next = single(c, "select next_register from diploma_registers where issuer_code = ? and year = ?",
                    school, year.getKey());
            if (next != sequence.size() + 1L) {
                violation("numbering", "register " + year.getKey() + "'s counter is at " + next + " after " + sequence.size() + " diplomas");
            }
        }
        return serials.size();
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
