package vn.academicledger.issuer.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.grading.SyntheticClasses;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * The service as production runs it: its PostgreSQL is somebody else's server (a separate
 * PostgreSQL on its own port and folder, reached through {@code spring.datasource.*}, migrated by
 * Flyway), and its callers sign in at somebody else's OpenID Connect provider (a small discovery +
 * JWK set server here, whose RSA key this test holds), with roles where Keycloak puts them
 * ({@code realm_access.roles}) and an audience the service insists on. No embedded authorization
 * server, no demo accounts. The steps run in order: accredit, import, issue, refuse, look at the database.
 */
@ExtendWith(ProductionConfigurationTest.StopExternalServices.class) // before @SpringBootTest: its afterAll runs after the context is closed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionConfigurationTest {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionConfigurationTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "academic-ledger-issuer";
    private static final String DB_NAME = "academic_ledger";
    private static final String DB_USER = "issuer_app";
    private static final String DB_PASSWORD = "issuer-app-test-password";
    private static final School SCHOOL = SyntheticClasses.school("79000733", "Trường Trung học phổ thông Cần Giờ Thử Nghiệm",
            "did:web:thptcangiothunghiem.hcm.edu.vn");
    private static final String OTHER_SCHOOL = "79000744";
    private static final int STUDENTS = 30;

    private static final String ADMIN_SUB = "5d0c1f7e-0b6a-4c1e-9b8e-3a2f0c7d1e01";
    private static final String REGISTRAR_SUB = "5d0c1f7e-0b6a-4c1e-9b8e-3a2f0c7d1e02";
    private static final String PRINCIPAL_SUB = "5d0c1f7e-0b6a-4c1e-9b8e-3a2f0c7d1e03";

    private static EmbeddedPostgres externalPostgres;
    private static OidcProvider provider;
    private static Path dataDir;

    @LocalServerPort
    int port;
    @Autowired
    LedgerAccess ledger;

    private ApiClient api;
    private String classId;
    private String jobId;

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("issuer-production-");
        externalPostgres = EmbeddedPostgres.builder().start();
        try (Connection c = externalPostgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + DB_USER + " login password '" + DB_PASSWORD + "'");
            s.execute("create database " + DB_NAME + " owner " + DB_USER);
        }
        provider = OidcProvider.start();

        registry.add("issuer.data-dir", dataDir::toString);
        registry.add("issuer.database.embedded", () -> "false");
        registry.add("spring.datasource.url", ProductionConfigurationTest::externalJdbcUrl);
        registry.add("spring.datasource.username", () -> DB_USER);
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
        registry.add("issuer.auth.embedded-server", () -> "false");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", provider::issuer);
        registry.add("issuer.auth.role-claim", () -> "realm_access.roles");
        registry.add("issuer.auth.audience", () -> AUDIENCE);
        registry.add("issuer.demo.seed", () -> "false");
        registry.add("issuer.anchoring.max-age", () -> "200ms");
        registry.add("issuer.anchoring.poll-interval", () -> "100ms");
    }

    private static String externalJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + externalPostgres.getPort() + "/" + DB_NAME;
    }

    /**
     * Stops what this test started once the service is gone ({@code @DirtiesContext} closes it in
     * Spring's own afterAll, which runs before this one because this extension is declared first):
     * the provider, the external PostgreSQL, the data folder.
     */
    static final class StopExternalServices implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext extension) throws IOException {
            LOG.info("Service stopped; stopping the test's OIDC provider and external PostgreSQL");
            try {
                if (provider != null) {
                    provider.stop();
                }
            } finally {
                try {
                    if (externalPostgres != null) {
                        externalPostgres.close();
                    }
                } finally {
                    deleteTree(dataDir);
                }
            }
        }
    }

    @Test
    @Order(1)
    void no_authorization_server_is_served_and_no_demo_account_or_school_is_seeded() throws SQLException {
        ApiClient.Response token = api().send(HttpRequest.newBuilder(URI.create(api().base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("so.admin:anything".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(token.status()).as(token.text()).isIn(401, 404);
        assertThat(token.text()).doesNotContain("access_token");
        for (String path : List.of("/.well-known/openid-configuration", "/oauth2/jwks", "/oauth2/authorize", "/login")) {
            ApiClient.Response r = api().send(HttpRequest.newBuilder(URI.create(api().base() + path)).GET());
            assertThat(r.status()).as(path + ": " + r.text()).isIn(401, 404);
            assertThat(r.text()).doesNotContain("jwks_uri").doesNotContain("\"keys\"").doesNotContain("<form");
        }
        assertThat(externalCount("select count(*) from accounts")).isZero();
        assertThat(externalCount("select count(*) from schools")).isZero();
    }

    @Test
    @Order(2)
    void a_department_admin_of_the_provider_accredits_a_school_and_its_key_goes_on_the_ledger() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", SCHOOL.code());
        body.put("name", SCHOOL.name());
        body.put("did", SCHOOL.did());
        body.put("address", SCHOOL.address());
        body.put("ward", SCHOOL.ward());
        body.put("province", SCHOOL.province());

        ApiClient.Response created = post(ADMIN_SUB, "/api/v1/schools", body);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().path("publicKeyMultibase").asText();
        assertThat(key).startsWith("z");
        IssuerRecord onLedger = ledger.department().findIssuer(SCHOOL.code()).orElseThrow();
        assertThat(onLedger.publicKeysMultibase()).contains(key);
    }

    @Test
    @Order(3)
    void the_schools_registrar_imports_a_class_and_its_principal_issues_it_to_the_ledger() throws InterruptedException {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(SCHOOL, new SchoolYear(2025), "12P1", STUDENTS, 733L);
        Map<String, Map.Entry<String, String>> parts = new LinkedHashMap<>();
        parts.put("lop", Map.entry("lop.csv", files.classCsv()));
        parts.put("hocSinh", Map.entry("hoc-sinh.csv", files.studentsCsv()));
        parts.put("diem", Map.entry("diem.csv", files.scoresCsv()));
        ApiClient.Response imported = upload(REGISTRAR_SUB, schoolPath("/classes"), parts);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        classId = imported.json().path("id").asText();

        ApiClient.Response job = post(PRINCIPAL_SUB, schoolPath("/jobs"),
                Map.of("type", "REPORT_CARD", "classId", classId, "cryptosuite", "eddsa-jcs-2022"));
        assertThat(job.status()).as(job.text()).isEqualTo(202);
        jobId = job.json().path("id").asText();

        JsonNode done = waitForJob(jobId);
        assertThat(done.path("done").asInt()).isEqualTo(STUDENTS);
        assertThat(done.path("failed").asInt()).isZero();
        assertThat(done.path("anchored").asInt()).isEqualTo(STUDENTS);
    }

    @Test
    @Order(4)
    void a_token_signed_by_another_key_is_401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(provider.key().getKeyID()).generate();
        String forged = provider.token(stranger, ADMIN_SUB, List.of("DEPARTMENT_ADMIN"), null, AUDIENCE);
        ApiClient.Response r = getWith(forged, "/api/v1/schools");
        assertThat(r.status()).as(r.text()).isEqualTo(401);
        assertThat(r.json().path("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(r.json().path("detail").asText()).contains(provider.issuer());
    }

    @Test
    @Order(5)
    void a_token_for_another_audience_is_401() throws Exception {
        String elsewhere = provider.token(provider.key(), ADMIN_SUB, List.of("DEPARTMENT_ADMIN"), null, "some-other-service");
        assertThat(getWith(elsewhere, "/api/v1/schools").status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void a_token_without_one_of_our_roles_where_the_setting_says_is_403() throws Exception {
        String noRole = provider.token(provider.key(), ADMIN_SUB, List.of("offline_access", "uma_authorization"), null, AUDIENCE);
        assertThat(getWith(noRole, "/api/v1/schools").status()).isEqualTo(403);

        // The default claim name means nothing once role-claim points elsewhere.
        JWTClaimsSet topLevelRole = provider.claims(ADMIN_SUB, AUDIENCE).claim("role", "DEPARTMENT_ADMIN").build();
        ApiClient.Response r = getWith(provider.sign(provider.key(), topLevelRole), "/api/v1/schools");
        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.json().path("detail").asText()).contains("realm_access.roles");
    }

    @Test
    @Order(7)
    void a_token_of_another_school_finds_nothing_of_this_school() throws Exception {
        String other = provider.token(provider.key(), "5d0c1f7e-0b6a-4c1e-9b8e-3a2f0c7d1e09", List.of("SCHOOL_SIGNER"),
                OTHER_SCHOOL, AUDIENCE);
        assertThat(getWith(other, schoolPath("/classes")).status()).isEqualTo(404);
        assertThat(getWith(other, schoolPath("/jobs/" + jobId)).status()).isEqualTo(404);
        assertThat(getWith(other, "/api/v1/schools/" + SCHOOL.code()).status()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void every_row_is_in_the_external_database_with_the_providers_subjects_as_actors() throws SQLException {
        assertThat(externalCount("select count(*) from flyway_schema_history where not success")).isZero();
        assertThat(externalCount("select count(*) from flyway_schema_history where success")).isPositive();
        assertThat(externalCount("select count(*) from schools where code = '" + SCHOOL.code() + "'")).isOne();
        assertThat(externalCount("select count(*) from credentials where job_id = '" + UUID.fromString(jobId) + "'"))
                .isEqualTo(STUDENTS);
        assertThat(externalCount("select count(*) from credentials c join anchor_chunks k on k.seq = c.anchor_chunk join anchor_batches b on b.id = k.batch_id where b.status = 'ANCHORED' and "
                + "c.job_id = '" + UUID.fromString(jobId) + "'")).isEqualTo(STUDENTS);
        assertThat(externalCount("select count(*) from accounts")).isZero();
        assertThat(externalActors("SCHOOL_ACCREDITED")).containsExactly(ADMIN_SUB);
        assertThat(externalActors("CLASS_IMPORTED")).containsExactly(REGISTRAR_SUB);
        assertThat(externalActors("JOB_CREATED")).containsExactly(PRINCIPAL_SUB);
    }

    // ---- helpers ----

    /** Used to send requests only: it would ask /oauth2/token for tokens, which this service no longer serves. */
    private ApiClient api() {
        if (api == null) {
            api = new ApiClient("http://127.0.0.1:" + port, "no-local-passwords");
        }
        return api;
    }

    /** The people of this test, as the provider knows them: their roles beside the provider's own, and their school. */
    private static String tokenOf(String subject) throws JOSEException {
        return switch (subject) {
            case ADMIN_SUB -> provider.token(provider.key(), subject, List.of("offline_access", "DEPARTMENT_ADMIN"), null, AUDIENCE);
            case REGISTRAR_SUB -> provider.token(provider.key(), subject, List.of("default-roles-so-gddt", "SCHOOL_ISSUER"),
                    SCHOOL.code(), AUDIENCE);
            case PRINCIPAL_SUB -> provider.token(provider.key(), subject, List.of("SCHOOL_SIGNER"), SCHOOL.code(), AUDIENCE);
            default -> throw new IllegalArgumentException(subject);
        };
    }

    private HttpRequest.Builder as(String subject, String path) {
        try {
            return HttpRequest.newBuilder(URI.create(api().base() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokenOf(subject));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient.Response post(String subject, String path, Object body) {
        try {
            return api().send(as(subject, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A multipart/form-data upload of CSV parts: part name → (file name, text). */
    private ApiClient.Response upload(String subject, String path, Map<String, Map.Entry<String, String>> parts) {
        String boundary = "----production-test-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        parts.forEach((name, file) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(file.getKey())
                .append("\"\r\nContent-Type: text/csv\r\n\r\n").append(file.getValue()).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return api().send(as(subject, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private static String schoolPath(String rest) {
        return "/api/v1/schools/" + SCHOOL.code() + rest;
    }

    private ApiClient.Response getWith(String bearer, String path) {
        return api().send(HttpRequest.newBuilder(URI.create(api().base() + path)).header("Authorization", "Bearer " + bearer).GET());
    }

    private JsonNode waitForJob(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api().send(as(PRINCIPAL_SUB, schoolPath("/jobs/" + id)).GET()).json();
            if (last.path("status").asText().equals("DONE") && last.path("anchored").asLong() == last.path("done").asLong()) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job not done and anchored in time: " + last);
    }

    /** Straight to the external server over JDBC, not through the service's pool. */
    private static Connection external() throws SQLException {
        return DriverManager.getConnection(externalJdbcUrl(), DB_USER, DB_PASSWORD);
    }

    private static long externalCount(String sql) throws SQLException {
        try (Connection c = external(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> externalActors(String action) throws SQLException {
        try (Connection c = external();
             PreparedStatement s = c.prepareStatement("select distinct actor from audit_log where action = ? order by actor")) {
            s.setString(1, action);
            try (ResultSet rs = s.executeQuery()) {
                List<String> actors = new java.util.ArrayList<>();
                while (rs.next()) {
                    actors.add(rs.getString(1));
                }
                return actors;
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The "external" OpenID Connect provider: discovery at {@code <issuer>/.well-known/openid-configuration}
     * and its JWK set, on a loopback port, issuer shaped like a Keycloak realm. It signs tokens with an
     * RSA key only this test holds.
     */
    static final class OidcProvider {
        private static final String REALM_PATH = "/realms/so-gddt";
        private final HttpServer server;
        private final RSAKey key;
        private final String issuer;

        private OidcProvider(HttpServer server, RSAKey key) {
            this.server = server;
            this.key = key;
            this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        }

        static OidcProvider start() throws IOException, JOSEException {
            RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OidcProvider provider = new OidcProvider(server, key);
            server.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> provider.reply(exchange, """
                    {"issuer": "%1$s", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                     "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                     "token_endpoint": "%1$s/protocol/openid-connect/token",
                     "response_types_supported": ["code"], "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(provider.issuer)));
            server.createContext(REALM_PATH + "/protocol/openid-connect/certs",
                    exchange -> provider.reply(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return provider;
        }

        private void reply(HttpExchange exchange, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        String issuer() {
            return issuer;
        }

        RSAKey key() {
            return key;
        }

        JWTClaimsSet.Builder claims(String subject, String audience) {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        }

        /** A Keycloak-shaped access token: roles in {@code realm_access.roles}, the school in {@code school_code}. */
        String token(RSAKey signer, String subject, List<String> roles, String school, String audience) throws JOSEException {
            JWTClaimsSet.Builder claims = claims(subject, audience).claim("realm_access", Map.of("roles", roles));
            if (school != null) {
                claims.claim("school_code", school);
            }
            return sign(signer, claims.build());
        }

        String sign(RSAKey signer, JWTClaimsSet claims) throws JOSEException {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        }

        void stop() {
            server.stop(0);
        }
    }
}
