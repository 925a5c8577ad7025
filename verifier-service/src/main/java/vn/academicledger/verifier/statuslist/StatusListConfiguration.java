package vn.academicledger.verifier.statuslist;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.academicledger.core.status.StatusListSource;

/**
 * The verifier reads the Bitstring Status Lists credentials name over HTTP, from the allowed hosts
 * only ({@code verifier.status-lists.*}); {@code verifier.status-lists.enabled=false} leaves the
 * ledger as the only source of revocations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusListProperties.class)
class StatusListConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StatusListConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "verifier.status-lists.enabled", havingValue = "true", matchIfMissing = true)
    StatusListSource statusListSource(StatusListProperties properties, Clock clock) {
        LOG.info("Status lists: fetched from {} only, cached {}, at most {}", properties.allowedHosts(),
                properties.cacheTtl(), properties.maxSize());
        return new HttpStatusListSource(properties, clock);
    }
}
