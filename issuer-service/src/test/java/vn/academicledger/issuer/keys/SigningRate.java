package vn.academicledger.issuer.keys;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import vn.academicledger.core.crypto.SigningKey;

/** A plain timed loop (not JMH): enough to tell hundreds from thousands of signatures a second. */
final class SigningRate {
    private SigningRate() {
    }

    /** Signatures per second over 64-byte messages (the size of Data Integrity's hash data), 2 s after a 0.5 s warm-up. */
    static long perSecond(SigningKey key, int threads) throws Exception {
        byte[] message = HexFormat.of().parseHex("4d1f6a2b".repeat(16));
        for (long end = System.nanoTime() + 500_000_000L; System.nanoTime() < end; ) {
            key.sign(message);
        }
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        long end = start + 2_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        key.sign(message);
                        n++;
                    }
                    count.addAndGet(n);
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Math.round(count.get() / ((System.nanoTime() - start) / 1e9));
    }
}
