package vn.academicledger.issuer.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a value read from the running service reaches a state, or fails with the last value read. */
public final class Await {
    private Await() {
    }

    public static <T> T until(Supplier<T> read, Predicate<T> reached, Duration timeout, Duration every)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (reached.test(last)) {
                return last;
            }
            Thread.sleep(every.toMillis());
        }
        throw new AssertionError("not reached in " + timeout + "; last: " + last);
    }
}
