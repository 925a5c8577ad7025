package vn.academicledger.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;

/**
 * The append-only, hash-chained block file. Opening it replays and verifies every record;
 * appending hands records to one writer thread that writes whatever has queued up and then
 * forces it to disk once (group commit), so many concurrent transactions share one fsync.
 *
 * <p>Integrity rule on open: every complete record (one ending in a newline) must parse, match
 * its own hash, carry the next block number and name the previous block's hash; the first that
 * does not makes the open fail with {@link LedgerErrorCode#CORRUPTED}, naming that block. Bytes
 * after the last newline are a record a crash interrupted: it was never acknowledged (callers
 * return only once their whole record, newline included, is on disk), so it is dropped with a
 * warning and the file is cut back to the last complete record.
 */
final class BlockLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BlockLog.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition durable = lock.newCondition();
    private final List<byte[]> queue = new ArrayList<>();
    private final Thread writer;
    private long queuedNumber;
    private long durableNumber;
    private long flushes;
    private IOException failure;
    private boolean closing;

    private BlockLog(Path file, FileChannel channel, long lastNumber) {
        this.file = file;
        this.channel = channel;
        this.queuedNumber = lastNumber;
        this.durableNumber = lastNumber;
        this.writer = new Thread(this::writeLoop, "embedded-ledger-writer " + file.getParent().getFileName());
        this.writer.setDaemon(true);
    }

    /** What replaying the file found. */
    record Replay(BlockLog log, long lastNumber, String lastHash, long droppedTailBytes) {
    }

    /**
     * Opens (creating if need be) the log, hands every verified block to {@code apply} in order,
     * and starts the writer.
     */
    static Replay open(Path file, Consumer<Block> apply) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long expected = 0;
            String previousHash = Block.GENESIS_PREVIOUS_HASH;
            long completeEnd = 0;
            long size = channel.size();
            RecordReader records = new RecordReader(channel);
            long offset = 0;
            while (records.next()) {
                byte[] line = records.line();
                int length = records.length();
                Block block;
                try {
                    block = Block.parse(line, length);
                } catch (Block.Unreadable e) {
                    throw corrupted(file, expected, offset, e.getMessage());
                }
                if (block.number() != expected) {
                    throw corrupted(file, expected, offset, "the record there is block " + block.number()
                            + " (blocks deleted or reordered)");
                }
                if (!block.previousHash().equals(previousHash)) {
                    throw corrupted(file, expected, offset, "it does not name block " + (expected - 1)
                            + "'s hash as its previous hash (a block before it was replaced)");
                }
                apply.accept(block);
                previousHash = block.hash();
                expected++;
                offset += length + 1;
                completeEnd = offset;
            }
            long dropped = size - completeEnd;
            if (dropped > 0) {
                LOG.log(System.Logger.Level.WARNING, "{0}: dropping {1} bytes after block {2}: an incomplete last "
                        + "record, left by a crash during a write that was never acknowledged", file, dropped, expected - 1);
                channel.truncate(completeEnd);
                channel.force(true);
            }
            channel.position(completeEnd);
            BlockLog log = new BlockLog(file, channel, expected - 1);
            log.writer.start();
            return new Replay(log, expected - 1, previousHash, dropped);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads newline-terminated records from the start of a channel; a last record without one is left out. */
    private static final class RecordReader {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        private byte[] line = new byte[4096];
        private int length;
        private long position;

        RecordReader(FileChannel channel) {
            this.channel = channel;
            buffer.flip();
        }

        /** Reads the next complete record; false at the end of the file (or before a torn tail). */
        boolean next() throws IOException {
            length = 0;
            while (true) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        return true;
                    }
                    if (length == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[length++] = b;
                }
                buffer.clear();
                int read = channel.read(buffer, position);
                buffer.flip();
                if (read <= 0) {
                    return false;
                }
                position += read;
            }
        }

        byte[] line() {
            return line;
        }

        int length() {
            return length;
        }
    }

    private static LedgerException corrupted(Path file, long block, long offset, String why) {
        return new LedgerException(LedgerErrorCode.CORRUPTED, LedgerException.Stage.OPEN, null,
                file + " is corrupted at block " + block + " (byte " + offset + "): " + why);
    }

    /**
     * Queues block {@code number}'s record; blocks must be queued in order.
     *
     * @throws IOException if the writer has failed or the log is closed: nothing was queued
     */
    void append(long number, byte[] record) throws IOException {
        lock.lock();
        try {
            if (failure != null) {
                throw failure;
            }
            if (closing) {
                throw new IOException("the block log " + file + " is closed");
            }
            queue.add(record);
            queuedNumber = number;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The last block queued (durable or not). */
    long queuedNumber() {
        lock.lock();
        try {
            return queuedNumber;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until block {@code number} and every block before it is on disk. */
    void awaitDurable(long number) throws IOException {
        lock.lock();
        try {
            while (durableNumber < number && failure == null) {
                durable.awaitUninterruptibly();
            }
            if (durableNumber < number) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many times the writer forced the file to disk: with many writers, fewer than blocks. */
    long flushes() {
        lock.lock();
        try {
            return flushes;
        } finally {
            lock.unlock();
        }
    }

    /** The write failure that stopped this log, if one did. */
    IOException failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    private void writeLoop() {
        while (true) {
            List<byte[]> batch;
            long last;
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    work.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
                last = queuedNumber;
            } finally {
                lock.unlock();
            }
            IOException error = null;
            try {
                ByteBuffer[] buffers = batch.stream().map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
                long remaining = batch.stream().mapToLong(record -> record.length).sum();
                while (remaining > 0) {
                    remaining -= channel.write(buffers);
                }
                channel.force(false);
            } catch (IOException e) {
                error = e;
            }
            lock.lock();
            try {
                if (error != null) {
                    failure = error;
                    closing = true;
                    queue.clear();
                } else {
                    durableNumber = last;
                    flushes++;
                }
                durable.signalAll();
                if (error != null) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Writes what is queued, forces it to disk and closes the file. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (channel.isOpen()) {
                channel.force(true);
            }
        } finally {
            channel.close();
        }
        IOException error = failure();
        if (error != null) {
            throw new IOException("the block log " + file + " had failed", error);
        }
    }
}
