package vn.academicledger.issuer.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's database: a real PostgreSQL server started as a child process, its data
 * kept under {@code <dataDir>/issuer/postgres} so it survives restarts (also {@code kill -9}). With
 * {@code issuer.database.embedded=false} Spring Boot's own {@code spring.datasource.*} applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "issuer.database.embedded", havingValue = "true", matchIfMissing = true)
class DatabaseConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(IssuerProperties properties) {
        try {
            Files.createDirectories(properties.postgresDir());
            OrphanPostgres.stopIfRunning(properties.postgresDir());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(properties.postgresDir())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (properties.database().port() > 0) {
                builder.setPort(properties.database().port());
            }
            EmbeddedPostgres.Builder postgres = builder
                    // zonky's defaults are for throwaway test databases (fsync off, asynchronous commit):
                    // this one keeps records, so a committed transaction must survive a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            // Extra server settings (issuer.database.settings.<name>=<value>), e.g. for a profiling run:
            // shared_preload_libraries=pg_stat_statements.
            properties.database().settings().forEach(builder::setServerConfig);
            EmbeddedPostgres started = postgres.start();
            LOG.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", started.getPort(),
                    properties.postgresDir().toAbsolutePath());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + properties.postgresDir()
                    + ": " + e.getMessage(), e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(16);
        config.setPoolName("issuer");
        return new HikariDataSource(config);
    }
}
