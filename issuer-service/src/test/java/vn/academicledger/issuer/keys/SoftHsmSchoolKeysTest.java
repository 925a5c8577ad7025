package vn.academicledger.issuer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.proof.VerificationReport;

/**
 * Ed25519 keys on a SoftHSM2 token in a temporary folder, used through {@link SchoolKeys} in a
 * child JVM ({@link SoftHsmProcess}); every credential it signs is verified here with core's
 * verifier. Skipped only where SoftHSM2's library is not installed (Debian: {@code apt-get install softhsm2}).
 */
class SoftHsmSchoolKeysTest {
    private static final List<Path> SOFTHSM_LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));

    private static final Path LIBRARY = SOFTHSM_LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);

    @TempDir
    static Path work;

    private static Properties seen;

    /** Runs before every test, the nested ones too, so each is reported as skipped with the reason. */
    @BeforeEach
    void softHsmIsInstalled() {
        Assumptions.assumeTrue(LIBRARY != null,
                "SoftHSM2 is not installed (no libsofthsm2.so in " + SOFTHSM_LIBRARIES + "): skipping the PKCS#11 tests; "
                        + "apt-get install softhsm2 to run them");
    }

    @BeforeAll
    static void runTheChildProcess() throws Exception {
        if (LIBRARY == null) {
            return;
        }
        Path library = LIBRARY;
        Path tokens = Files.createDirectories(work.resolve("tokens"));
        Path config = work.resolve("softhsm2.conf");
        Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                + "slots.removable = false\n");
        Path logback = work.resolve("logback-test.xml");
        Files.writeString(logback, "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"out\"/></root></configuration>");

        Properties setup = child(config, logback, "setup", library.toString());
        assertThat(setup.getProperty("setup")).as("token set up").isEqualTo("ok");
        seen = child(config, logback, "scenarios", library.toString(), work.resolve("keys").toString());
    }

    private static Properties child(Path config, Path logback, String command, String... args) throws Exception {
        Path results = work.resolve(command + ".properties");
        Path log = work.resolve(command + ".log");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> commandLine = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback, SoftHsmProcess.class.getName(), command, args[0], results.toString()));
        for (int i = 1; i < args.length; i++) {
            commandLine.add(args[i]);
        }
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SOFTHSM2_CONF", config.toString());
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("The SoftHSM2 child process (" + command + ") did not finish in 3 minutes; its output:\n" + tail(log));
        }
        if (process.exitValue() != 0 || !Files.exists(results)) {
            fail("The SoftHSM2 child process (" + command + ") exited with " + process.exitValue() + "; its output:\n" + tail(log));
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(results)) {
            properties.load(in);
        }
        return properties;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String seen(String name) {
        return seen.getProperty(name);
    }

    private static VerificationReport verify(String signedJson) throws IOException {
        return SignedCredentials.verify((ObjectNode) new ObjectMapper().readTree(signedJson));
    }

    @Nested
    class aKeyOnTheToken {
        @Test
        void opens_by_label_and_by_id() {
            assertThat(seen("shared")).isEqualTo("opened");
            assertThat(seen("publicA")).startsWith("z6Mk");
            assertThat(seen("publicB")).startsWith("z6Mk").isNotEqualTo(seen("publicA"));
        }

        @Test
        void signs_credentials_that_cores_verifier_accepts() throws IOException {
            for (String signed : List.of("signedRdfcA", "signedJcsA")) {
                VerificationReport report = verify(seen(signed));
                assertThat(report.verified()).as(signed).isTrue();
                assertThat(report.proofs().get(0).publicKeyMultibase()).isEqualTo(seen("publicA"));
            }
            VerificationReport b = verify(seen("signedJcsB"));
            assertThat(b.verified()).isTrue();
            assertThat(b.proofs().get(0).publicKeyMultibase()).isEqualTo(seen("publicB"));
        }

        @Test
        void signs_deterministically_and_from_many_threads() {
            assertThat(seen("deterministic")).isEqualTo("true");
            assertThat(seen("threadsVerified")).isEqualTo("true");
            System.out.printf("PKCS11 (SoftHSM2 %s) Ed25519 signatures/s: 1 thread %s, 2 threads %s%n",
                    "through ipkcs11wrapper", seen("rate1"), seen("rate2"));
            assertThat(Long.parseLong(seen("rate1"))).isPositive();
        }

        @Test
        void lives_beside_pkcs12_schools() {
            assertThat(seen("publicP12")).startsWith("z6Mk").isNotIn(seen("publicA"), seen("publicB"));
        }

        @Test
        void opens_again_after_the_library_was_finalised_and_matches_its_expected_public_key() {
            assertThat(seen("reopened")).isEqualTo("opened");
            assertThat(seen("reopenedA")).isEqualTo(seen("publicA"));
        }

        @Test
        void lists_the_retired_keys_before_the_current_one() {
            assertThat(seen("historyA")).isEqualTo(SoftHsmProcess.RETIRED_A.multibase() + "," + seen("publicA"));
        }

        @Test
        void is_rotated_on_the_hsm_not_by_the_service() {
            assertThat(seen("rotateA")).isEqualTo("ROTATION_ON_HSM " + SoftHsmProcess.SCHOOL_A);
        }

        @Test
        void refuses_to_sign_once_closed() {
            assertThat(seen("signAfterClose")).isEqualTo("HSM_UNAVAILABLE");
        }

        @Test
        void never_shows_its_pin() {
            assertThat(seen.toString()).doesNotContain(SoftHsmProcess.USER_PIN);
            assertThat(seen("toString")).contains("PKCS11").contains(SoftHsmProcess.LABEL_A);
        }
    }

    @Nested
    class openingFails {
        @Test
        void with_a_wrong_pin() {
            assertThat(seen("wrongPin")).isEqualTo("HSM_LOGIN_FAILED");
        }

        @Test
        void when_no_key_has_the_label() {
            assertThat(seen("missingKey")).isEqualTo("HSM_KEY_NOT_FOUND");
            assertThat(seen("missingKey.message")).contains("79000404-credentials");
        }

        @Test
        void when_label_and_id_name_different_keys() {
            assertThat(seen("labelAndIdDisagree")).isEqualTo("HSM_KEY_NOT_FOUND");
        }

        @Test
        void when_the_token_holds_another_key_than_expected() {
            assertThat(seen("unexpectedKey")).isEqualTo("HSM_KEY_MISMATCH");
            assertThat(seen("unexpectedKey.message")).contains(SoftHsmProcess.RETIRED_A.multibase());
        }

        @Test
        void when_the_public_key_object_does_not_belong_to_the_private_key() {
            assertThat(seen("mismatchedPair")).as(seen("mismatchedPair.message")).isEqualTo("HSM_KEY_MISMATCH");
        }

        @Test
        void when_the_token_is_not_there() {
            assertThat(seen("missingToken")).isEqualTo("HSM_UNAVAILABLE");
            assertThat(seen("missingToken.message")).contains("no-such-token");
        }
    }
}
