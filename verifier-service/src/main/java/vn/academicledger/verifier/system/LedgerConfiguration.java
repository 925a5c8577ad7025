package vn.academicledger.verifier.system;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.embedded.ChainHead;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.ledger.fabric.FabricConnection;
import vn.academicledger.ledger.fabric.FabricIdentity;
import vn.academicledger.ledger.fabric.FabricLedgerSettings;

/**
 * The ledger the verifier reads: the embedded ledger in the data folder (default), followed
 * read-only, or the Fabric network through the gateway ({@code verifier.ledger.kind=fabric}). Either
 * way the verifier only reads, as a Ministry client, and issuer standing and revocations are reused
 * for at most {@code verifier.ledger.status-ttl}.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {
    /** The read-only identity of public verification: a Ministry client, which may read but never write. */
    static final ClientIdentity PUBLIC_VERIFIER =
            new ClientIdentity(ClientIdentity.MINISTRY_MSP, "public-verifier", Map.of(ClientIdentity.ROLE, "verifier"));

    private static final Logger LOG = LoggerFactory.getLogger(LedgerConfiguration.class);

    /**
     * The embedded ledger, opened read-only: a follower of whichever process writes the folder (the
     * issuer service, {@code ./ledger demo}), which sees their blocks as they are written and never
     * takes the folder's lock from them.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "verifier.ledger.kind", havingValue = "embedded", matchIfMissing = true)
    EmbeddedLedger embeddedLedger(VerifierProperties properties) {
        Path directory = properties.embeddedLedgerDir().toAbsolutePath();
        EmbeddedLedger ledger = EmbeddedLedger.openReadOnly(directory);
        ChainHead head = ledger.head();
        if (head.empty()) {
            LOG.warn("Embedded ledger {} (read-only): no blocks yet; the verifier sees them as the issuer writes them",
                    directory);
        } else {
            LOG.info("Embedded ledger {} (read-only), at block {}", directory, head.blockNumber());
        }
        return ledger;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "verifier.ledger.kind", havingValue = "embedded", matchIfMissing = true)
    LedgerPort embeddedLedgerPort(EmbeddedLedger ledger, VerifierProperties properties) {
        return RecentLedgerReads.of(ledger.connect(PUBLIC_VERIFIER), properties.ledger().statusTtl());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "verifier.ledger.kind", havingValue = "fabric")
    FabricConnection fabricConnection(VerifierProperties properties) {
        VerifierProperties.Fabric fabric = properties.ledger().fabric();
        LOG.info("Fabric gateway, crypto material {}", fabric.cryptoDir().toAbsolutePath());
        return FabricConnection.open(FabricLedgerSettings.localNetwork(fabric.cryptoDir()));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "verifier.ledger.kind", havingValue = "fabric")
    LedgerPort fabricLedgerPort(FabricConnection connection, VerifierProperties properties) {
        VerifierProperties.Fabric fabric = properties.ledger().fabric();
        FabricIdentity identity = FabricIdentity.fromMspDirectory(fabric.mspId(), fabric.mspDir());
        return RecentLedgerReads.of(connection.port(identity), properties.ledger().statusTtl());
    }
}
