package vn.academicledger.verifier.statuslist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.status.Bitstring;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.core.status.StatusListSource;

class HttpStatusListSourceTest {
    private static final String PATH = "/status-lists/79000701/1";

    private final ListServer server = new ListServer();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @AfterEach
    void stop() {
        server.close();
    }

    private static StatusListProperties settings(Duration requestTimeout) {
        return new StatusListProperties(true, List.of("127.0.0.1"), Duration.ofMinutes(5), Duration.ofSeconds(30),
                DataSize.ofKilobytes(64), Duration.ofSeconds(2), requestTimeout);
    }

    private final HttpStatusListSource source = new HttpStatusListSource(settings(Duration.ofSeconds(5)), clock);

    private ObjectNode signedList() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        ObjectNode unsigned = StatusListCredential.builder(server.url(PATH), DidKey.did(key.publicKey()))
                .list(new Bitstring().set(42, true)).buildJson();
        return new DataIntegritySigner().sign(unsigned, ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022,
                DidKey.verificationMethodId(key.publicKey()), Instant.parse("2026-11-25T00:00:00Z")), key);
    }

    private static String unavailable(StatusListSource.Fetched fetched) {
        assertThat(fetched).isInstanceOf(StatusListSource.Unavailable.class);
        return ((StatusListSource.Unavailable) fetched).reason();
    }

    @Nested
    class FromAnAllowedHost {
        @Test
        void fetches_the_signed_list_the_issuer_publishes() {
            ObjectNode list = signedList();
            server.publish(PATH, list);

            StatusListSource.Fetched fetched = source.fetch(server.url(PATH));

            assertThat(fetched).isEqualTo(StatusListSource.found(list));
        }

        @Test
        void reuses_a_fetched_list_for_the_cache_ttl_then_fetches_it_again() {
            server.publish(PATH, signedList());

            source.fetch(server.url(PATH));
            clock.advance(Duration.ofMinutes(4));
            source.fetch(server.url(PATH));
            assertThat(server.requests(PATH)).isOne();

            clock.advance(Duration.ofMinutes(1));
            source.fetch(server.url(PATH));
            assertThat(server.requests(PATH)).isEqualTo(2);
        }

        @Test
        void shares_one_fetch_among_concurrent_verifications() throws Exception {
            server.answer(PATH, ListServer.Answer.json(signedList()).after(Duration.ofMillis(500)));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<StatusListSource.Fetched>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> source.fetch(server.url(PATH))));
                }
                for (Future<StatusListSource.Fetched> result : results) {
                    assertThat(result.get()).isInstanceOf(StatusListSource.Found.class);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.requests(PATH)).isOne();
        }

        @Test
        void remembers_a_failure_for_the_failure_ttl_only() {
            source.fetch(server.url(PATH));
            source.fetch(server.url(PATH));
            assertThat(server.requests(PATH)).isOne();

            server.publish(PATH, signedList());
            clock.advance(Duration.ofSeconds(30));

            assertThat(source.fetch(server.url(PATH))).isInstanceOf(StatusListSource.Found.class);
        }
    }

    @Nested
    class RefusesWithoutConnecting {
        @Test
        void a_host_that_is_not_on_the_allow_list() {
            String localhost = "http://localhost:" + server.port() + PATH;

            String reason = unavailable(source.fetch(localhost));

            assertThat(reason).isEqualTo("the verifier does not fetch status lists from localhost: it is not in"
                    + " verifier.status-lists.allowed-hosts [127.0.0.1] (the verifier fetches only from configured issuer"
                    + " hosts, never an address a credential chooses)");
            assertThat(unavailable(source.fetch("https://status.example.org" + PATH))).contains("status.example.org");
            assertThat(server.requests(PATH)).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/list", "gopher://127.0.0.1:70/", "not a url", "/relative"})
        void an_address_that_is_not_an_http_url(String address) {
            assertThat(unavailable(source.fetch(address))).containsAnyOf("not an http(s) URL", "is not a URL");
        }

        @Test
        void an_address_with_user_information() {
            String reason = unavailable(source.fetch("http://admin:secret@127.0.0.1:" + server.port() + PATH));

            assertThat(reason).contains("user information");
            assertThat(server.requests(PATH)).isZero();
        }
    }

    @Nested
    class AnswersUnavailable {
        @Test
        void for_a_redirect_which_it_does_not_follow() {
            server.publish("/elsewhere", signedList());
            server.answer(PATH, ListServer.Answer.text(302, "").header("Location", server.url("/elsewhere")));

            assertThat(unavailable(source.fetch(server.url(PATH))))
                    .isEqualTo("HTTP 302 redirect to " + server.url("/elsewhere") + ", which is not followed");
            assertThat(server.requests("/elsewhere")).isZero();
        }

        @Test
        void for_an_answer_over_the_size_limit_with_or_without_its_length() {
            String big = "{\"x\": \"" + "a".repeat(70 * 1024) + "\"}";
            server.answer(PATH, ListServer.Answer.text(200, big));
            server.answer("/chunked", ListServer.Answer.text(200, big).withoutLength());

            assertThat(unavailable(source.fetch(server.url(PATH))))
                    .isEqualTo("the answer is larger than 64 KB (verifier.status-lists.max-size)");
            assertThat(unavailable(source.fetch(server.url("/chunked")))).contains("larger than 64 KB");
        }

        @Test
        void for_http_errors_and_answers_that_are_not_a_json_object() {
            server.answer("/html", ListServer.Answer.text(200, "<html>status</html>"));
            server.answer("/array", ListServer.Answer.text(200, "[1, 2]"));
            server.answer("/gone", ListServer.Answer.text(410, "gone"));

            assertThat(unavailable(source.fetch(server.url(PATH)))).isEqualTo("HTTP 404");
            assertThat(unavailable(source.fetch(server.url("/gone")))).isEqualTo("HTTP 410");
            assertThat(unavailable(source.fetch(server.url("/html")))).startsWith("the answer is not JSON");
            assertThat(unavailable(source.fetch(server.url("/array")))).isEqualTo("the answer is not a JSON object");
        }

        @Test
        void when_the_issuer_does_not_answer_within_the_request_timeout() {
            HttpStatusListSource impatient = new HttpStatusListSource(settings(Duration.ofMillis(400)), clock);
            server.answer(PATH, ListServer.Answer.json(signedList()).after(Duration.ofSeconds(3)));
            long start = System.nanoTime();

            String reason = unavailable(impatient.fetch(server.url(PATH)));

            assertThat(reason).isEqualTo("no complete answer within 400 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void when_nothing_listens_at_the_port() throws IOException {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }

            assertThat(unavailable(source.fetch("http://127.0.0.1:" + closed + PATH))).isEqualTo("connection refused");
        }
    }

    @Test
    void its_defaults_allow_only_the_loopback_host() {
        StatusListProperties defaults = StatusListProperties.defaults();

        assertThat(defaults.allowedHosts()).containsExactly("127.0.0.1", "localhost");
        assertThat(defaults.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.maxSize()).isEqualTo(DataSize.ofMegabytes(1));
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
