package vn.academicledger.documents.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Samples;
import vn.academicledger.documents.verify.PdfReport;
import vn.academicledger.documents.verify.PdfVerification;

/**
 * The director's key in a SoftHSM2 token, used through the JDK's SunPKCS11 provider. Skipped unless
 * SoftHSM2 is installed ({@code apt-get install -y softhsm2}) and SOFTHSM2_CONF is
 * set (the pom sets it for Surefire to a file under the build directory, written here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Pkcs11OfficialSignerTest {
    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String TOKEN = "al-documents";
    static final char[] PIN = "1234".toCharArray();
    final DevPki pki = DevPki.shared();
    int slotListIndex;

    @BeforeAll
    void putTheDirectorsKeyOnAToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(Files.isRegularFile(LIBRARY), "SoftHSM2 is not installed (apt-get install -y softhsm2)");
        assumeTrue(onPath("softhsm2-util"), "softhsm2-util is missing (apt-get install -y softhsm2)");
        assumeTrue(conf != null, "SOFTHSM2_CONF is not set (run through Maven, whose Surefire sets it)");
        Path dir = Path.of(conf).getParent();
        Path tokens = dir.resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens.toAbsolutePath()
                + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        run("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", "1234", "--so-pin", "5678");
        slotListIndex = indexOfToken(run("softhsm2-util", "--show-slots"));
        // Import the key and its chain through SunPKCS11 itself (C_CreateObject), so no other tool is needed.
        Provider importer = Security.getProvider("SunPKCS11").configure("--name=AcademicLedgerImport\nlibrary="
                + LIBRARY + "\nslotListIndex=" + slotListIndex + "\n");
        KeyStore token = KeyStore.getInstance("PKCS11", importer);
        token.load(null, PIN);
        token.setKeyEntry("director", pki.director.key(), null, pki.director.chain().toArray(Certificate[]::new));
        // PKCS#11 login state is per process and token: log out, or every later provider finds it logged in.
        ((AuthProvider) importer).logout();
    }

    @Test
    void signs_a_diploma_at_b_lt_with_the_key_on_the_token() {
        try (Pkcs11OfficialSigner director = Pkcs11OfficialSigner.open(LIBRARY, slotListIndex, PIN, "director",
                pki.director.chain().subList(1, pki.director.chain().size()));
             LocalTimestampAuthority tsa = pki.timestampAuthority()) {
            assertThat(director.certificate()).isEqualTo(pki.director.certificate());
            assertThat(director.certificateChain()).hasSize(3);
            byte[] signed = new PadesSigner(tsa, pki.revocationSource()).sign(Samples.renderedDiploma(0, Samples.VI).pdf(),
                    director, SignatureLevel.PADES_BASELINE_LT);
            PdfReport report = PdfVerification.trusting(pki.trustAnchors()).verify(signed);
            assertThat(report.failures()).isEmpty();
            assertThat(report.signatures()).singleElement().satisfies(s -> {
                assertThat(s.signer()).isEqualTo("Trần Quang Minh");
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-LT");
            });
        }
    }

    @Test
    void a_wrong_pin_is_named() {
        assertThatThrownBy(() -> Pkcs11OfficialSigner.open(LIBRARY, slotListIndex, "0000".toCharArray(), "director", List.of()))
                .isInstanceOf(SigningException.class).hasMessageContaining("wrong PIN");
    }

    @Test
    void an_unknown_key_label_is_named() {
        assertThatThrownBy(() -> Pkcs11OfficialSigner.open(LIBRARY, slotListIndex, PIN, "principal", List.of()))
                .isInstanceOf(SigningException.class).hasMessageContaining("'principal'");
    }

    /** The position of our token among the slots, in the order PKCS#11 lists them (as SunPKCS11 counts). */
    private static int indexOfToken(String showSlots) {
        int index = -1;
        for (String line : showSlots.lines().toList()) {
            if (line.startsWith("Slot ")) {
                index++;
            } else if (line.strip().startsWith("Label:") && line.contains(TOKEN)) {
                return index;
            }
        }
        throw new AssertionError("token " + TOKEN + " not listed:\n" + showSlots);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", new ArrayList<>(List.of(command))) + " failed:\n" + out);
        }
        return out;
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
