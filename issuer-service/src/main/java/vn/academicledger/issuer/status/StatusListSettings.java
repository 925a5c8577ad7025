package vn.academicledger.issuer.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service publishes its status lists (prefix {@code issuer.status-lists}).
 *
 * @param refresh  a published list is signed again once it is this old, even when nothing was
 *                 revoked (a revocation re-signs it at once)
 * @param grace    {@code validUntil} is {@code refresh + grace} after signing, so a copy fetched just
 *                 before the next signing stays valid until verifiers can have fetched the next one
 * @param maxAge   the longest {@code Cache-Control: max-age} (and the list's {@code ttl}): how late a
 *                 caching verifier may learn of a revocation
 */
@ConfigurationProperties("issuer.status-lists")
record StatusListSettings(@DefaultValue("10m") Duration refresh, @DefaultValue("5m") Duration grace,
                          @DefaultValue("60s") Duration maxAge) {
    StatusListSettings {
        if (refresh.isNegative() || refresh.isZero() || grace.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("issuer.status-lists: refresh and max-age must be positive, grace not negative");
        }
    }
}
