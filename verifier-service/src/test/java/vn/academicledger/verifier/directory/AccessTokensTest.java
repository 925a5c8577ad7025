package vn.academicledger.verifier.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {
    private static byte[] secret() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return s;
    }

    private final AccessTokens tokens = new AccessTokens(secret());
    private final UUID id = UUID.randomUUID();

    @Test
    void accepts_the_token_issued_for_the_credential() {
        String token = tokens.tokenFor(id);

        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(tokens.accepts(id, token)).isTrue();
        assertThat(tokens.accepts(UUID.fromString(id.toString().toUpperCase()), token)).isTrue();
    }

    @Test
    void refuses_the_token_of_another_credential() {
        assertThat(tokens.accepts(id, tokens.tokenFor(UUID.randomUUID()))).isFalse();
    }

    @Test
    void refuses_a_token_made_with_another_secret() {
        assertThat(tokens.accepts(id, new AccessTokens(secret()).tokenFor(id))).isFalse();
    }

    @Test
    void refuses_forged_truncated_and_malformed_tokens_without_throwing() {
        String token = tokens.tokenFor(id);
        char last = token.charAt(21);
        assertThat(tokens.accepts(id, token.substring(0, 21) + (last == 'A' ? 'B' : 'A'))).isFalse();
        assertThat(tokens.accepts(id, token.substring(0, 20))).isFalse();
        assertThat(tokens.accepts(id, token + "AA")).isFalse();
        assertThat(tokens.accepts(id, "!!!!!!!!!!!!!!!!!!!!!!")).isFalse();
        assertThat(tokens.accepts(id, null)).isFalse();
        assertThat(tokens.accepts(null, token)).isFalse();
    }

    @Test
    void refuses_a_short_secret() {
        assertThatThrownBy(() -> new AccessTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generates_the_secret_on_first_start_owner_only_and_reads_the_same_one_later(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("verifier/qr-token.secret");

        byte[] first = TokenSecret.loadOrCreate(file);
        byte[] again = TokenSecret.loadOrCreate(file);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
