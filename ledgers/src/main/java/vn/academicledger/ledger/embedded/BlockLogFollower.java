package vn.academicledger.ledger.embedded;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;

/**
 * Reads a block log that another {@link EmbeddedLedger}, the writer (usually in another process),
 * appends to; it never writes to the file.
 *
 * <p>{@link #open} reads the log from its start under the writer's own integrity rule
 * ({@link BlockLog#scan}). After that, {@link #readNewBlocks} reads only what follows the last
 * block read. The writer zero-fills its file ahead of its records, so the file's length alone
 * says little; but no record holds a zero byte, so the byte after the last block read says whether
 * anything was written since: {@link #mayHaveNewBlocks} costs a length, a one-byte read and a
 * {@code stat} of the path (to notice a log replaced under it).
 *
 * <p>A record is taken once it is complete: a line end after it, and no zero byte in it (a zero is
 * a page of the writer's current write that this reader does not see yet). Anything short of that
 * is left for a later call, never refused: the writer may be in the middle of it, or it is what a
 * crash of the writer left, which the writer drops when it opens again. A complete record that
 * fails its hash or the chain, a line longer than any write, a file now shorter than the blocks
 * already read, or a log replaced or removed under the reader is {@link LedgerErrorCode#CORRUPTED}.
 *
 * <p>Thread-safe: calls are serialised on this object. Reads go through a {@link RandomAccessFile},
 * whose reads, unlike a {@code FileChannel}'s, do not close the file when the reading thread is
 * interrupted: one follower serves all of a service's request threads.
 */
final class BlockLogFollower implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final byte[] chunk = new byte[CHUNK];
    private byte[] line = new byte[4096];
    /** The log, once it exists; {@code fileKey} identifies the file it was opened on. */
    private RandomAccessFile input;
    private Object fileKey;
    /** Where the last block read ends, the next block's number and the last block's hash. */
    private long end;
    private long nextNumber;
    private String lastHash = Block.GENESIS_PREVIOUS_HASH;
    private boolean closed;

    private BlockLogFollower(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Reads and verifies the log from its start, if it exists yet, handing every block to
     * {@code apply} in order; what the integrity rule lets pass as an interrupted write is left
     * unread (the writer may still be writing it).
     *
     * @throws LedgerException {@link LedgerErrorCode#CORRUPTED} naming the first bad block
     */
    static BlockLogFollower open(Path file, Consumer<Block> apply) throws IOException {
        BlockLogFollower follower = new BlockLogFollower(file);
        try {
            synchronized (follower) {
                if (follower.input() != null) {
                    follower.replay(apply);
                }
            }
            return follower;
        } catch (IOException | RuntimeException e) {
            follower.close();
            throw e;
        }
    }

    /**
     * Scans from the start. A writer appending during the scan can make a write still in progress
     * look, for an instant, like more than one interrupted write; so a refusal is confirmed by a
     * second scan before it stands (blocks the first scan handed over are not handed over again).
     */
    private void replay(Consumer<Block> apply) throws IOException {
        long[] applied = {0};
        Consumer<Block> once = block -> {
            if (block.number() >= applied[0]) {
                apply.accept(block);
                applied[0] = block.number() + 1;
            }
        };
        BlockLog.Scan scan;
        try {
            scan = BlockLog.scan(file, input.getChannel(), once);
        } catch (LedgerException first) {
            scan = BlockLog.scan(file, input.getChannel(), once);
        }
        end = scan.end();
        nextNumber = scan.lastNumber() + 1;
        lastHash = scan.lastHash();
    }

    /**
     * Whether blocks may have been appended since the last read: false when the byte after the
     * last block read is missing or zero (no write has reached it) and the log is the one read.
     */
    synchronized boolean mayHaveNewBlocks() throws IOException {
        if (closed) {
            return false;
        }
        if (input == null) {
            return Files.exists(file);
        }
        long length = input.length();
        if (length < end) {
            return true; // cut short: readNewBlocks says so
        }
        if (replaced()) {
            return true;
        }
        if (length == end) {
            return false;
        }
        input.seek(end);
        return input.read() > 0;
    }

    /**
     * Reads every complete block appended since the last read, verifies that it continues the
     * chain, and hands it to {@code apply}; returns how many it read.
     *
     * @throws LedgerException {@link LedgerErrorCode#CORRUPTED} naming the block, when a complete
     *                         record fails, the log was cut short, or it was replaced or removed
     */
    synchronized int readNewBlocks(Consumer<Block> apply) throws IOException {
        if (closed || input() == null) {
            return 0;
        }
        if (replaced()) {
            throw BlockLog.corrupted(file, nextNumber, end, "the log was replaced or removed after this reader had "
                    + "read " + nextNumber + " blocks of it; open the ledger again to follow the new log");
        }
        long length = input.length();
        if (length < end) {
            throw BlockLog.corrupted(file, nextNumber, end, "the log now ends at byte " + length + ", inside the "
                    + "blocks already read (blocks were cut off the end)");
        }
        int read = 0;
        int lineLength = 0;
        long position = end;
        while (true) {
            input.seek(position);
            int count = input.read(chunk);
            if (count <= 0) {
                return read; // the end of the file: what is there is not a complete record yet
            }
            for (int i = 0; i < count; i++) {
                byte b = chunk[i];
                if (b == 0) {
                    return read; // a write not (wholly) visible yet, or the zero-filled space after the records
                }
                if (b != '\n') {
                    if (lineLength == BlockLog.MAX_GROUP_BYTES) {
                        throw BlockLog.corrupted(file, nextNumber, end, "more than " + BlockLog.MAX_GROUP_BYTES
                                + " bytes without a line end follow the last block: longer than any write");
                    }
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = b;
                    continue;
                }
                Block block;
                try {
                    block = Block.parse(line, lineLength);
                } catch (Block.Unreadable e) {
                    throw BlockLog.corrupted(file, nextNumber, end, e.getMessage());
                }
                String problem = BlockLog.chainProblem(block, nextNumber, lastHash);
                if (problem != null) {
                    throw BlockLog.corrupted(file, nextNumber, end, problem);
                }
                apply.accept(block);
                read++;
                end += lineLength + 1;
                nextNumber++;
                lastHash = block.hash();
                lineLength = 0;
            }
            position += count;
        }
    }

    /** The last block read ({@code -1} while none). */
    synchronized long lastNumber() {
        return nextNumber - 1;
    }

    /** The last block's hash (block 0's previous hash while none was read). */
    synchronized String lastHash() {
        return lastHash;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (input != null) {
            input.close();
        }
    }

    /** The log, opened on first need; {@code null} while the writer has not created it. */
    private RandomAccessFile input() throws IOException {
        if (input == null && !closed) {
            try {
                input = new RandomAccessFile(file.toFile(), "r");
            } catch (FileNotFoundException e) {
                return null;
            }
            fileKey = fileKey();
        }
        return input;
    }

    /** Whether the path now names another file than the one this reader has open (or none). */
    private boolean replaced() throws IOException {
        return fileKey != null && !fileKey.equals(fileKey());
    }

    private Object fileKey() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return "removed";
        }
    }
}
