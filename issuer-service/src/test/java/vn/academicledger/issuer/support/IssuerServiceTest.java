package vn.academicledger.issuer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of full-service tests: the real service on a random loopback port, with a real (embedded)
 * PostgreSQL and the embedded ledger in one temporary data folder per test JVM. Every subclass with
 * no extra configuration shares one Spring context (and so one PostgreSQL server). The demo seed
 * runs: accounts {@code so.admin}, {@code so.auditor}, {@code bennghe.issuer}, {@code bennghe.principal}
 * (school 79000701, with class 12A1 of 44 students), {@code thuthiem.issuer}, {@code thuthiem.principal}
 * (79000702), all with password {@link #PASSWORD}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IssuerServiceTest {
    public static final String PASSWORD = "test-password-not-secret";
    public static final String SCHOOL_A = "79000701";
    public static final String SCHOOL_B = "79000702";
    private static final Path DATA = temporaryDataFolder();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    private ApiClient client;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("issuer.data-dir", DATA::toString);
        registry.add("issuer.demo.password", () -> PASSWORD);
        registry.add("issuer.anchoring.max-age", () -> "200ms");
        registry.add("issuer.anchoring.poll-interval", () -> "100ms");
    }

    /** An HTTP client for this service that signs in as the demo accounts. */
    protected ApiClient api() {
        if (client == null || client.port() != port) {
            client = new ApiClient("http://127.0.0.1:" + port, PASSWORD);
        }
        return client;
    }

    protected static Path dataFolder() {
        return DATA;
    }

    private static Path temporaryDataFolder() {
        try {
            Path dir = Files.createTempDirectory("issuer-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
