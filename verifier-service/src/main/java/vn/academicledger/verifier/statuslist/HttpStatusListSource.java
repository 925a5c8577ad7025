package vn.academicledger.verifier.statuslist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.academicledger.core.status.StatusListSource;

/**
 * Fetches status list credentials over HTTP(S) for the verifier, with the limits a public service
 * needs: only hosts on the allow-list (a credential must never make the verifier fetch an arbitrary
 * URL), no redirects, a connect timeout and a timeout on the whole exchange, a size limit, and a
 * cache (successes for {@code cache-ttl}, failures for {@code failure-cache-ttl}; concurrent
 * requests for one URL share one fetch). It does not check what it fetched: core's
 * {@code CredentialVerifier} verifies the list's proof, issuer and validity. Thread-safe.
 */
public final class HttpStatusListSource implements StatusListSource {
    static final int CACHE_LIMIT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final StatusListProperties settings;
    private final Set<String> allowedHosts;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Fetched>> inFlight = new ConcurrentHashMap<>();

    private record Cached(Fetched result, Instant until) {
    }

    public HttpStatusListSource(StatusListProperties settings, Clock clock) {
        this.settings = settings;
        this.allowedHosts = Set.copyOf(settings.allowedHosts());
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Fetched fetch(String url) {
        URI uri;
        try {
            uri = allowed(url);
        } catch (Refused refused) {
            return StatusListSource.unavailable(refused.getMessage());
        }
        Cached cached = cache.get(url);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.result();
        }
        CompletableFuture<Fetched> mine = new CompletableFuture<>();
        CompletableFuture<Fetched> running = inFlight.putIfAbsent(url, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Fetched result = load(uri);
            remember(url, result);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            Fetched failed = StatusListSource.unavailable("fetching failed unexpectedly: " + e);
            mine.complete(failed);
            return failed;
        } finally {
            // Whatever happened, nobody waiting on this fetch is left hanging.
            mine.complete(StatusListSource.unavailable("fetching failed unexpectedly"));
            inFlight.remove(url, mine);
        }
    }

    /** Forgets every cached list (e.g. after an issuer reports a revocation out of band). */
    public void clearCache() {
        cache.clear();
    }

    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private URI allowed(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("the status list address \"" + url + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("the status list address " + url + " is not an http(s) URL; the verifier fetches nothing else");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("the status list address " + url + " carries user information; the verifier refuses such URLs");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new Refused("the status list address " + url + " names no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new Refused("the verifier does not fetch status lists from " + host + ": it is not in"
                    + " verifier.status-lists.allowed-hosts " + settings.allowedHosts()
                    + " (the verifier fetches only from configured issuer hosts, never an address a credential chooses)");
        }
        return uri;
    }

    private void remember(String url, Fetched result) {
        Duration ttl = result instanceof Found ? settings.cacheTtl() : settings.failureCacheTtl();
        if (ttl.isZero()) {
            cache.remove(url);
            return;
        }
        Instant now = clock.instant();
        if (cache.size() >= CACHE_LIMIT) {
            cache.values().removeIf(c -> !now.isBefore(c.until()));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
        }
        cache.put(url, new Cached(result, now.plus(ttl)));
    }

    private Fetched load(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/vc+ld+json, application/vc, application/ld+json;q=0.9, application/json;q=0.8")
                .GET()
                .build();
        long max = settings.maxSize().toBytes();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info ->
                info.statusCode() == 200 ? new LimitedBody(max, info.headers().firstValueAsLong("content-length").orElse(-1))
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return StatusListSource.unavailable("no complete answer within " + seconds(settings.requestTimeout()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return StatusListSource.unavailable("interrupted");
        } catch (ExecutionException e) {
            return StatusListSource.unavailable(describe(e.getCause()));
        }
        int status = response.statusCode();
        if (status != 200) {
            String location = response.headers().firstValue("location").orElse(null);
            return StatusListSource.unavailable(status / 100 == 3
                    ? "HTTP " + status + " redirect" + (location == null ? "" : " to " + location) + ", which is not followed"
                    : "HTTP " + status);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            return StatusListSource.unavailable("the answer is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return StatusListSource.unavailable("the answer cannot be read: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            return StatusListSource.unavailable("the answer is not a JSON object");
        }
        return StatusListSource.found(json);
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge || t instanceof HttpTimeoutException || t instanceof ConnectException) {
                cause = t;
                break;
            }
        }
        if (cause instanceof TooLarge) {
            return "the answer is larger than " + settings.maxSize().toKilobytes() + " KB (verifier.status-lists.max-size)";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + seconds(settings.connectTimeout());
        }
        if (cause instanceof HttpTimeoutException) {
            return "no complete answer within " + seconds(settings.requestTimeout());
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException io) {
            return io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        }
        return String.valueOf(cause);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("status list answer too large", null);
        }
    }

    /** Collects a body of at most {@code max} bytes; anything longer cancels the exchange. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final long declared;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long max, long declaredLength) {
            this.max = max;
            this.declared = declaredLength;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > max) {
                tooLarge();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (out.size() + (long) buffer.remaining() > max) {
                    tooLarge();
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeBytes(bytes);
            }
        }

        private void tooLarge() {
            subscription.cancel();
            body.completeExceptionally(new TooLarge());
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return body;
        }
    }
}
