package vn.academicledger.verifier.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.access.AccessTokens;

class IssuerCredentialDirectoryTest {
    private final AccessTokens tokens = new AccessTokens(new byte[32]);
    private final UUID known = UUID.randomUUID();
    private HttpServer issuer;
    private int requests;

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws Exception {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/qr/credentials/", exchange -> {
            requests++;
            String id = exchange.getRequestURI().getPath().substring("/qr/credentials/".length());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            UUID uuid = UUID.fromString(id);
            int status = auth == null || !auth.startsWith("QR ") || !tokens.accepts(uuid, auth.substring(3)) ? 401
                    : uuid.equals(known) ? 200 : 404;
            byte[] body = status == 200 ? ("{\"id\":\"urn:uuid:" + known + "\",\"type\":[\"VerifiableCredential\"]}").getBytes(StandardCharsets.UTF_8)
                    : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    private IssuerCredentialDirectory directory() {
        return new IssuerCredentialDirectory(new FolderCredentialDirectory(folder, tokens),
                URI.create("http://127.0.0.1:" + issuer.getAddress().getPort()), tokens);
    }

    @Test
    void a_credential_not_in_the_folder_is_fetched_from_the_issuer_with_its_qr_token() {
        assertThat(directory().find(known)).hasValueSatisfying(c -> assertThat(c.get("id").asText()).isEqualTo("urn:uuid:" + known));
    }

    @Test
    void an_unknown_credential_is_not_found_and_the_folder_is_asked_first() throws Exception {
        assertThat(directory().find(UUID.randomUUID())).isEmpty();
        UUID local = UUID.randomUUID();
        Files.writeString(folder.resolve(local + ".json"), "{\"id\":\"urn:uuid:" + local + "\"}");
        int before = requests;
        assertThat(directory().find(local)).isPresent();
        assertThat(requests).isEqualTo(before);
    }

    @Test
    void an_unreachable_issuer_means_not_found() {
        issuer.stop(0);
        assertThat(directory().find(known)).isEmpty();
    }
}
