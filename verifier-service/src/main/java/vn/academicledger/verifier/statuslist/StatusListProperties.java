package vn.academicledger.verifier.statuslist;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the verifier reads the Bitstring Status Lists credentials name (prefix {@code verifier.status-lists}).
 *
 * @param enabled         false: revocations are read from the ledger only, lists are never fetched
 * @param allowedHosts    the only hosts lists are fetched from (exact names or IP literals, no wildcards);
 *                        a credential naming any other host gets "revocation status unknown"
 * @param cacheTtl        how long a fetched list is reused; 0 fetches on every verification
 * @param failureCacheTtl how long a failed fetch is remembered, so an unreachable issuer does not
 *                        cost every verification a timeout; 0 retries every time
 * @param maxSize         the largest list response read
 * @param connectTimeout  to open the connection
 * @param requestTimeout  for the whole exchange, headers and body
 */
@ConfigurationProperties("verifier.status-lists")
public record StatusListProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"127.0.0.1", "localhost"}) List<String> allowedHosts,
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("30s") Duration failureCacheTtl,
        @DefaultValue("1MB") DataSize maxSize,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout) {

    public StatusListProperties {
        allowedHosts = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        requireNotNegative(cacheTtl, "cache-ttl");
        requireNotNegative(failureCacheTtl, "failure-cache-ttl");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(requestTimeout, "request-timeout");
        if (maxSize.toBytes() <= 0 || maxSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("verifier.status-lists.max-size must be between 1 byte and 2 GB, got " + maxSize);
        }
    }

    /** The defaults, for code and tests that build a source without Spring. */
    public static StatusListProperties defaults() {
        return new StatusListProperties(true, List.of("127.0.0.1", "localhost"), Duration.ofMinutes(5), Duration.ofSeconds(30),
                DataSize.ofMegabytes(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("verifier.status-lists." + name + " must be 0 or more, got " + d);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("verifier.status-lists." + name + " must be positive, got " + d);
        }
    }
}
