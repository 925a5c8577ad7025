package vn.academicledger.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.error.InvalidInputException;

class AccessTokensTest {
    static final byte[] SECRET = new byte[32];
    static {
        for (int i = 0; i < SECRET.length; i++) {
            SECRET[i] = (byte) i;
        }
    }
    static final UUID ONE = UUID.fromString("024843e5-e882-435f-b0cd-cf774d07ac6c");
    static final UUID OTHER = UUID.fromString("6b1c2f0e-0d4f-4f3a-9a47-3d2f1f6e8a01");
    final AccessTokens tokens = new AccessTokens(SECRET);

    @Nested
    class AToken {
        @Test
        void opens_the_credential_it_was_made_for() {
            String token = tokens.tokenFor(ONE);
            assertThat(token).hasSize(AccessTokens.TOKEN_LENGTH).matches("[A-Za-z0-9_-]+");
            assertThat(tokens.accepts(ONE, token)).isTrue();
        }

        @Test
        void fails_for_any_other_credential() {
            assertThat(tokens.accepts(OTHER, tokens.tokenFor(ONE))).isFalse();
            assertThat(tokens.tokenFor(OTHER)).isNotEqualTo(tokens.tokenFor(ONE));
        }

        @Test
        void fails_when_any_one_character_is_changed() {
            String token = tokens.tokenFor(ONE);
            for (int i = 0; i < token.length(); i++) {
                char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
                String changed = token.substring(0, i) + replacement + token.substring(i + 1);
                assertThat(tokens.accepts(ONE, changed)).as("changed at %d: %s", i, changed).isFalse();
            }
        }

        @Test
        void fails_when_truncated_extended_padded_or_not_base64url() {
            String token = tokens.tokenFor(ONE);
            for (String bad : List.of(token.substring(1), token + "A", token + "==", token.replace(token.charAt(0), '+'),
                    token.substring(0, 21) + "/", "", " " + token.substring(1))) {
                assertThat(tokens.accepts(ONE, bad)).as(bad).isFalse();
            }
            assertThat(tokens.accepts(ONE, null)).isFalse();
            assertThat(tokens.accepts(null, token)).isFalse();
        }

        @Test
        void made_with_another_secret_fails() {
            byte[] other = SECRET.clone();
            other[0] ^= 1;
            assertThat(tokens.accepts(ONE, new AccessTokens(other).tokenFor(ONE))).isFalse();
        }

        @Test
        void is_the_truncated_hmac_of_the_domain_and_the_lower_case_uuid_as_the_verifier_service_makes_it() throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            byte[] full = mac.doFinal(("academic-ledger/qr-access/v1\0" + ONE).getBytes(StandardCharsets.US_ASCII));
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
            // The literal is what verifier-service's directory.AccessTokens gives for this secret and id.
            assertThat(tokens.tokenFor(ONE)).isEqualTo(expected).isEqualTo("nTrZx6kPeWmcQ6j2G1VuAw");
            assertThat(tokens.tokenFor(UUID.fromString(ONE.toString().toUpperCase()))).isEqualTo(expected);
        }
    }

    @Test
    void compares_in_time_that_does_not_depend_on_where_the_bytes_differ() {
        // Long arrays make an early-exit comparison thousands of times faster for a difference in the first
        // byte than in the last; a constant-time one takes as long for both. Minimum of many rounds, so
        // other work on the machine cannot make the first-byte case look slow.
        byte[] expected = new byte[1 << 20];
        byte[] differsFirst = expected.clone();
        differsFirst[0] = 1;
        byte[] differsLast = expected.clone();
        differsLast[differsLast.length - 1] = 1;
        long first = Long.MAX_VALUE;
        long last = Long.MAX_VALUE;
        for (int round = 0; round < 60; round++) {
            long t0 = System.nanoTime();
            boolean a = AccessTokens.sameBytes(expected, differsFirst);
            long t1 = System.nanoTime();
            boolean b = AccessTokens.sameBytes(expected, differsLast);
            long t2 = System.nanoTime();
            assertThat(a || b).isFalse();
            first = Math.min(first, t1 - t0);
            last = Math.min(last, t2 - t1);
        }
        assertThat((double) first / last).as("first-byte difference %d ns, last-byte difference %d ns", first, last)
                .isGreaterThan(0.25);
    }

    @Test
    void a_secret_shorter_than_256_bits_is_refused() {
        assertThatThrownBy(() -> new AccessTokens(new byte[31])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes");
    }

    @Nested
    class TheSecretFile {
        @Test
        void is_created_once_owner_only_under_the_data_folder_and_reused(@TempDir Path data) throws Exception {
            String token = AccessTokens.forDataFolder(data).tokenFor(ONE);
            Path file = data.resolve("verifier/qr-token.secret");
            assertThat(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Base64.getUrlDecoder().decode(Files.readString(file).strip())).hasSize(32);
            assertThat(AccessTokens.forDataFolder(data).tokenFor(ONE)).isEqualTo(token);
            try (var files = Files.list(file.getParent())) {
                assertThat(files).containsExactly(file);
            }
        }

        @Test
        void is_read_as_the_verifier_service_writes_it(@TempDir Path data) throws Exception {
            Path file = data.resolve("secret");
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET) + "\n");
            assertThat(AccessTokens.fromSecretFile(file).tokenFor(ONE)).isEqualTo(tokens.tokenFor(ONE));
        }

        @Test
        void created_by_two_threads_at_once_is_one_secret(@TempDir Path data) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 20; i++) {
                    Path folder = data.resolve("run-" + i);
                    Callable<String> inFolder = () -> AccessTokens.forDataFolder(folder).tokenFor(ONE);
                    Future<String> a = pool.submit(inFolder);
                    Future<String> b = pool.submit(inFolder);
                    assertThat(a.get()).isEqualTo(b.get()).isEqualTo(inFolder.call());
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void that_is_malformed_is_named_with_what_to_do(@TempDir Path data) throws Exception {
            Path file = data.resolve("secret");
            Files.writeString(file, "not a secret\n");
            assertThatThrownBy(() -> AccessTokens.fromSecretFile(file)).isInstanceOf(AcademicLedgerException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("delete it")
                    .extracting(e -> ((AcademicLedgerException) e).code()).isEqualTo("TOKEN_SECRET_UNREADABLE");
        }
    }
}
