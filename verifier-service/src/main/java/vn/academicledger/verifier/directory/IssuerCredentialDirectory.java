package vn.academicledger.verifier.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.academicledger.core.access.AccessTokens;

/**
 * Credentials behind QR codes: first the local folder (the command line's demo output), then the
 * issuer service, asked with the credential's own QR access token ({@code Authorization: QR <token>},
 * which only holders of the shared QR secret can make). Short timeouts; an unreachable issuer means
 * "not found here", never a hang.
 */
public final class IssuerCredentialDirectory implements CredentialDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(IssuerCredentialDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final FolderCredentialDirectory folder;
    private final URI issuer;
    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public IssuerCredentialDirectory(FolderCredentialDirectory folder, URI issuer, AccessTokens tokens) {
        this.folder = folder;
        this.issuer = issuer;
        this.tokens = tokens;
    }

    /** The local folder, asked first. */
    public FolderCredentialDirectory folder() {
        return folder;
    }

    @Override
    public Optional<ObjectNode> find(UUID credentialId) {
        Optional<ObjectNode> local = folder.find(credentialId);
        if (local.isPresent()) {
            return local;
        }
        HttpRequest request = HttpRequest.newBuilder(issuer.resolve("/qr/credentials/" + credentialId))
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json")
                .header("Authorization", "QR " + tokens.tokenFor(credentialId))
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                if (response.statusCode() != 404) {
                    LOG.warn("The issuer service answered {} for credential {}", response.statusCode(), credentialId);
                }
                return Optional.empty();
            }
            if (response.body().length > MAX_BYTES) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(response.body());
            if (node instanceof ObjectNode credential && ("urn:uuid:" + credentialId).equalsIgnoreCase(node.path("id").asText())) {
                return Optional.of(credential);
            }
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("The issuer service at {} is not reachable: {}", issuer, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean acceptsToken(UUID credentialId, String token) {
        return folder.acceptsToken(credentialId, token);
    }
}
