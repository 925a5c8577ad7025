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
import vn.academicledger.core.anchor.MerkleTree;
import vn.academicledger.core.domain.DiplomaNumbering;
import vn.academicledger.core.ledger.BatchAnchor;

/**
 * Checks, from the database and the ledger alone (none of the service's code), that a set of issuance
 * jobs ended with every credential anchored exactly once:
 * <ul>
 *   <li><b>issued</b>: the jobs hold the expected number of credentials, one per (job, item), no digest twice;</li>
 *   <li><b>batched once</b>: every credential is listed in exactly one outbox chunk, the one its row names, and no
 *       chunk is left waiting;</li>
 *   <li><b>anchored</b>: every batch of the school is ANCHORED, and the ledger holds it with the same root, count and issuer;</li>
 *   <li><b>anchored</b> (leaves): each batch's chunks follow one another without a gap, and their digests are leaves
 *       that give the batch's stored root;</li>
 *   <li><b>receipts</b>: each credential's digest, recomputed from the stored credential and salt, is the leaf at its
 *       place in its batch, and the inclusion path from there leads to the anchored root;</li>
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
                select c.id::text || ' listed in ' || count(k.seq) || ' chunks' from credentials c
                left join (select seq, unnest(credential_ids) as id from anchor_chunks) k on k.id = c.id
                where c.job_id = any(?) group by c.id having count(k.seq) <> 1""", jobs)) {
            violation("batched once", row);
        }
        for (String row : strings(c, """
                select c.id::text || ' names chunk ' || coalesce(c.anchor_chunk::text, 'none') || ' but is listed in ' || k.seq
                from credentials c join (select seq, unnest(credential_ids) as id from anchor_chunks) k on k.id = c.id
                where c.job_id = any(?) and c.anchor_chunk is distinct from k.seq""", jobs)) {
            violation("batched once", row);
        }
        long waiting = single(c, "select count(*) from anchor_chunks where batch_id is null");
        if (waiting != 0) {
            violation("batched once", waiting + " chunks still in the outbox");
        }
    }

    /** A batch's leaves as the database holds them: its chunks' digests in offset order. */
    private record Leaves(byte[] root, int size, Map<UUID, Integer> index, List<byte[]> digests) {
    }

    private final Map<String, Leaves> leaves = new HashMap<>();

    private long anchored(Connection c, String school) throws SQLException {
        record Batch(String id, String status, int size, byte[] root, String txId) {
        }
        List<Batch> batches = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select id, status, size, merkle_root, tx_id from anchor_batches where school_code = ? order by created_at""")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    batches.add(new Batch(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getString(5)));
                }
            }
        }
        leaves.clear();
        for (Batch b : batches) {
            if (!b.status().equals("ANCHORED")) {
                violation("anchored", b.id() + " is " + b.status());
            }
            Leaves l = leaves(c, b.id(), b.root(), b.size());
            if (l.digests().size() != b.size()) {
                violation("anchored", b.id() + " has size " + b.size() + " but its chunks hold " + l.digests().size() + " credentials");
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

    /** Reads a batch's chunks, checks their offsets run on without gaps and their leaves give the stored root. */
    private Leaves leaves(Connection c, String batch, byte[] root, int size) throws SQLException {
        List<byte[]> digests = new ArrayList<>();
        Map<UUID, Integer> index = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select batch_offset, credential_ids, digests from anchor_chunks where batch_id = ? order by batch_offset")) {
            s.setString(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) != digests.size()) {
                        violation("anchored", batch + ": a chunk starts at leaf " + rs.getInt(1) + ", expected " + digests.size());
                    }
                    UUID[] ids = (UUID[]) rs.getArray(2).getArray();
                    byte[] bytes = rs.getBytes(3);
                    for (int i = 0; i < ids.length; i++) {
                        index.put(ids[i], digests.size());
                        digests.add(Arrays.copyOfRange(bytes, 32 * i, 32 * i + 32));
                    }
                }
            }
        }
        if (!digests.isEmpty() && !Arrays.equals(MerkleTree.build(digests).root(), root)) {
            violation("anchored", batch + ": its leaves do not give its stored root");
        }
        Leaves l = new Leaves(root, size, index, digests);
        leaves.put(batch, l);
        return l;
    }

    /**
     * Every credential's receipt, as the service derives it: the credential's digest, recomputed from
     * the stored credential and salt, is the leaf at its place in its batch, and its inclusion path
     * leads from there to the anchored root.
     */
    private long receipts(Connection c, Array jobs) throws SQLException {
        long verified = 0;
        Map<String, MerkleTree> trees = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select c.id, c.credential_json, c.salt, c.digest, k.batch_id
                from credentials c left join anchor_chunks k on k.seq = c.anchor_chunk
                where c.job_id = any(?)""")) {
            s.setArray(1, jobs);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = (UUID) rs.getObject(1);
                    String batch = rs.getString(5);
                    Leaves l = batch == null ? null : leaves.get(batch);
                    if (l == null) {
                        violation("receipts", id + " has no receipt: its chunk is in no batch of the school");
                        continue;
                    }
                    Integer leaf = l.index().get(id);
                    if (leaf == null) {
                        violation("receipts", id + " is not among the leaves of its chunk's batch " + batch);
                        continue;
                    }
                    MerkleTree tree = trees.computeIfAbsent(batch, b -> MerkleTree.build(l.digests()));
                    if (receiptHolds(id, rs.getString(2), rs.getBytes(3), rs.getBytes(4), l.digests().get(leaf),
                            AnchorReceipt.of("check", batch, l.root(), tree.proof(leaf), rs.getBytes(3)), l.root())) {
                        verified++;
                    }
                }
            }
        }
        return verified;
    }

    private boolean receiptHolds(UUID id, String credentialJson, byte[] salt, byte[] storedDigest, byte[] leafDigest,
                                 AnchorReceipt receipt, byte[] root) {
        try {
            ObjectNode credential = (ObjectNode) JSON.readTree(credentialJson);
            byte[] digest = CredentialDigest.of(credential, salt);
            if (!Arrays.equals(digest, storedDigest)) {
                violation("receipts", id + ": the stored digest is not the digest of the stored credential and salt");
                return false;
            }
            if (!Arrays.equals(digest, leafDigest)) {
                violation("receipts", id + ": its batch leaf is not its digest");
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
        Map<Integer, Integer> sizes = new HashMap<>();
        java.util.Set<Integer> shuffled = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "select list_number, next_index, size, index_key is not null from status_lists where school_code = ?")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counters.put(rs.getInt(1), rs.getInt(2));
                    sizes.put(rs.getInt(1), rs.getInt(3));
                    if (rs.getBoolean(4)) {
                        shuffled.add(rs.getInt(1));
                    }
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
                    // A keyed list's indexes are a permutation of its counter's positions: anywhere in the
                    // list, but no more of them than the counter handed out.
                    int bound = next == null ? 0 : shuffled.contains(list) ? sizes.get(list) : next;
                    if (next == null || rs.getInt(4) < 0 || rs.getInt(5) >= bound || count > next) {
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
