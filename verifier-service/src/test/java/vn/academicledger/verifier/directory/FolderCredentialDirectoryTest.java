package vn.academicledger.verifier.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.access.AccessTokens;

class FolderCredentialDirectoryTest {
    @TempDir
    Path folder;

    private FolderCredentialDirectory directory() {
        return new FolderCredentialDirectory(folder, new AccessTokens(new byte[32]));
    }

    @Test
    void opens_a_record_with_its_own_token_only() {
        AccessTokens tokens = new AccessTokens(new byte[32]);
        UUID id = UUID.randomUUID();
        FolderCredentialDirectory directory = new FolderCredentialDirectory(folder, tokens);

        org.assertj.core.api.Assertions.assertThat(directory.acceptsToken(id, tokens.tokenFor(id))).isTrue();
        org.assertj.core.api.Assertions.assertThat(directory.acceptsToken(id, tokens.tokenFor(UUID.randomUUID()))).isFalse();
        org.assertj.core.api.Assertions.assertThat(directory.acceptsToken(id, "not a token")).isFalse();
    }

    @Test
    void finds_a_credential_by_its_file_name() throws Exception {
        UUID id = UUID.randomUUID();
        Files.writeString(folder.resolve(id + ".json"), "{\"id\": \"urn:uuid:" + id + "\"}");

        assertThat(directory().find(id)).isPresent();
    }

    @Test
    void finds_a_credential_in_a_file_named_otherwise() throws Exception {
        UUID id = UUID.randomUUID();
        Files.writeString(folder.resolve("report-card-12A1-07.json"), "{\"id\": \"urn:uuid:" + id + "\"}");

        assertThat(directory().find(id)).isPresent();
    }

    @Test
    void ignores_a_file_whose_id_is_another_credential_and_files_that_are_not_json() throws Exception {
        UUID id = UUID.randomUUID();
        Files.writeString(folder.resolve(id + ".json"), "{\"id\": \"urn:uuid:" + UUID.randomUUID() + "\"}");
        Files.writeString(folder.resolve("broken.json"), "{not json");

        assertThat(directory().find(id)).isEmpty();
    }
}
