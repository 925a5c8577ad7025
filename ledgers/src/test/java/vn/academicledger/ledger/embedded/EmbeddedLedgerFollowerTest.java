package vn.academicledger.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.academicledger.ledger.embedded.AnchoringWriterProcess.KEY;
import static vn.academicledger.ledger.embedded.AnchoringWriterProcess.SCHOOL;
import static vn.academicledger.ledger.embedded.AnchoringWriterProcess.root;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;

/** A read-only follower of the embedded ledger: it sees what its writer appends, refuses writes, and trusts nothing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedLedgerFollowerTest {
    private static final Clock FIXED = EmbeddedLedgerContractTest.FIXED;
    private static final ClientIdentity ADMIN = ClientIdentity.departmentAdmin("CN=admin.sogddt");
    private static final ClientIdentity ISSUER = ClientIdentity.schoolIssuer("CN=issuer.thpt-lhp", SCHOOL);
    private static final ClientIdentity VERIFIER =
            new ClientIdentity(ClientIdentity.MINISTRY_MSP, "public-verifier", Map.of(ClientIdentity.ROLE, "verifier"));

    @TempDir
    Path directory;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable ledger : opened) {
            ledger.close();
        }
    }

    private EmbeddedLedger writer() {
        EmbeddedLedger ledger = EmbeddedLedger.open(directory, FIXED);
        opened.add(0, ledger);
        return ledger;
    }

    private EmbeddedLedger follower() {
        EmbeddedLedger ledger = EmbeddedLedger.openReadOnly(directory);
        opened.add(0, ledger);
        return ledger;
    }

    private Path logFile() {
        return directory.resolve(EmbeddedLedger.LOG_FILE);
    }

    private static void accredit(EmbeddedLedger writer) {
        writer.connect(ADMIN).accreditIssuer(SCHOOL, "Trường THPT Lê Hồng Phong", "did:web:lhp.edu.vn", List.of(KEY));
    }

    /** Anchors batch-{@code from} … batch-{@code (to - 1)}: blocks {@code from + 1} … {@code to}. */
    private static List<BatchAnchor> anchor(EmbeddedLedger writer, int from, int to) {
        LedgerPort school = writer.connect(ISSUER);
        List<BatchAnchor> anchors = new ArrayList<>();
        for (int i = from; i < to; i++) {
            anchors.add(school.anchorBatch(new AnchorRequest("batch-" + i, root(i), SCHOOL, 10, "ReportCard")));
        }
        return anchors;
    }

    /** The records of a cleanly closed ledger with blocks 0 … {@code batches}; its checkpoint is removed. */
    private byte[] recordsOfALedgerWith(int batches) throws IOException {
        try (EmbeddedLedger writer = EmbeddedLedger.open(directory, FIXED)) {
            accredit(writer);
            anchor(writer, 0, batches);
        }
        Files.delete(directory.resolve(EmbeddedLedger.CHECKPOINT_FILE));
        return Files.readAllBytes(logFile());
    }

    private static int startOfLastRecord(byte[] records) {
        int at = records.length - 2;
        while (at >= 0 && records[at] != '\n') {
            at--;
        }
        return at + 1;
    }

    private void writeAt(long position, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(logFile(), StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
        }
    }

    private static void assertRefused(ThrowingCallable call, LedgerErrorCode code, Consumer<LedgerException> more) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LedgerException.class, e -> {
            assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
            more.accept(e);
        });
    }

    @Nested
    class whenTheWriterAppendsAfterItOpened {
        @Test
        void it_sees_every_block_written_after_it_opened() {
            EmbeddedLedger writer = writer();
            accredit(writer);
            List<BatchAnchor> before = anchor(writer, 0, 2);
            EmbeddedLedger follower = follower();
            LedgerPort reader = follower.connect(VERIFIER);
            assertThat(follower.head()).isEqualTo(writer.head());

            List<BatchAnchor> after = anchor(writer, 2, 5);
            writer.connect(ISSUER).revoke("ab".repeat(32), SCHOOL, "ISSUED_IN_ERROR");
            writer.connect(ADMIN).suspendIssuer(SCHOOL, "UNDER_INVESTIGATION");

            assertThat(reader.findBatch("batch-4")).contains(after.get(2));
            assertThat(reader.findBatch("batch-0")).contains(before.get(0));
            assertThat(reader.findRevocation("ab".repeat(32))).isPresent();
            assertThat(reader.findIssuer(SCHOOL)).get().extracting(i -> i.accredited()).isEqualTo(false);
            assertThat(reader.findIssuerByDid("did:web:lhp.edu.vn")).isPresent();
            assertThat(reader.issuerHistory(SCHOOL)).hasSize(2);
            assertThat(reader.history("batch~batch-3")).hasSize(1);
            assertThat(follower.head()).isEqualTo(writer.head());
            assertThat(follower.readOnly()).isTrue();
            assertThat(writer.readOnly()).isFalse();
        }

        @Test
        void a_directory_with_no_log_yet_is_an_empty_ledger_until_the_writer_creates_it() {
            Path notYet = directory.resolve("not-yet");
            EmbeddedLedger follower = EmbeddedLedger.openReadOnly(notYet);
            opened.add(follower);
            assertThat(follower.head().empty()).isTrue();
            assertThat(follower.connect(VERIFIER).findIssuer(SCHOOL)).isEmpty();
            assertThat(notYet).doesNotExist();

            try (EmbeddedLedger writer = EmbeddedLedger.open(notYet, FIXED)) {
                accredit(writer);
                anchor(writer, 0, 1);
                assertThat(follower.connect(VERIFIER).findBatch("batch-0")).isPresent();
                assertThat(follower.head()).isEqualTo(writer.head());
            }
        }

        @Test
        void it_follows_the_writer_across_a_restart() {
            EmbeddedLedger follower = follower();
            try (EmbeddedLedger writer = EmbeddedLedger.open(directory, FIXED)) {
                accredit(writer);
                anchor(writer, 0, 2);
                assertThat(follower.head().blockNumber()).isEqualTo(2);
            }
            assertThat(follower.head().blockNumber()).isEqualTo(2);
            try (EmbeddedLedger writer = EmbeddedLedger.open(directory, FIXED)) {
                anchor(writer, 2, 4);
                assertThat(follower.head()).isEqualTo(writer.head());
            }
            assertThat(follower.connect(VERIFIER).findBatch("batch-3")).isPresent();
        }

        @Test
        void blocks_already_read_are_not_read_again() throws IOException {
            EmbeddedLedger writer = writer();
            accredit(writer);
            anchor(writer, 0, 3);
            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(3);
            // Spoil block 1 behind the follower's back: a re-read of the whole log would refuse it.
            byte[] bytes = Files.readAllBytes(logFile());
            int block1 = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
            writeAt(block1 + 40, new byte[] {(byte) (bytes[block1 + 40] ^ 0x01)});

            anchor(writer, 3, 4);

            assertThat(follower.connect(VERIFIER).findBatch("batch-3")).isPresent();
            assertThat(follower.head().blockNumber()).isEqualTo(4);
        }

        @Test
        void many_threads_read_while_the_writer_appends_and_each_sees_a_growing_consistent_ledger() throws Exception {
            EmbeddedLedger writer = writer();
            accredit(writer);
            EmbeddedLedger follower = follower();
            int batches = 300;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<Long>> readers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    readers.add(pool.submit(() -> {
                        LedgerPort reader = follower.connect(VERIFIER);
                        long seen = -1;
                        long reads = 0;
                        while (seen < batches && System.nanoTime() < deadline) {
                            long head = follower.head().blockNumber();
                            assertThat(head).isGreaterThanOrEqualTo(seen);
                            if (head >= 1) {
                                // block n holds batch-(n-1): what the head says is there must be found
                                assertThat(reader.findBatch("batch-" + (head - 1))).isPresent();
                            }
                            seen = head;
                            reads++;
                        }
                        assertThat(seen).isEqualTo(batches);
                        return reads;
                    }));
                }
                Future<?> writing = pool.submit(() -> anchor(writer, 0, batches));
                writing.get(120, TimeUnit.SECONDS);
                for (Future<Long> reader : readers) {
                    assertThat(reader.get(120, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(follower.head()).isEqualTo(writer.head());
        }
    }

    @Nested
    class whenTheLastBlockIsStillBeingWritten {
        @Test
        void a_block_cut_short_is_ignored_and_picked_up_once_complete() throws IOException {
            byte[] records = recordsOfALedgerWith(3);
            int last = startOfLastRecord(records);
            byte[] padded = Arrays.copyOf(records, records.length + 65_536); // zero-filled, as the writer leaves it
            Arrays.fill(padded, last + 57, records.length, (byte) 0);
            Files.write(logFile(), padded);

            EmbeddedLedger follower = follower();
            LedgerPort reader = follower.connect(VERIFIER);
            assertThat(follower.head().blockNumber()).isEqualTo(2);
            assertThat(reader.findBatch("batch-2")).isEmpty();
            assertThat(reader.findBatch("batch-1")).isPresent();

            writeAt(last + 57, Arrays.copyOfRange(records, last + 57, records.length - 1));
            assertThat(follower.head().blockNumber()).isEqualTo(2); // no line end yet

            writeAt(records.length - 1, new byte[] {'\n'});
            assertThat(reader.findBatch("batch-2")).isPresent();
            assertThat(follower.head().blockNumber()).isEqualTo(3);
        }

        @Test
        void a_block_with_a_page_not_visible_yet_is_ignored_and_picked_up_once_complete() throws IOException {
            byte[] records = recordsOfALedgerWith(3);
            int last = startOfLastRecord(records);
            byte[] holed = records.clone();
            Arrays.fill(holed, last + 100, last + 300, (byte) 0);
            Files.write(logFile(), holed);

            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(2);

            writeAt(last + 100, Arrays.copyOfRange(records, last + 100, last + 300));
            assertThat(follower.head().blockNumber()).isEqualTo(3);
        }

        @Test
        void a_torn_write_the_writer_left_when_it_crashed_does_not_stop_the_reads_before_it() throws IOException {
            byte[] records = recordsOfALedgerWith(2);
            byte[] half = "{\"block\":{\"number\":3,\"previou".getBytes(StandardCharsets.US_ASCII);
            byte[] torn = Arrays.copyOf(records, records.length + half.length);
            System.arraycopy(half, 0, torn, records.length, half.length);
            Files.write(logFile(), torn);

            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(2);
            assertThat(follower.connect(VERIFIER).findBatch("batch-1")).isPresent();
            assertThat(follower.head().blockNumber()).isEqualTo(2);
        }
    }

    @Nested
    class whenAskedToWrite {
        private void assertEveryWriteRefused(EmbeddedLedger follower, String naming) {
            LedgerPort admin = follower.connect(ADMIN);
            LedgerPort school = follower.connect(ISSUER);
            List<ThrowingCallable> writes = List.of(
                    () -> admin.accreditIssuer("THPT-B", "Trường B", "did:web:b.edu.vn", List.of(KEY)),
                    () -> admin.updateIssuerKeys(SCHOOL, List.of(KEY)),
                    () -> admin.suspendIssuer(SCHOOL, "UNDER_INVESTIGATION"),
                    () -> admin.reinstateIssuer(SCHOOL, "CLEARED"),
                    () -> school.anchorBatch(new AnchorRequest("batch-new", root(99), SCHOOL, 1, "ReportCard")),
                    () -> school.revoke("cd".repeat(32), SCHOOL, "ISSUED_IN_ERROR"));
            for (ThrowingCallable write : writes) {
                assertRefused(write, LedgerErrorCode.READ_ONLY, e -> {
                    assertThat(e.stage()).isEqualTo(LedgerException.Stage.SUBMIT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("opened read-only").contains(naming);
                });
            }
        }

        @Test
        void every_write_is_refused_naming_the_writer_and_nothing_is_written() throws IOException {
            EmbeddedLedger writer = writer();
            accredit(writer);
            anchor(writer, 0, 1);
            EmbeddedLedger follower = follower();
            ChainHead head = follower.head();
            byte[] log = Files.readAllBytes(logFile());

            assertEveryWriteRefused(follower, "the writer is this process (" + ProcessHandle.current().pid() + ")");

            assertThat(Files.readAllBytes(logFile())).isEqualTo(log);
            assertThat(follower.head()).isEqualTo(head).isEqualTo(writer.head());
            assertThat(follower.connect(VERIFIER).findBatch("batch-new")).isEmpty();
        }

        @Test
        void with_no_writer_open_the_refusal_says_so() {
            try (EmbeddedLedger writer = EmbeddedLedger.open(directory, FIXED)) {
                accredit(writer);
            }
            assertEveryWriteRefused(follower(), "no process has it open for writing");
        }

        @Test
        void followers_take_no_lock_so_the_writer_still_opens_the_directory() {
            EmbeddedLedger first = follower();
            EmbeddedLedger second = follower();
            EmbeddedLedger writer = writer();
            accredit(writer);

            assertThat(first.head()).isEqualTo(second.head()).isEqualTo(writer.head());
            writer.close();
            // (read only once closed: closing another handle on the lock file would drop this JVM's lock)
            assertThat(directory.resolve(EmbeddedLedger.LOCK_FILE)).isEmptyFile();
        }

        @Test
        void a_closed_follower_answers_unavailable() {
            EmbeddedLedger follower = follower();
            LedgerPort reader = follower.connect(VERIFIER);
            follower.close();

            assertRefused(() -> reader.findIssuer(SCHOOL), LedgerErrorCode.UNAVAILABLE, e -> { });
        }
    }

    @Nested
    class whenTheLogWasAltered {
        @Test
        void an_altered_log_is_refused_at_open_naming_the_first_bad_block() throws IOException {
            byte[] records = recordsOfALedgerWith(4);
            List<String> lines = new String(records, StandardCharsets.UTF_8).lines().toList();
            int block2 = lines.get(0).getBytes(StandardCharsets.UTF_8).length + 1
                    + lines.get(1).getBytes(StandardCharsets.UTF_8).length + 1;
            records[block2 + lines.get(2).indexOf("\"credentialCount\\\":") + 20] ^= 0x01;
            Files.write(logFile(), records);

            assertRefused(() -> EmbeddedLedger.openReadOnly(directory), LedgerErrorCode.CORRUPTED, e -> {
                assertThat(e.stage()).isEqualTo(LedgerException.Stage.OPEN);
                assertThat(e.getMessage()).containsPattern("corrupted at block 2\\b")
                        .contains("its contents do not match its hash");
            });
        }

        @Test
        void a_log_cut_short_after_a_clean_close_is_refused_at_open() throws IOException {
            try (EmbeddedLedger writer = EmbeddedLedger.open(directory, FIXED)) {
                accredit(writer);
                anchor(writer, 0, 3);
            }
            byte[] records = Files.readAllBytes(logFile());
            Files.write(logFile(), Arrays.copyOf(records, startOfLastRecord(records)));

            assertRefused(() -> EmbeddedLedger.openReadOnly(directory), LedgerErrorCode.CORRUPTED,
                    e -> assertThat(e.getMessage()).containsPattern("corrupted at block 3\\b"));
        }

        @Test
        void a_block_changed_after_the_writer_appended_it_is_refused_at_the_next_read_naming_it() throws IOException {
            EmbeddedLedger writer = writer();
            accredit(writer);
            anchor(writer, 0, 2);
            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(2);

            anchor(writer, 2, 3);
            writer.close();
            byte[] records = Files.readAllBytes(logFile());
            int last = startOfLastRecord(records);
            writeAt(last + 150, new byte[] {(byte) (records[last + 150] ^ 0x01)});

            LedgerPort reader = follower.connect(VERIFIER);
            for (int attempt = 0; attempt < 2; attempt++) {
                assertRefused(() -> reader.findBatch("batch-0"), LedgerErrorCode.CORRUPTED, e -> {
                    assertThat(e.stage()).isEqualTo(LedgerException.Stage.EVALUATE);
                    assertThat(e.getMessage()).containsPattern("corrupted at block 3\\b")
                            .contains("its contents do not match its hash");
                });
            }
        }

        @Test
        void a_block_appended_out_of_the_chain_is_refused_naming_its_place_and_the_good_ones_before_it_kept()
                throws IOException {
            byte[] records = recordsOfALedgerWith(3);
            int block3 = startOfLastRecord(records);
            Files.write(logFile(), Arrays.copyOf(records, block3));
            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(2);
            int block1 = new String(records, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
            int block2 = new String(records, StandardCharsets.ISO_8859_1).indexOf('\n', block1) + 1;

            Files.write(logFile(), Arrays.copyOfRange(records, block3, records.length), StandardOpenOption.APPEND);
            Files.write(logFile(), Arrays.copyOfRange(records, block1, block2), StandardOpenOption.APPEND);

            assertRefused(follower::head, LedgerErrorCode.CORRUPTED, e -> assertThat(e.getMessage())
                    .containsPattern("corrupted at block 4\\b").contains("the record there is block 1"));
            try (FileChannel channel = FileChannel.open(logFile(), StandardOpenOption.WRITE)) {
                channel.truncate(records.length); // the stray record removed again
            }
            assertThat(follower.head().blockNumber()).isEqualTo(3);
            assertThat(follower.connect(VERIFIER).findBatch("batch-2")).isPresent();
        }

        @Test
        void blocks_cut_off_under_it_are_refused() throws IOException {
            byte[] records = recordsOfALedgerWith(3);
            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(3);

            try (FileChannel channel = FileChannel.open(logFile(), StandardOpenOption.WRITE)) {
                channel.truncate(startOfLastRecord(records));
            }

            assertRefused(() -> follower.connect(VERIFIER).findBatch("batch-0"), LedgerErrorCode.CORRUPTED,
                    e -> assertThat(e.getMessage()).contains("cut off the end"));
        }

        @Test
        void a_log_replaced_under_it_is_refused() throws IOException {
            byte[] records = recordsOfALedgerWith(1);
            EmbeddedLedger follower = follower();
            assertThat(follower.head().blockNumber()).isEqualTo(1);

            Files.delete(logFile());
            Files.write(logFile(), records);

            assertRefused(follower::head, LedgerErrorCode.CORRUPTED,
                    e -> assertThat(e.getMessage()).contains("replaced or removed"));
        }
    }

    @Nested
    class whenTheWriterIsAnotherProcess {
        @Test
        void it_follows_a_writer_in_another_jvm_and_sees_every_batch_it_anchors() throws Exception {
            int batches = 150;
            EmbeddedLedger follower = follower(); // before the writer exists: an empty ledger
            assertThat(follower.head().empty()).isTrue();
            Path output = Files.createTempFile("anchoring-writer", ".out");
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AnchoringWriterProcess.class.getName(),
                    directory.toString(), Integer.toString(batches))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            long pid = writer.pid();
            try {
                LedgerPort reader = follower.connect(VERIFIER);
                List<Long> headsSeen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (follower.head().blockNumber() < batches) {
                    assertThat(writer.isAlive() || follower.head().blockNumber() == batches)
                            .as("the writer ended early:\n" + Files.readString(output)).isTrue();
                    assertThat(System.nanoTime()).as("the follower saw only block %d of %d:\n%s",
                            follower.head().blockNumber(), batches, Files.readString(output)).isLessThan(deadline);
                    headsSeen.add(follower.head().blockNumber());
                    Thread.sleep(5);
                }

                assertThat(headsSeen).isSorted();
                for (int i = 0; i < batches; i++) {
                    assertThat(reader.findBatch("batch-" + i)).as("batch-" + i).get()
                            .extracting(BatchAnchor::blockNumber).isEqualTo((long) i + 1);
                }
                assertRefused(() -> follower.connect(ISSUER).anchorBatch(
                                new AnchorRequest("batch-x", root(999), SCHOOL, 1, "ReportCard")),
                        LedgerErrorCode.READ_ONLY, e -> assertThat(e.getMessage()).contains("the writer is process " + pid));
                assertRefused(() -> EmbeddedLedger.open(directory, FIXED), LedgerErrorCode.UNAVAILABLE,
                        e -> assertThat(e.getMessage()).contains("open already (by process " + pid + ")"));

                writer.getOutputStream().close(); // the writer closes its ledger cleanly and ends
                assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(writer.exitValue()).as(Files.readString(output)).isZero();
                assertThat(Files.readString(output)).contains("anchored " + batches);
                assertThat(follower.head().blockNumber()).isEqualTo(batches);
                assertThat(reader.findBatch("batch-" + (batches - 1))).isPresent();
            } finally {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                writer.waitFor(30, TimeUnit.SECONDS);
                Files.deleteIfExists(output);
            }
        }
    }
}
