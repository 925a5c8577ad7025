package vn.academicledger.issuer.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the issuer service can be told (prefix {@code issuer.}). The defaults are the embedded
 * default: embedded PostgreSQL and embedded ledger under {@code .ledger-data}, its own
 * authorization server with seeded demo accounts.
 *
 * @param publicBaseUrl  the address people and verifiers reach this service at (status lists are served here)
 * @param verifierBaseUrl the public verifier, printed in QR codes
 * @param dataDir        the data folder (ledger, PostgreSQL data, keys)
 */
@ConfigurationProperties("issuer")
public record IssuerProperties(
        @DefaultValue("http://127.0.0.1:8081") URI publicBaseUrl,
        @DefaultValue("http://127.0.0.1:8080") URI verifierBaseUrl,
        @DefaultValue(".ledger-data") Path dataDir,
        @DefaultValue Database database,
        @DefaultValue Ledger ledger,
        @DefaultValue Anchoring anchoring,
        @DefaultValue Jobs jobs,
        @DefaultValue Auth auth,
        @DefaultValue Demo demo) {

    /**
     * @param embedded start an embedded PostgreSQL server (a real server, as a child process) with its
     *                 data under {@code <dataDir>/issuer/postgres}; false uses {@code spring.datasource.*}
     * @param port     the embedded server's port; 0 picks a free one
     * @param settings extra settings for the embedded server ({@code postgresql.conf} names), e.g.
     *                 {@code issuer.database.settings[shared_preload_libraries]=pg_stat_statements}
     */
    public record Database(@DefaultValue("true") boolean embedded, @DefaultValue("0") int port, Path directory,
                           java.util.Map<String, String> settings) {
        public Database {
            settings = settings == null ? java.util.Map.of() : java.util.Map.copyOf(settings);
        }
    }

    public enum LedgerKind { EMBEDDED, FABRIC }

    /**
     * @param kind      {@code embedded} (default): the embedded ledger in {@code directory}; {@code fabric}:
     *                  the Hyperledger Fabric network through the gateway, as {@code fabric} describes
     * @param directory the embedded ledger's folder; default {@code <dataDir>/ledger}
     */
    public record Ledger(@DefaultValue("embedded") LedgerKind kind, Path directory, @DefaultValue Fabric fabric) {
    }

    /**
     * The Fabric gateway, used with {@code issuer.ledger.kind=fabric}. The defaults are the local network
     * of {@code network-config/} with the crypto material {@code crypto-material/} generates.
     *
     * @param peer        host:port of the gateway peer of this service's organisation
     * @param peerTlsCa   PEM of the TLS CA that issued the peer's certificate; default
     *                    {@code <cryptoDir>/peerOrganizations/<domain>/tlsca/tlsca-cert.pem}
     * @param peerServerName the name the peer's certificate is checked against; default the host of {@code peer}
     * @param channel     the channel
     * @param chaincode   the chaincode holding the Academic Ledger contract
     * @param mspId       the organisation this service's client identities belong to
     * @param domain      that organisation's domain in the crypto material
     * @param cryptoDir   the network's crypto material
     * @param identities  folder of the client identities: {@code dept-admin@<domain>/msp} (the department,
     *                    accreditation and key registration) and {@code school-<code>@<domain>/msp} per school
     *                    (role=issuer, schoolCode=<code>: anchors and revokes for that school only); default
     *                    {@code <cryptoDir>/peerOrganizations/<domain>/users}
     */
    public record Fabric(@DefaultValue("127.0.0.1:7051") String peer, Path peerTlsCa, String peerServerName,
                         @DefaultValue("academic") String channel, @DefaultValue("academic-ledger") String chaincode,
                         @DefaultValue("DepartmentMSP") String mspId,
                         @DefaultValue("department.academicledger.test") String domain,
                         @DefaultValue("crypto-material/generated/fabric") Path cryptoDir, Path identities) {
        public Path organisationDir() {
            return cryptoDir.resolve("peerOrganizations").resolve(domain);
        }

        public Path tlsCa() {
            return peerTlsCa != null ? peerTlsCa : organisationDir().resolve("tlsca").resolve("tlsca-cert.pem");
        }

        public Path identitiesDir() {
            return identities != null ? identities : organisationDir().resolve("users");
        }

        public Path departmentMsp() {
            return identitiesDir().resolve("dept-admin@" + domain).resolve("msp");
        }

        public Path schoolMsp(String schoolCode) {
            return identitiesDir().resolve("school-" + schoolCode + "@" + domain).resolve("msp");
        }
    }

    /**
     * The outbox worker.
     *
     * @param batchSize  most credentials in one Merkle batch
     * @param maxAge     a batch is anchored once its oldest credential has waited this long, even if not full
     * @param pollInterval how often the worker looks for work when idle
     * @param retryBackoff first wait after a failed anchor; doubles up to {@code maxBackoff}
     * @param maxBackoff  longest wait between retries
     * @param enabled    false stops the worker (tests that look at the outbox)
     */
    public record Anchoring(@DefaultValue("1000") int batchSize, @DefaultValue("2s") Duration maxAge,
                            @DefaultValue("200ms") Duration pollInterval, @DefaultValue("500ms") Duration retryBackoff,
                            @DefaultValue("30s") Duration maxBackoff, @DefaultValue("true") boolean enabled) {
    }

    /**
     * Bulk issuance jobs.
     *
     * @param threads   signing threads (shared by all jobs)
     * @param chunkSize credentials signed and stored per database transaction
     * @param parallel  jobs run at once: while some sign, others wait on the database (its commits wait for the
     *                  disk), so the processors stay busy; 4 keeps two cores saturated in {@code ./ledger bench issue}
     * @param cachedStudents students whose imported classes are kept read in memory (about 3 KB each):
     *                  an import is normally followed by its issuance, which then need not read the
     *                  class's source again; classes imported longer ago are read from the database
     */
    public record Jobs(@DefaultValue("2") int threads, @DefaultValue("500") int chunkSize, @DefaultValue("4") int parallel,
                       @DefaultValue("100000") int cachedStudents) {
    }

    /**
     * @param embeddedServer run this service's own OAuth 2.1 / OpenID Connect provider (the embedded
     *                       default); false trusts {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
     *                       (or {@code jwk-set-uri}) of an external provider
     * @param tokenTtl       lifetime of the embedded server's access tokens
     * @param roleClaim      the claim naming the caller's role: a top-level claim, or a dotted path into
     *                       nested claims ({@code realm_access.roles}); when it holds a list, the first
     *                       entry that names one of this service's roles counts
     * @param schoolClaim    the claim (or dotted path) naming a school role's school code
     * @param audience       when set, an external provider's tokens must carry it in {@code aud}
     */
    public record Auth(@DefaultValue("true") boolean embeddedServer, @DefaultValue("30m") Duration tokenTtl,
                       @DefaultValue("role") String roleClaim, @DefaultValue("school_code") String schoolClaim,
                       String audience) {
        public Auth {
            if (roleClaim == null || roleClaim.isBlank()) {
                throw new IllegalArgumentException("issuer.auth.role-claim must name a claim");
            }
            if (schoolClaim == null || schoolClaim.isBlank()) {
                throw new IllegalArgumentException("issuer.auth.school-claim must name a claim");
            }
            audience = audience == null || audience.isBlank() ? null : audience.strip();
        }
    }

    /** @param seed seed the demo department, two schools, their accounts and students on first start */
    public record Demo(@DefaultValue("true") boolean seed) {
    }

    public Path issuerDir() {
        return dataDir.resolve("issuer");
    }

    public Path postgresDir() {
        return database.directory() != null ? database.directory() : issuerDir().resolve("postgres");
    }

    public Path ledgerDir() {
        return ledger.directory() != null ? ledger.directory() : dataDir.resolve("ledger");
    }
}
