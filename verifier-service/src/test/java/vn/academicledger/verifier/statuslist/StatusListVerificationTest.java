package vn.academicledger.verifier.statuslist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import vn.academicledger.core.anchor.AnchoredBatch;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.status.Bitstring;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.core.status.StatusListEntry;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.verifier.testing.Http;

/**
 * The whole verifier on a random port and the embedded ledger, with a school's signed status list
 * served by a tiny HTTP server on another loopback port: clear, revoked, withdrawn, and on a host
 * the verifier is not allowed to fetch from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusListVerificationTest {
    static final Path DATA = tempDir();
    static final ListServer ISSUER = new ListServer();
    static final String SCHOOL_CODE = "79009901";
    static final String SCHOOL = "did:web:status-test.hcm.edu.vn";
    static final String LIST_PATH = "/status-lists/" + SCHOOL_CODE + "/1";
    static final Ed25519KeyPair KEY = Ed25519KeyPair.generate();
    static final ObjectNode SUBJECT = CredentialSubjects.of(SampleClass.load().reportCards().get(3));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("verifier.data-dir", DATA::toString);
        registry.add("verifier.directory.credentials", () -> DATA.resolve("credentials").toString());
        registry.add("verifier.rate-limit.burst", () -> "100000");
        // Every verification reads the list afresh, so a revocation shows at once in this test.
        registry.add("verifier.status-lists.cache-ttl", () -> "0s");
        registry.add("verifier.status-lists.failure-cache-ttl", () -> "0s");
    }

    @AfterAll
    static void stop() throws IOException {
        ISSUER.close();
        if (ownWriter != null) {
            ownWriter.close();
        }
        FileSystemUtils.deleteRecursively(DATA);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("verifier-status-list-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    /** The service's embedded ledger. */
    @Autowired
    EmbeddedLedger ledger;
    /** Where the test writes, as the issuer would: the service's ledger, or a writer of its own when the service only follows the folder. */
    static EmbeddedLedger writable;
    static EmbeddedLedger ownWriter;

    Http http;
    final DataIntegritySigner signer = new DataIntegritySigner();

    @BeforeEach
    void accredit() {
        http = new Http(port);
        synchronized (StatusListVerificationTest.class) {
            if (writable != null) {
                return;
            }
            try {
                accreditIn(ledger);
                writable = ledger;
            } catch (LedgerException readOnly) {
                // The service opens the folder read-only: write it in a writer of the test's own.
                ownWriter = EmbeddedLedger.open(DATA.resolve("ledger"));
                accreditIn(ownWriter);
                writable = ownWriter;
            }
        }
    }

    private static void accreditIn(EmbeddedLedger target) {
        try (LedgerPort admin = target.connect(ClientIdentity.departmentAdmin("admin@test"))) {
            if (admin.findIssuer(SCHOOL_CODE).isEmpty()) {
                admin.accreditIssuer(SCHOOL_CODE, "Trường THPT Thử Nghiệm", SCHOOL, List.of(KEY.publicKey().multibase()));
            }
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private String method() {
        return SCHOOL + "#" + KEY.publicKey().multibase();
    }

    /** A report card with a revocation entry in {@code listUrl}, signed, anchored as the school. */
    private ObjectNode issued(Cryptosuite suite, String listUrl, int index) {
        ObjectNode unsigned = VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .type("ReportCardCredential")
                .issuer(SCHOOL, "Trường THPT Thử Nghiệm")
                .validFrom(now())
                .credentialSubject(SUBJECT.deepCopy())
                .credentialStatus(StatusListEntry.revocation(listUrl, index).toJson())
                .buildJson();
        ObjectNode signed = signer.sign(unsigned, ProofOptions.assertion(suite, method(), now()), KEY);
        try (LedgerPort port = writable.connect(ClientIdentity.schoolIssuer("issuer@test", SCHOOL_CODE))) {
            return AnchoredBatch.anchor(port, "embedded", SCHOOL_CODE + "-status-" + UUID.randomUUID(), SCHOOL_CODE,
                    "ReportCardCredential", List.of(AnchoredBatch.Entry.of(signed))).credentials().get(0);
        }
    }

    /** Signs and serves the school's list 1 with the given entries set. */
    private void publishList(Cryptosuite suite, int... revoked) {
        Bitstring bits = new Bitstring();
        for (int index : revoked) {
            bits.set(index, true);
        }
        ObjectNode list = StatusListCredential.builder(ISSUER.url(LIST_PATH), SCHOOL)
                .list(bits).validFrom(now()).validUntil(now().plus(Duration.ofDays(1))).buildJson();
        ISSUER.publish(LIST_PATH, signer.sign(list, ProofOptions.assertion(suite, method(), now()), KEY));
    }

    private static JsonNode check(JsonNode response, String name) {
        for (JsonNode c : response.path("checks")) {
            if (c.path("check").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + response);
    }

    @Test
    void finds_a_credential_whose_list_entry_is_clear_valid() {
        publishList(Cryptosuite.EDDSA_RDFC_2022, 7);
        ObjectNode credential = issued(Cryptosuite.EDDSA_RDFC_2022, ISSUER.url(LIST_PATH), 8);

        JsonNode body = http.postJson("/api/v1/verify", credential).json();

        assertThat(body.path("verdict").asText()).as(body.toString()).isEqualTo("VALID");
        JsonNode notRevoked = check(body, "not-revoked");
        assertThat(notRevoked.path("status").asText()).isEqualTo("PASSED");
        assertThat(notRevoked.path("reason").asText()).contains("entry 8 of the issuer's status list " + ISSUER.url(LIST_PATH));
        assertThat(ISSUER.requests(LIST_PATH)).isPositive();
    }

    @Test
    void finds_a_credential_set_in_its_list_not_valid_naming_the_list_and_the_entry() {
        ObjectNode credential = issued(Cryptosuite.EDDSA_JCS_2022, ISSUER.url(LIST_PATH), 21);
        publishList(Cryptosuite.EDDSA_JCS_2022);
        assertThat(http.postJson("/api/v1/verify", credential).json().path("verdict").asText()).isEqualTo("VALID");

        publishList(Cryptosuite.EDDSA_JCS_2022, 21);
        JsonNode body = http.postJson("/api/v1/verify", credential).json();

        assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
        JsonNode notRevoked = check(body, "not-revoked");
        assertThat(notRevoked.path("status").asText()).isEqualTo("FAILED");
        assertThat(notRevoked.path("reason").asText()).isEqualTo("revoked in the issuer's status list "
                + ISSUER.url(LIST_PATH) + ": entry 21 is set (the ledger holds no revocation of it)");
        assertThat(notRevoked.at("/details/statusListIndex").asText()).isEqualTo("21");
        assertThat(notRevoked.at("/details/statusListCredential").asText()).isEqualTo(ISSUER.url(LIST_PATH));

        String page = http.postForm("/verify?lang=en", "credential=" + java.net.URLEncoder.encode(credential.toString(),
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(page).contains("Revoked in the school&#39;s status list (entry 21).");
    }

    @Test
    void when_the_list_cannot_be_fetched_says_the_revocation_status_is_unknown_and_does_not_call_it_valid() {
        String missing = ISSUER.url("/status-lists/" + SCHOOL_CODE + "/404");
        ObjectNode credential = issued(Cryptosuite.EDDSA_JCS_2022, missing, 3);

        JsonNode body = http.postJson("/api/v1/verify", credential).json();

        assertThat(body.path("verdict").asText()).isEqualTo("NOT_VALID");
        JsonNode notRevoked = check(body, "not-revoked");
        assertThat(notRevoked.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(notRevoked.path("reason").asText()).isEqualTo("revocation status unknown: the ledger holds no revocation"
                + " of this credential, but the status list " + missing + " could not be fetched: HTTP 404; it cannot be"
                + " confirmed not revoked until its status list can be read");
        assertThat(notRevoked.at("/details/outcome").asText()).isEqualTo("STATUS_LIST_UNREACHABLE");
        for (String passed : List.of("structure", "proof", "issuer-accredited", "anchored", "not-expired")) {
            assertThat(check(body, passed).path("status").asText()).as(passed).isEqualTo("PASSED");
        }

        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("verifiableCredential", credential);
        JsonNode vcApi = http.postJson("/credentials/verify", request).json();
        assertThat(vcApi.path("verified").asBoolean()).isFalse();
        assertThat(vcApi.path("errors")).isEmpty();
        assertThat(vcApi.path("warnings").toString()).contains("not-revoked: revocation status unknown");
    }

    @Test
    void never_fetches_a_list_from_a_host_that_is_not_allowed() {
        String elsewhere = "http://status.example.invalid:" + ISSUER.port() + LIST_PATH;
        ObjectNode credential = issued(Cryptosuite.EDDSA_JCS_2022, elsewhere, 5);

        JsonNode notRevoked = check(http.postJson("/api/v1/verify", credential).json(), "not-revoked");

        assertThat(notRevoked.path("status").asText()).isEqualTo("SKIPPED");
        assertThat(notRevoked.path("reason").asText()).contains("does not fetch status lists from status.example.invalid")
                .contains("verifier.status-lists.allowed-hosts [127.0.0.1, localhost]");
    }
}
