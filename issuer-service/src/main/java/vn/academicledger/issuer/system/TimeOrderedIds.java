package vn.academicledger.issuer.system;

import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562 §5.7): the first 48 bits are the Unix time in milliseconds, the other
 * 74 free bits are random (taken from {@link UUID#randomUUID()}, so as unguessable as before). Rows
 * keyed by them are inserted at the right-hand edge of their B-tree indexes, on pages already in
 * memory, instead of on a random page each: bulk issuance writes hundreds of thousands of them.
 */
public final class TimeOrderedIds {
    private TimeOrderedIds() {
    }

    public static UUID next() {
        return next(System.currentTimeMillis());
    }

    public static UUID next(Clock clock) {
        return next(clock.millis());
    }

    static UUID next(long unixMillis) {
        UUID random = UUID.randomUUID();
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L // version 7
                | (random.getMostSignificantBits() & 0x0FFFL); // 12 random bits (rand_a)
        // The variant bits (10) and 62 random bits (rand_b) are already as RFC 9562 wants them.
        return new UUID(msb, random.getLeastSignificantBits());
    }
}
