package vn.academicledger.issuer.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import vn.academicledger.core.crypto.Sha256;

/**
 * One signed status list credential as served: its exact bytes (what was signed, compact JSON),
 * an entity tag over them, when it was signed, until when it is valid, and the key that signed it.
 */
record PublishedStatusList(byte[] json, String etag, Instant signedAt, Instant validUntil, String signingKey,
                           int revokedCount) {

    static PublishedStatusList of(String json, Instant signedAt, Instant validUntil, String signingKey, int revokedCount) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String tag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(bytes)).substring(0, 22) + "\"";
        return new PublishedStatusList(bytes, tag, signedAt, validUntil, signingKey, revokedCount);
    }

    /** True once it should be signed again: older than {@code refresh}. */
    boolean dueAt(Instant now, Duration refresh) {
        return !signedAt.plus(refresh).isAfter(now);
    }

    /** How long a cache may keep it: until it is due, at most {@code maxAge}, at least 0. */
    long maxAgeSeconds(Instant now, Duration refresh, Duration maxAge) {
        long untilDue = Duration.between(now, signedAt.plus(refresh)).toSeconds();
        return Math.max(0, Math.min(untilDue, maxAge.toSeconds()));
    }

    @Override
    public byte[] json() {
        return json.clone();
    }
}
