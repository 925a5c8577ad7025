package vn.academicledger.verifier.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void lets_a_burst_through_then_says_how_long_to_wait() {
        RateLimitFilter.Bucket bucket = new RateLimitFilter.Bucket(3, 1.0);
        long now = System.nanoTime();

        assertThat(bucket.take(1, now)).isZero();
        assertThat(bucket.take(1, now)).isZero();
        assertThat(bucket.take(1, now)).isZero();
        long wait = bucket.take(1, now);

        assertThat(wait).isBetween(SECOND - 1_000, SECOND);
    }

    @Test
    void refills_at_the_sustained_rate() {
        RateLimitFilter.Bucket bucket = new RateLimitFilter.Bucket(2, 2.0);
        long now = System.nanoTime();
        bucket.take(2, now);

        assertThat(bucket.take(1, now + SECOND / 4)).isPositive();
        assertThat(bucket.take(1, now + SECOND / 2 + 1_000)).isZero();
    }

    @Test
    void charges_an_expensive_request_more() {
        RateLimitFilter.Bucket bucket = new RateLimitFilter.Bucket(10, 1.0);
        long now = System.nanoTime();

        assertThat(bucket.take(10, now)).isZero();
        assertThat(bucket.take(10, now)).isGreaterThanOrEqualTo(9 * SECOND);
    }
}
