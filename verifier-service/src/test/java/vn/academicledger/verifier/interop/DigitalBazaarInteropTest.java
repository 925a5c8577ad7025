package vn.academicledger.verifier.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.verifier.testing.Http;
import vn.academicledger.verifier.testing.TestIssuer;

/**
 * Interoperability with an independent implementation, Digital Bazaar's JavaScript libraries
 * (src/test/node): a credential our issuer signs with eddsa-rdfc-2022 verifies there, and a
 * credential and a presentation they sign with did:key verify here, through the running service.
 * Offline: the contexts come from core's bundle. {@code npm ci} runs in the build directory; the
 * test is skipped, saying so, without node and npm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DigitalBazaarInteropTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DATA = tempDir();
    static final Path SOURCE = Path.of("src/test/node");
    static final Path CONTEXTS = Path.of("../core/src/main/resources/contexts").toAbsolutePath().normalize();
    static final Path WORK = Path.of(System.getProperty("verifier.test.artifacts", "target"), "node-interop").toAbsolutePath();
    static final String DID_KEY_SCHOOL = "79000799";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("verifier.data-dir", DATA::toString);
        registry.add("verifier.directory.credentials", () -> DATA.resolve("credentials").toString());
    }

    @LocalServerPort
    int port;
    /** The ledger the service follows, read-only. */
    @Autowired
    EmbeddedLedger ledger;
    /** Its writer: the test writes the ledger as the issuer service would, in a writer of its own. */
    static EmbeddedLedger writer;

    static TestIssuer issuer;
    static Ed25519KeyPair jsKey;
    Http http;

    @BeforeAll
    static void installTheJavaScriptLibraries() throws Exception {
        Assumptions.assumeTrue(found("node") && found("npm"),
                "SKIPPED: interoperability test needs Node.js 18+ and npm (apt-get install -y nodejs npm)");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Run install = run(WORK, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assertThat(install.exit()).as("npm ci in " + WORK + ":\n" + install.output()).isZero();
    }

    @AfterAll
    static void removeData() throws IOException {
        if (writer != null) {
            writer.close();
        }
        FileSystemUtils.deleteRecursively(DATA);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (issuer == null) {
            writer = EmbeddedLedger.open(ledger.directory());
            issuer = new TestIssuer(writer, DATA.resolve("credentials"));
            jsKey = Ed25519KeyPair.generate();
            try (LedgerPort admin = writer.connect(ClientIdentity.departmentAdmin("admin@test"))) {
                admin.accreditIssuer(DID_KEY_SCHOOL, "Trường THPT Thủ Thiêm", DidKey.did(jsKey.publicKey()),
                        List.of(jsKey.publicKey().multibase()));
            }
        }
    }

    @Test
    void a_credential_our_issuer_signs_with_eddsa_rdfc_2022_verifies_with_digital_bazaars_libraries() throws Exception {
        ObjectNode issued = issuer.reportCard(Cryptosuite.EDDSA_RDFC_2022); // with its anchoring receipt, as issued
        Path signed = write("ours.json", issued);
        Path did = write("did.json", issuer.didDocument());

        JsonNode result = node("verify-credential", signed.toString(), did.toString());

        assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
    }

    @Test
    void digital_bazaars_libraries_refuse_our_credential_after_a_grade_changed() throws Exception {
        ObjectNode tampered = TestIssuer.withChangedGrade(issuer.reportCard(Cryptosuite.EDDSA_RDFC_2022));

        JsonNode result = node("verify-credential", write("tampered.json", tampered).toString(),
                write("did.json", issuer.didDocument()).toString());

        assertThat(result.path("verified").asBoolean()).isFalse();
    }

    @Test
    void a_credential_digital_bazaars_libraries_sign_with_did_key_verifies_in_our_verifier() throws Exception {
        ObjectNode anchored = signedInJavaScriptAndAnchored();

        JsonNode body = http.postJson("/api/v1/verify", anchored).json();

        assertThat(body.path("verdict").asText()).as(body.toString()).isEqualTo("VALID");
        assertThat(body.at("/checks/1/details/cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(body.at("/checks/1/details/verificationMethod").asText()).startsWith("did:key:z6Mk");

        JsonNode tampered = http.postJson("/api/v1/verify", TestIssuer.withChangedGrade(anchored)).json();
        assertThat(tampered.path("verdict").asText()).isEqualTo("NOT_VALID");
        assertThat(tampered.at("/checks/1/status").asText()).isEqualTo("FAILED");
    }

    @Test
    void a_presentation_digital_bazaars_libraries_sign_with_challenge_and_domain_verifies_here() throws Exception {
        ObjectNode anchored = signedInJavaScriptAndAnchored();
        Path vp = WORK.resolve("presentation.json");
        node("sign-presentation", write("anchored.json", anchored).toString(), keyFile().toString(), "c-8f2e", "tuyensinh.example.vn",
                vp.toString());
        JsonNode presentation = JSON.readTree(vp.toFile());

        JsonNode accepted = http.postJson("/presentations/verify", request(presentation, "c-8f2e", "tuyensinh.example.vn")).json();
        JsonNode replayed = http.postJson("/presentations/verify", request(presentation, "c-other", "tuyensinh.example.vn")).json();

        assertThat(accepted.path("verified").asBoolean()).as(accepted.toString()).isTrue();
        assertThat(accepted.path("checks").toString()).contains("presentation-proof", "challenge", "domain", "holder");
        assertThat(replayed.path("verified").asBoolean()).isFalse();
    }

    private ObjectNode signedInJavaScriptAndAnchored() throws Exception {
        Path unsigned = write("unsigned.json", issuer.unsignedReportCard(DidKey.did(jsKey.publicKey())));
        Path out = WORK.resolve("signed-by-js.json");
        node("sign-credential", unsigned.toString(), keyFile().toString(), out.toString());
        ObjectNode signed = (ObjectNode) JSON.readTree(out.toFile());
        try (LedgerPort school = writer.connect(ClientIdentity.schoolIssuer("issuer@thuthiem", DID_KEY_SCHOOL))) {
            return AnchoredBatch.anchor(school, "embedded", DID_KEY_SCHOOL + "-js-" + System.nanoTime(), DID_KEY_SCHOOL,
                    CredentialType.REPORT_CARD.typeName(), List.of(AnchoredBatch.Entry.of(signed))).credentials().get(0);
        }
    }

    private static ObjectNode request(JsonNode presentation, String challenge, String domain) {
        ObjectNode body = JSON.createObjectNode();
        body.set("verifiablePresentation", presentation);
        body.putObject("options").put("challenge", challenge).put("domain", domain);
        return body;
    }

    private static Path keyFile() throws IOException {
        ObjectNode key = JSON.createObjectNode().put("publicKeyMultibase", jsKey.publicKey().multibase())
                .put("secretKeyMultibase", jsKey.secretKeyMultibase());
        Path file = WORK.resolve("key.json");
        Files.writeString(file, key.toString());
        return file;
    }

    private static Path write(String name, JsonNode json) throws IOException {
        Path file = WORK.resolve(name);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return file;
    }

    private static JsonNode node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "interop.mjs"));
        command.addAll(List.of(args));
        Run run = run(WORK, 120, command.toArray(String[]::new));
        assertThat(run.exit()).as(String.join(" ", command) + ":\n" + run.output()).isZero();
        String out = run.output().strip();
        return out.isEmpty() ? JSON.createObjectNode() : JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    record Run(int exit, String output) {
    }

    private static Run run(Path dir, int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("CONTEXTS", CONTEXTS.toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "timed out after " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean found(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("verifier-interop");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
