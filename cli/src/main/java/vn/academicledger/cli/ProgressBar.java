package vn.academicledger.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on standard error: redrawn in place on a terminal, a line every tenth of the
 * work elsewhere (CI logs). Thread-safe; {@link #step()} is cheap.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long lastDrawn;
    private volatile long lastDecile = -1;

    ProgressBar(String label, long total) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = System.err;
        this.terminal = System.console() != null;
    }

    void step() {
        long d = done.incrementAndGet();
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDrawn > 100_000_000L || d == total) {
                lastDrawn = now;
                draw(d, now, false);
            }
        } else {
            long decile = d * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                draw(d, now, true);
            }
        }
    }

    private synchronized void draw(long d, long now, boolean newline) {
        int filled = (int) (WIDTH * d / total);
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        String line = String.format(Locale.ROOT, "%-24s [%s%s] %d/%d  %.0f/s", label,
                "#".repeat(filled), "-".repeat(WIDTH - filled), d, total, d / seconds);
        out.print(newline ? line + System.lineSeparator() : "\r" + line);
        out.flush();
    }

    @Override
    public void close() {
        if (terminal) {
            draw(done.get(), System.nanoTime(), false);
            out.println();
        }
    }
}
