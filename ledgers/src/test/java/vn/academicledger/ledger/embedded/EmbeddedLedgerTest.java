package vn.academicledger.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;

/** What only the embedded ledger promises: its block log, restarts, tampering, crashes, threads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedLedgerTest {
    private static final Clock FIXED = EmbeddedLedgerContractTest.FIXED;
    private static final String SCHOOL = "THPT-LHP";
    private static final String KEY = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    private static final ClientIdentity ADMIN = ClientIdentity.departmentAdmin("CN=admin.sogddt");
    private static final ClientIdentity ISSUER = ClientIdentity.schoolIssuer("CN=issuer.thpt-lhp", SCHOOL);

    @TempDir
    Path directory;

    private Path logFile() {
        return directory.resolve(EmbeddedLedger.LOG_FILE);
    }

    /** Accredits the school and anchors {@code batches} batches: block 0 then blocks 1..batches. */
    private List<BatchAnchor> writeSomeBlocks(EmbeddedLedger ledger, int batches) {
        ledger.connect(ADMIN).accreditIssuer(SCHOOL, "Trường THPT Lê Hồng Phong", "did:web:lhp.edu.vn", List.of(KEY));
        LedgerPort issuer = ledger.connect(ISSUER);
        List<BatchAnchor> anchors = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            anchors.add(issuer.anchorBatch(new AnchorRequest("batch-" + i, root(i), SCHOOL, 10 + i, "ReportCard")));
        }
        return anchors;
    }

    private static String root(int i) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) i;
        bytes[31] = (byte) (i * 7);
        return HexFormat.of().formatHex(bytes);
    }

    /** The log's records, without the zero padding an open (or crashed) ledger keeps after them. */
    private byte[] logRecords() throws IOException {
        byte[] bytes = Files.readAllBytes(logFile());
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    private List<String> logLines() throws IOException {
        return new String(logRecords(), StandardCharsets.UTF_8).lines().toList();
    }

    private void writeLogLines(List<String> lines) throws IOException {
        Files.writeString(logFile(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static int utf8Length(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }

    private void assertCorruptedAtBlock(long block) {
        assertThatThrownBy(() -> EmbeddedLedger.open(directory, FIXED).close())
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.CORRUPTED);
                    assertThat(e.stage()).isEqualTo(LedgerException.Stage.OPEN);
                    assertThat(e.getMessage()).containsPattern("at block " + block + "\\b");
                });
    }

    @Nested
    class whenWritten {
        private EmbeddedLedger ledger;

        @BeforeEach
        void open() {
            ledger = EmbeddedLedger.open(directory, FIXED);
        }

        @AfterEach
        void close() {
            ledger.close();
        }

        @Test
        void each_write_is_one_block_chained_to_the_one_before() throws IOException {
            List<BatchAnchor> anchors = writeSomeBlocks(ledger, 3);

            assertThat(ledger.head().blockNumber()).isEqualTo(3);
            assertThat(anchors).extracting(BatchAnchor::blockNumber).containsExactly(1L, 2L, 3L);
            List<String> lines = logLines();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("{\"block\":{\"number\":0,\"previousHash\":\"" + "0".repeat(64) + "\"");
            String hashOfBlock0 = lines.get(0).substring(lines.get(0).length() - 66, lines.get(0).length() - 2);
            assertThat(lines.get(1)).contains("\"number\":1,\"previousHash\":\"" + hashOfBlock0 + "\"");
            assertThat(lines.get(3)).endsWith("\"hash\":\"" + ledger.head().blockHash() + "\"}");
        }

        @Test
        void a_block_records_the_transaction_its_creator_and_its_write_set() throws IOException {
            BatchAnchor anchor = writeSomeBlocks(ledger, 1).get(0);

            String block = logLines().get(1);
            assertThat(block)
                    .contains("\"txId\":\"" + anchor.txId() + "\"")
                    .contains("\"timestamp\":\"2025-09-05T01:30:00Z\"")
                    .contains("\"creatorMspId\":\"DepartmentMSP\"")
                    .contains("\"creatorSubject\":\"CN=issuer.thpt-lhp\"")
                    .contains("\"function\":\"AnchorBatch\"")
                    .contains("\"key\":\"batch~batch-0\"");
        }

        @Test
        void times_come_from_the_injected_clock_and_ids_are_fabric_like() {
            List<BatchAnchor> anchors = writeSomeBlocks(ledger, 5);

            assertThat(anchors).extracting(BatchAnchor::anchoredAt).containsOnly(FIXED.instant());
            assertThat(anchors).extracting(BatchAnchor::txId).allMatch(id -> id.matches("[0-9a-f]{64}"))
                    .doesNotHaveDuplicates();
        }

        @Test
        void refusals_and_idempotent_repeats_write_no_block() {
            List<BatchAnchor> anchors = writeSomeBlocks(ledger, 1);
            long head = ledger.head().blockNumber();
            LedgerPort issuer = ledger.connect(ISSUER);

            issuer.anchorBatch(new AnchorRequest("batch-0", root(0), SCHOOL, 10, "ReportCard"));
            assertThatThrownBy(() -> issuer.anchorBatch(new AnchorRequest("batch-0", root(1), SCHOOL, 10, "ReportCard")))
                    .isInstanceOf(LedgerException.class);

            assertThat(ledger.head().blockNumber()).isEqualTo(head);
            assertThat(issuer.findBatch("batch-0")).contains(anchors.get(0));
        }

        @Test
        void query_refusals_are_reported_at_the_evaluate_stage() {
            assertThatThrownBy(() -> ledger.connect(ADMIN).findIssuer("not a code"))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.stage()).isEqualTo(LedgerException.Stage.EVALUATE));
        }

        @Test
        void a_second_open_of_the_same_directory_is_refused_and_the_first_keeps_working() {
            assertThatThrownBy(() -> EmbeddedLedger.open(directory, FIXED))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.UNAVAILABLE));
            assertThatThrownBy(() -> EmbeddedLedger.open(directory.resolve("."), FIXED))
                    .isInstanceOf(LedgerException.class);

            writeSomeBlocks(ledger, 1);
            ledger.close();
            ledger = EmbeddedLedger.open(directory, FIXED);
            assertThat(ledger.head().blockNumber()).isEqualTo(1);
        }

        @Test
        void many_threads_submit_at_once_and_every_write_lands_in_order() throws Exception {
            writeSomeBlocks(ledger, 0);
            int threads = 8;
            int perThread = 100;
            Set<String> txIds = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        LedgerPort issuer = ledger.connect(ISSUER);
                        for (int i = 0; i < perThread; i++) {
                            txIds.add(issuer.anchorBatch(new AnchorRequest("t" + thread + "-" + i, root(i), SCHOOL, 1,
                                    "ReportCard")).txId());
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(txIds).hasSize(threads * perThread);
            assertThat(ledger.head().blockNumber()).isEqualTo(threads * perThread);
            ledger.close();
            ledger = EmbeddedLedger.open(directory, FIXED);
            assertThat(ledger.head().blockNumber()).isEqualTo(threads * perThread);
            assertThat(ledger.connect(ADMIN).findBatch("t7-99")).isPresent();
        }

        @Test
        void a_closed_ledger_answers_unavailable() {
            LedgerPort admin = ledger.connect(ADMIN);
            ledger.close();

            assertThatThrownBy(() -> admin.findIssuer(SCHOOL))
                    .isInstanceOfSatisfying(LedgerException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.UNAVAILABLE));
        }
    }

    @Nested
    class whenReopened {
        @Test
        void the_state_is_the_same_as_before_the_restart() {
            List<BatchAnchor> anchors;
            IssuerRecord issuer;
            Revocation revocation;
            ChainHead head;
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                anchors = writeSomeBlocks(ledger, 3);
                revocation = ledger.connect(ISSUER).revoke("ab".repeat(32), SCHOOL, "ISSUED_IN_ERROR");
                issuer = ledger.connect(ADMIN).suspendIssuer(SCHOOL, "UNDER_INVESTIGATION");
                head = ledger.head();
            }

            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, Clock.systemUTC())) {
                LedgerPort reader = ledger.connect(ADMIN);
                assertThat(ledger.head()).isEqualTo(head);
                assertThat(reader.findIssuer(SCHOOL)).contains(issuer);
                assertThat(reader.findIssuerByDid("did:web:lhp.edu.vn")).contains(issuer);
                assertThat(reader.issuerHistory(SCHOOL)).hasSize(2);
                for (BatchAnchor anchor : anchors) {
                    assertThat(reader.findBatch(anchor.batchId())).contains(anchor);
                }
                assertThat(reader.findRevocation("ab".repeat(32))).contains(revocation);
            }
        }

        @Test
        void new_blocks_continue_the_chain() {
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                writeSomeBlocks(ledger, 2);
            }
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                BatchAnchor next = ledger.connect(ISSUER).anchorBatch(
                        new AnchorRequest("after-restart", root(9), SCHOOL, 1, "Diploma"));
                assertThat(next.blockNumber()).isEqualTo(3);
            }
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                assertThat(ledger.head().blockNumber()).isEqualTo(3);
            }
        }
    }

    @Nested
    class whenTheLogWasAltered {
        @BeforeEach
        void writeFiveBlocks() {
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                writeSomeBlocks(ledger, 4);
            }
        }

        @Test
        void one_flipped_byte_in_the_middle_is_refused_naming_its_block() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            List<String> lines = logLines();
            int offsetOfBlock2 = utf8Length(lines.get(0)) + 1 + utf8Length(lines.get(1)) + 1;
            int target = offsetOfBlock2 + lines.get(2).indexOf("\"credentialCount\\\":") + 20;
            bytes[target] ^= 0x01;
            Files.write(logFile(), bytes);

            assertCorruptedAtBlock(2);
        }

        @Test
        void a_flipped_byte_in_the_last_block_is_refused_too() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            bytes[bytes.length - 20] ^= 0x01;
            Files.write(logFile(), bytes);

            assertCorruptedAtBlock(4);
        }

        @Test
        void a_deleted_block_is_refused() throws IOException {
            List<String> lines = new ArrayList<>(logLines());
            lines.remove(2);
            writeLogLines(lines);

            assertCorruptedAtBlock(2);
        }

        @Test
        void reordered_blocks_are_refused() throws IOException {
            List<String> lines = new ArrayList<>(logLines());
            Collections.swap(lines, 1, 3);
            writeLogLines(lines);

            assertCorruptedAtBlock(1);
        }

        @Test
        void a_block_rewritten_with_a_fresh_hash_is_refused_at_the_next_block() throws IOException {
            List<String> lines = new ArrayList<>(logLines());
            String line = lines.get(2);
            String body = line.substring("{\"block\":".length(), line.length() - 2 - 64 - ",\"hash\":\"".length())
                    .replace("\\\"credentialCount\\\":11", "\\\"credentialCount\\\":99");
            String hash = HexFormat.of().formatHex(Block.sha256(body.getBytes(StandardCharsets.UTF_8)));
            lines.set(2, "{\"block\":" + body + ",\"hash\":\"" + hash + "\"}");
            writeLogLines(lines);

            assertCorruptedAtBlock(3);
        }

        @Test
        void bytes_cut_out_of_the_middle_are_refused() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            List<String> lines = logLines();
            int cutFrom = utf8Length(lines.get(0)) + 1 + 100;
            byte[] cut = new byte[bytes.length - 150];
            System.arraycopy(bytes, 0, cut, 0, cutFrom);
            System.arraycopy(bytes, cutFrom + 150, cut, cutFrom, bytes.length - cutFrom - 150);
            Files.write(logFile(), cut);

            assertCorruptedAtBlock(1);
        }

        @Test
        void whole_blocks_cut_off_the_end_after_a_clean_close_are_refused() throws IOException {
            List<String> lines = logLines();
            writeLogLines(lines.subList(0, 3));

            assertCorruptedAtBlock(3);
        }

        @Test
        void a_checkpoint_naming_another_chain_is_refused() throws IOException {
            Path checkpoint = directory.resolve(EmbeddedLedger.CHECKPOINT_FILE);
            Files.writeString(checkpoint, "{\"blockHash\":\"" + "1".repeat(64) + "\",\"blockNumber\":2}\n");

            assertCorruptedAtBlock(2);
        }
    }

    @Nested
    class whenTheLedgerCrashed {
        private List<BatchAnchor> anchors;
        private byte[] records;
        private int lastRecordStart;

        @BeforeEach
        void writeAndCrash() throws IOException {
            EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED);
            anchors = writeSomeBlocks(ledger, 4);
            ledger.abandon();
            records = logRecords();
            lastRecordStart = new String(records, StandardCharsets.ISO_8859_1).lastIndexOf('\n', records.length - 2) + 1;
        }

        private void assertOpensWithBlocksUpTo(long lastBlock) {
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                assertThat(ledger.head().blockNumber()).isEqualTo(lastBlock);
            }
        }

        @Test
        void the_preallocated_padding_it_leaves_loses_nothing() throws IOException {
            assertThat(Files.size(logFile())).isGreaterThan(records.length);

            assertOpensWithBlocksUpTo(4);
            assertThat(Files.size(logFile())).isEqualTo(records.length);
        }

        @Test
        void a_last_record_cut_short_is_dropped_and_the_ledger_opens_with_the_block_before() throws IOException {
            Files.write(logFile(), java.util.Arrays.copyOf(records, records.length - 37));

            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                assertThat(ledger.head().blockNumber()).isEqualTo(3);
                LedgerPort reader = ledger.connect(ADMIN);
                assertThat(reader.findBatch("batch-2")).contains(anchors.get(2));
                assertThat(reader.findBatch("batch-3")).isEmpty();

                BatchAnchor retried = ledger.connect(ISSUER).anchorBatch(
                        new AnchorRequest("batch-3", root(3), SCHOOL, 13, "ReportCard"));
                assertThat(retried.blockNumber()).isEqualTo(4);
            }
            assertOpensWithBlocksUpTo(4);
        }

        @Test
        void a_last_record_whose_end_never_reached_the_disk_is_dropped() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            java.util.Arrays.fill(bytes, records.length - 37, records.length, (byte) 0);
            Files.write(logFile(), bytes);

            assertOpensWithBlocksUpTo(3);
        }

        @Test
        void a_last_record_with_a_page_that_never_reached_the_disk_is_dropped() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            java.util.Arrays.fill(bytes, lastRecordStart + 100, lastRecordStart + 300, (byte) 0);
            Files.write(logFile(), bytes);

            assertOpensWithBlocksUpTo(3);
        }

        @Test
        void half_a_record_written_after_the_last_block_is_dropped() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            byte[] half = "{\"block\":{\"number\":5,\"previ".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(half, 0, bytes, records.length, half.length);
            Files.write(logFile(), bytes);

            assertOpensWithBlocksUpTo(4);
            assertThat(new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8)).endsWith("\"}\n");
        }

        @Test
        void a_torn_write_is_no_excuse_for_a_changed_record_before_it() throws IOException {
            byte[] torn = java.util.Arrays.copyOf(records, records.length - 37);
            torn[200] ^= 0x01;
            Files.write(logFile(), torn);

            assertCorruptedAtBlock(0);
        }

        @Test
        void a_changed_last_record_without_missing_pages_is_refused() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            bytes[lastRecordStart + 150] ^= 0x01;
            Files.write(logFile(), bytes);

            assertCorruptedAtBlock(4);
        }

        @Test
        void more_after_the_last_record_than_one_write_could_leave_is_refused() throws IOException {
            byte[] bytes = Files.readAllBytes(logFile());
            byte[] longer = java.util.Arrays.copyOf(bytes, records.length + BlockLog.MAX_GROUP_BYTES + 10);
            java.util.Arrays.fill(longer, records.length, longer.length, (byte) 'x');
            Files.write(logFile(), longer);

            assertCorruptedAtBlock(5);
        }
    }

    @Nested
    class whenALongLogWasAltered {
        @Test
        void zeros_written_into_a_block_far_from_the_end_are_refused() throws Exception {
            try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
                writeSomeBlocks(ledger, 0);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<Future<Object>> done = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        int thread = t;
                        done.add(pool.submit(() -> {
                            LedgerPort issuer = ledger.connect(ISSUER);
                            for (int i = 0; i < 450; i++) {
                                issuer.anchorBatch(new AnchorRequest("long-" + thread + "-" + i, root(i), SCHOOL, 1,
                                        "ReportCard"));
                            }
                            return null;
                        }));
                    }
                    for (Future<Object> future : done) {
                        future.get(120, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
            byte[] bytes = Files.readAllBytes(logFile());
            assertThat(bytes.length).isGreaterThan(BlockLog.MAX_GROUP_BYTES + 10_000);
            List<String> lines = logLines();
            int offsetOfBlock3 = utf8Length(lines.get(0)) + utf8Length(lines.get(1)) + utf8Length(lines.get(2)) + 3;
            java.util.Arrays.fill(bytes, offsetOfBlock3 + 100, offsetOfBlock3 + 300, (byte) 0);
            Files.write(logFile(), bytes);

            assertCorruptedAtBlock(3);
        }
    }

    @Test
    void an_instant_from_the_clock_is_the_transaction_time() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T08:00:00.123456789Z"), java.time.ZoneOffset.UTC);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, clock)) {
            IssuerRecord issuer = ledger.connect(ADMIN).accreditIssuer(SCHOOL, "Trường A", "did:web:a.edu.vn", List.of(KEY));
            assertThat(issuer.changedAt()).isEqualTo(clock.instant());
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED)) {
            assertThat(ledger.connect(ADMIN).findIssuer(SCHOOL)).get()
                    .extracting(IssuerRecord::changedAt).isEqualTo(clock.instant());
        }
    }
}
