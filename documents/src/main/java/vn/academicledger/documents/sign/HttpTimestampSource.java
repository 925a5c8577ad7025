package vn.academicledger.documents.sign;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tsp.TimeStampRequest;

/** An RFC 3161 time-stamping authority over HTTP ({@code application/timestamp-query}). Thread-safe. */
public final class HttpTimestampSource implements TimestampSource {
    private final URI url;
    private final Duration timeout;
    private final List<X509Certificate> chain;
    private final HttpClient client;

    /**
     * @param url     the authority's endpoint
     * @param timeout for one request
     * @param chain   the authority's certificate chain, for B-LT validation data (may be empty)
     */
    public HttpTimestampSource(URI url, Duration timeout, List<X509Certificate> chain) {
        this.url = url;
        this.timeout = timeout;
        this.chain = List.copyOf(chain);
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public byte[] timestamp(byte[] digest) {
        TimeStampRequest request = Tsp.request(digest);
        HttpResponse<byte[]> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SigningException("TIMESTAMP_FAILED", "The time-stamping authority " + url
                    + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("TIMESTAMP_FAILED", "Interrupted while waiting for " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new SigningException("TIMESTAMP_FAILED", "The time-stamping authority " + url + " answered HTTP "
                    + response.statusCode());
        }
        return Tsp.token(request, response.body(), url.toString());
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }
}
