package vn.academicledger.verifier.statuslist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny issuer stand-in on a random loopback port: serves what a test publishes, counts requests per path. */
final class ListServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to answer at a path. {@code chunked}: no Content-Length. */
    record Answer(int status, byte[] body, Map<String, String> headers, Duration delay, boolean chunked) {
        static Answer json(JsonNode body) {
            try {
                return new Answer(200, JSON.writeValueAsBytes(body), Map.of("Content-Type", "application/vc+ld+json"),
                        Duration.ZERO, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Answer text(int status, String body) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO, false);
        }

        Answer after(Duration wait) {
            return new Answer(status, body, headers, wait, chunked);
        }

        Answer withoutLength() {
            return new Answer(status, body, headers, delay, true);
        }

        Answer header(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, body, all, delay, chunked);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    ListServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>} */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    void publish(String path, JsonNode json) {
        answer(path, Answer.json(json));
    }

    void withdraw(String path) {
        answers.remove(path);
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.getOrDefault(path, Answer.text(404, "no such list"));
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (exchange) {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException e) {
            // the client went away (timeout, size limit): nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
