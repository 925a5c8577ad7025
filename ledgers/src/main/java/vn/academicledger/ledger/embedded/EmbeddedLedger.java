package vn.academicledger.ledger.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import vn.academicledger.chaincode.contract.AcademicLedgerContract;
import vn.academicledger.chaincode.contract.TransactionContext;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * A ledger on one machine, with no network: it runs the very {@link AcademicLedgerContract} the
 * Fabric chaincode runs, in-process, and keeps its blocks in an append-only, hash-chained log
 * in a directory:
 *
 * <pre>
 * blocks.log        one line per block: number, previous hash, transaction (id, time, creator
 *                   MSP and subject, function, write set), own hash (see {@link Block});
 *                   zero-filled ahead of the last block while open (see {@link BlockLog})
 * checkpoint.json   the last block number and hash, written on close
 * ledger.lock       held while open, so one process at a time uses the directory
 * </pre>
 *
 * <p>Opening replays the whole log to rebuild the world state and refuses, with
 * {@link LedgerErrorCode#CORRUPTED} naming the first bad block, a log that was altered: a
 * changed byte, a deleted, reordered or replaced block, bytes cut out of the middle, or (once a
 * checkpoint was written) blocks cut off the end. Only what a crash leaves of the one group write
 * it interrupted is dropped, with a warning: none of its transactions had returned to its caller
 * (the exact rule is in {@link BlockLog}).
 *
 * <p>Thread-safe. Transactions execute one at a time (each takes microseconds) and then wait
 * for their block to reach the disk; a single writer forces whatever blocks have queued meanwhile
 * with one fsync, so concurrent callers share the cost. One block holds one transaction; a
 * transaction that writes nothing (an idempotent re-anchor, a suspension already in place)
 * makes no block. Refused transactions make no block either.
 *
 * <p>Transaction ids are the hex SHA-256 of a random 24-byte nonce and the creator, as Fabric
 * computes them; transaction times come from the {@link Clock} given to {@link #open(Path, Clock)}.
 *
 * <p><b>Followers.</b> One process writes a directory; any number of others may read it at the same
 * time through {@link #openReadOnly(Path)}: a follower takes no lock, replays and verifies the log as
 * {@code open} does, and before every query (and {@link #head()}) reads the complete blocks the
 * writer appended since, and only those. Its ports refuse every write with
 * {@link LedgerErrorCode#READ_ONLY}, naming the writer's process when one has the directory open.
 */
public final class EmbeddedLedger implements AutoCloseable {
    static final String LOG_FILE = "blocks.log";
    static final String CHECKPOINT_FILE = "checkpoint.json";
    /** Held by the writer while open; holds the writer's process id, so followers can name it. */
    static final String LOCK_FILE = "ledger.lock";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Directories open for writing in this JVM. The file lock only keeps other processes out: a
     * second channel on the lock file, closed, could drop this process's POSIX lock, so it is never
     * opened while the directory is in this set (adding to the set and reading the lock file both
     * synchronise on it).
     */
    private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();
    private static final HexFormat HEX = HexFormat.of();

    private final Path realDirectory;
    private final Path directory;
    private final Clock clock;
    /** The writer's lock and log; {@code null} in a follower. */
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final BlockLog log;
    /** A follower's reader of the writer's log; {@code null} in the writer. */
    private final BlockLogFollower follower;
    private final WorldState state;
    private final AcademicLedgerContract contract = new AcademicLedgerContract();
    private final SecureRandom random = new SecureRandom();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long lastNumber;
    private String lastHash;
    private volatile boolean closed;

    private EmbeddedLedger(Path realDirectory, Path directory, Clock clock, FileChannel lockChannel, FileLock fileLock,
            WorldState state, BlockLog.Replay replay) {
        this.realDirectory = realDirectory;
        this.directory = directory;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.state = state;
        this.log = replay.log();
        this.follower = null;
        this.lastNumber = replay.lastNumber();
        this.lastHash = replay.lastHash();
    }

    private EmbeddedLedger(Path directory, WorldState state, BlockLogFollower follower) {
        this.realDirectory = null;
        this.directory = directory;
        this.clock = Clock.systemUTC();
        this.lockChannel = null;
        this.fileLock = null;
        this.state = state;
        this.log = null;
        this.follower = follower;
        this.lastNumber = follower.lastNumber();
        this.lastHash = follower.lastHash();
    }

    /** Opens (or creates) the ledger in {@code directory}; transaction times from the system clock. */
    public static EmbeddedLedger open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    /**
     * Opens (or creates) the ledger in {@code directory}, replaying and verifying its block log.
     *
     * @param clock where transaction times come from (tests pass a fixed clock)
     * @throws LedgerException {@link LedgerErrorCode#CORRUPTED} if the log was altered,
     *                         {@link LedgerErrorCode#UNAVAILABLE} if the directory is in use or unreadable
     */
    public static EmbeddedLedger open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        FileChannel lockChannel = null;
        Path claimed = null;
        try {
            Files.createDirectories(directory);
            Path real = directory.toRealPath();
            synchronized (OPEN_DIRECTORIES) {
                if (!OPEN_DIRECTORIES.add(real)) {
                    throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.OPEN, null,
                            "the embedded ledger in " + directory + " is open already in this process");
                }
            }
            claimed = real;
            lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock fileLock;
            boolean heldInThisProcess = false;
            try {
                fileLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                fileLock = null;
                heldInThisProcess = true;
            }
            if (fileLock == null) {
                // Another process's lock: its id may be read (this process holds no lock on the file to lose).
                Optional<Long> writer = heldInThisProcess ? Optional.empty() : writerOf(directory, null);
                throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.OPEN, null,
                        "the embedded ledger in " + directory + " is open already"
                                + writer.map(pid -> " (by process " + pid + ")").orElse(""));
            }
            ChainHead checkpoint = readCheckpoint(directory.resolve(CHECKPOINT_FILE));
            WorldState state = new WorldState();
            Path logFile = directory.resolve(LOG_FILE);
            BlockLog.Replay replay = BlockLog.open(logFile, block -> {
                requireCheckpointHash(logFile, checkpoint, block);
                state.apply(block);
            });
            try {
                requireCheckpointReached(logFile, checkpoint, replay.lastNumber());
            } catch (LedgerException e) {
                try {
                    replay.log().close();
                } catch (IOException ignored) {
                    // the open fails anyway
                }
                throw e;
            }
            recordWriter(lockChannel);
            return new EmbeddedLedger(claimed, directory, clock, lockChannel, fileLock, state, replay);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            unclaim(claimed);
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.OPEN, null,
                    "cannot open the embedded ledger in " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            unclaim(claimed);
            throw e;
        }
    }

    /**
     * Opens the ledger in {@code directory} read-only, as a follower of whichever process writes it
     * (with {@link #open}): takes no lock and writes nothing, replays and verifies the log as
     * {@code open} does, and before every query and {@link #head()} reads the complete blocks the
     * writer appended since. A block the writer is still writing is left for a later query. A
     * directory with no log yet (or no directory) is an empty ledger until the writer creates it.
     *
     * <p>Its ports refuse every write with {@link LedgerErrorCode#READ_ONLY}. Any number of
     * followers, in any processes, may follow one writer. Queries may see a block as soon as the
     * writer has written it, a moment before the writer's own caller is told it is on disk.
     *
     * @throws LedgerException {@link LedgerErrorCode#CORRUPTED} naming the first bad block if the log
     *                         was altered, {@link LedgerErrorCode#UNAVAILABLE} if it cannot be read;
     *                         later queries fail the same way (stage EVALUATE) if a block appended
     *                         after the open fails its checks, or the log is cut short or replaced
     */
    public static EmbeddedLedger openReadOnly(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path logFile = directory.resolve(LOG_FILE);
        try {
            // The checkpoint first: the log only grows after the checkpoint it had when written.
            ChainHead checkpoint = readCheckpoint(directory.resolve(CHECKPOINT_FILE));
            WorldState state = new WorldState();
            BlockLogFollower follower = BlockLogFollower.open(logFile, block -> {
                requireCheckpointHash(logFile, checkpoint, block);
                state.apply(block);
            });
            try {
                requireCheckpointReached(logFile, checkpoint, follower.lastNumber());
            } catch (LedgerException e) {
                follower.close();
                throw e;
            }
            return new EmbeddedLedger(directory, state, follower);
        } catch (IOException e) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.OPEN, null,
                    "cannot read the embedded ledger in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void requireCheckpointHash(Path logFile, ChainHead checkpoint, Block block) {
        if (checkpoint != null && block.number() == checkpoint.blockNumber()
                && !block.hash().equals(checkpoint.blockHash())) {
            throw new LedgerException(LedgerErrorCode.CORRUPTED, LedgerException.Stage.OPEN, null,
                    logFile + " is corrupted at block " + block.number() + ": its hash differs from the one "
                            + CHECKPOINT_FILE + " recorded (the chain was rewritten)");
        }
    }

    private static void requireCheckpointReached(Path logFile, ChainHead checkpoint, long lastNumber) {
        if (checkpoint != null && lastNumber < checkpoint.blockNumber()) {
            throw new LedgerException(LedgerErrorCode.CORRUPTED, LedgerException.Stage.OPEN, null,
                    logFile + " is corrupted at block " + (lastNumber + 1) + ": the log ends before it, but "
                            + CHECKPOINT_FILE + " records block " + checkpoint.blockNumber()
                            + " as written (blocks were cut off the end)");
        }
    }

    /** A port that submits as {@code identity}; the contract authorises every call against it. */
    public LedgerPort connect(ClientIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        return new EmbeddedLedgerPort(this, identity);
    }

    /** The last block written (a follower first reads what the writer appended). */
    public ChainHead head() {
        catchUp(null, LedgerException.Stage.EVALUATE);
        lock.readLock().lock();
        try {
            return new ChainHead(lastNumber, lastHash);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Path directory() {
        return directory;
    }

    /** Whether this is a follower, opened with {@link #openReadOnly(Path)}: it reads, and refuses writes. */
    public boolean readOnly() {
        return follower != null;
    }

    /** Runs a transaction that may write; returns once its block is on disk. */
    <T> T submit(ClientIdentity caller, String function, Function<TransactionContext, T> transaction) {
        if (follower != null) {
            throw new LedgerException(LedgerErrorCode.READ_ONLY, LedgerException.Stage.SUBMIT, null,
                    "this embedded ledger (" + directory + ") is opened read-only, as a follower, and cannot submit "
                            + function + "; " + describeWriter());
        }
        String txId = newTxId(caller);
        Instant timestamp = clock.instant();
        T result;
        long mustBeDurable;
        lock.writeLock().lock();
        try {
            requireOpen(txId, LedgerException.Stage.SUBMIT);
            EmbeddedTransaction tx = new EmbeddedTransaction(txId, timestamp, caller, state);
            result = transaction.apply(tx);
            List<Block.Write> writes = tx.writes();
            if (!writes.isEmpty()) {
                Block.Sealed sealed = Block.seal(lastNumber + 1, lastHash, List.of(new Block.Tx(
                        txId, timestamp, caller.mspId(), caller.subject(), function, writes)));
                try {
                    log.append(sealed.block().number(), sealed.record());
                } catch (IOException e) {
                    throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.COMMIT, txId,
                            "the block could not be queued for " + directory + ": " + e.getMessage(), e);
                }
                state.apply(sealed.block());
                lastNumber = sealed.block().number();
                lastHash = sealed.block().hash();
            }
            mustBeDurable = lastNumber;
        } finally {
            lock.writeLock().unlock();
        }
        awaitDurable(mustBeDurable, txId);
        return result;
    }

    /** Runs a read-only transaction; refusals carry {@link LedgerException.Stage#EVALUATE}. */
    <T> T evaluate(ClientIdentity caller, Function<TransactionContext, T> query) {
        String txId = newTxId(caller);
        Instant timestamp = clock.instant();
        catchUp(txId, LedgerException.Stage.EVALUATE);
        T result;
        long mustBeDurable;
        lock.readLock().lock();
        try {
            requireOpen(txId, LedgerException.Stage.EVALUATE);
            result = query.apply(new EmbeddedTransaction(txId, timestamp, caller, state));
            mustBeDurable = lastNumber;
        } catch (LedgerException e) {
            if (e.stage() == LedgerException.Stage.EVALUATE) {
                throw e;
            }
            throw new LedgerException(e.errorCode(), LedgerException.Stage.EVALUATE, txId, e.getMessage());
        } finally {
            lock.readLock().unlock();
        }
        // Answer only from state that would survive a crash (a follower reads what its writer wrote).
        if (log != null) {
            awaitDurable(mustBeDurable, txId);
        }
        return result;
    }

    /** How many fsyncs the block log made since open (group commit makes them fewer than blocks). */
    long flushes() {
        return log == null ? 0 : log.flushes();
    }

    /** The block that holds a transaction, or -1. */
    long blockOf(String txId) {
        lock.readLock().lock();
        try {
            return state.blockOf(txId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Writes what is pending, records the checkpoint and releases the directory (a follower only
     * closes its file). Ports of this ledger answer {@link LedgerErrorCode#UNAVAILABLE} afterwards.
     */
    @Override
    public void close() {
        ChainHead head;
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            head = new ChainHead(lastNumber, lastHash);
        } finally {
            lock.writeLock().unlock();
        }
        if (follower != null) {
            closeFollower();
            return;
        }
        try {
            log.close();
            if (!head.empty()) {
                writeCheckpoint(head);
            }
        } catch (IOException e) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.COMMIT, null,
                    "could not close the embedded ledger in " + directory + " cleanly: " + e.getMessage(), e);
        } finally {
            release(true);
        }
    }

    private void closeFollower() {
        try {
            follower.close();
        } catch (IOException ignored) {
            // it only read
        }
    }

    /** Stops as a crash would: no checkpoint, whatever reached the file stays. For tests. */
    void abandon() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        if (follower != null) {
            closeFollower();
            return;
        }
        try {
            log.abandon();
        } catch (IOException ignored) {
            // a crash does not report either
        } finally {
            release(false);
        }
    }

    /** Gives the directory up; a clean close also clears the writer's process id from the lock file. */
    private void release(boolean clean) {
        if (clean) {
            try {
                lockChannel.truncate(0);
            } catch (IOException ignored) {
                // a stale id names a process that has ended; followers check
            }
        }
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
        unclaim(realDirectory);
    }

    private static void unclaim(Path realDirectory) {
        if (realDirectory != null) {
            OPEN_DIRECTORIES.remove(realDirectory);
        }
    }

    private void requireOpen(String txId, LedgerException.Stage stage) {
        if (closed) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, stage, txId,
                    "the embedded ledger in " + directory + " is closed");
        }
        IOException failure = log == null ? null : log.failure();
        if (failure != null) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, stage, txId, "the embedded ledger in "
                    + directory + " stopped after a write failure (" + failure.getMessage() + "); reopen it", failure);
        }
    }

    /**
     * A follower reads the blocks its writer appended since it last looked, if the cheap check says
     * there may be some. One thread reads at a time (the follower's monitor, then this ledger's write
     * lock for applying them, always in that order); the others wait and then find nothing new.
     */
    private void catchUp(String txId, LedgerException.Stage stage) {
        if (follower == null || closed) {
            return;
        }
        try {
            synchronized (follower) {
                if (!follower.mayHaveNewBlocks()) {
                    return;
                }
                List<Block> blocks = new ArrayList<>();
                try {
                    follower.readNewBlocks(blocks::add);
                } finally {
                    apply(blocks); // the good blocks before a bad one too: the follower has moved past them
                }
            }
        } catch (LedgerException e) {
            throw new LedgerException(e.errorCode(), stage, txId, e.getMessage(), e);
        } catch (IOException e) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, stage, txId,
                    "cannot read the blocks appended to " + directory.resolve(LOG_FILE) + ": " + e.getMessage(), e);
        }
    }

    private void apply(List<Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (Block block : blocks) {
                state.apply(block);
            }
            Block last = blocks.get(blocks.size() - 1);
            lastNumber = last.number();
            lastHash = last.hash();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Who writes this directory, for a follower's refusal: a process id when the lock file names a live one. */
    private String describeWriter() {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (IOException e) {
            real = null;
        }
        Optional<Long> pid = writerOf(directory, real);
        if (pid.isPresent() && pid.get() == ProcessHandle.current().pid()) {
            return "the writer is this process (" + pid.get() + "): submit through the EmbeddedLedger that "
                    + "EmbeddedLedger.open returned";
        }
        if (pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
            return "the writer is process " + pid.get() + ": submit through it";
        }
        return "no process has it open for writing now" + pid.map(p -> " (the last writer, process " + p
                + ", has ended)").orElse("") + "; a writer opens it with EmbeddedLedger.open";
    }

    /**
     * The process id the writer recorded in the lock file, if there is one. When this JVM holds the
     * directory, its own id, without opening the lock file (closing a channel on it would drop this
     * process's lock).
     */
    private static Optional<Long> writerOf(Path directory, Path realDirectory) {
        synchronized (OPEN_DIRECTORIES) {
            if (realDirectory != null && OPEN_DIRECTORIES.contains(realDirectory)) {
                return Optional.of(ProcessHandle.current().pid());
            }
            Path lockFile = directory.resolve(LOCK_FILE);
            try {
                if (realDirectory == null && !Files.isRegularFile(lockFile)) {
                    return Optional.empty();
                }
                String text = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** Writes this process's id into the lock file just locked, for followers' messages. */
    private static void recordWriter(FileChannel lockChannel) {
        try {
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException ignored) {
            // only followers' messages lose the id
        }
    }

    private void awaitDurable(long blockNumber, String txId) {
        try {
            log.awaitDurable(blockNumber);
        } catch (IOException e) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.COMMIT, txId,
                    "the block could not be written to " + directory + ": " + e.getMessage(), e);
        }
    }

    private String newTxId(ClientIdentity caller) {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        MessageDigest digest = Block.sha256();
        digest.update(nonce);
        digest.update(caller.mspId().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(caller.subject().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
    }

    private static ChainHead readCheckpoint(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            return new ChainHead(node.required("blockNumber").longValue(), node.required("blockHash").textValue());
        } catch (IOException | RuntimeException e) {
            throw new LedgerException(LedgerErrorCode.CORRUPTED, LedgerException.Stage.OPEN, null,
                    file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private void writeCheckpoint(ChainHead head) throws IOException {
        Path target = directory.resolve(CHECKPOINT_FILE);
        Path temporary = directory.resolve(CHECKPOINT_FILE + ".tmp");
        byte[] json = ("{\"blockHash\":\"" + head.blockHash() + "\",\"blockNumber\":" + head.blockNumber() + "}\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(json));
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
