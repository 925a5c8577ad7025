package vn.academicledger.issuer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP client for tests: gets bearer tokens from the embedded authorization server
 * (client credentials, account name and password) and calls the API. Responses keep status and body.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public ApiClient(String base, String password) {
        this.base = base;
        this.password = password;
    }

    int port() {
        return URI.create(base).getPort();
    }

    public String base() {
        return base;
    }

    /** A response: status, headers and body (JSON when it parses). */
    public record Response(int status, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A bearer token for a demo account (cached). */
    public String token(String account) {
        return tokens.computeIfAbsent(account, a -> {
            String basic = Base64.getEncoder().encodeToString((a + ":" + password).getBytes(StandardCharsets.UTF_8));
            Response r = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            if (r.status() != 200) {
                throw new IllegalStateException("token for " + a + ": " + r.status() + " " + r.text());
            }
            return r.json().get("access_token").asText();
        });
    }

    public Response get(String account, String path) {
        return send(authorized(account, path).GET());
    }

    public Response post(String account, String path, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(authorized(account, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data POST: part name → (file name, bytes). */
    public Response postMultipart(String account, String path, Map<String, Map.Entry<String, byte[]>> parts) {
        String boundary = "----al" + UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, Map.Entry<String, byte[]>> p : parts.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\""
                        + p.getValue().getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(p.getValue().getValue());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(authorized(account, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** {@code account} null sends no Authorization header. */
    public HttpRequest.Builder authorized(String account, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (account != null) {
            b.header("Authorization", "Bearer " + token(account));
        }
        return b;
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
