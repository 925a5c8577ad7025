package vn.academicledger.documents.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.PadesSigner;
import vn.academicledger.documents.sign.SignatureLevel;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Samples;
import vn.academicledger.documents.testing.Tampering;

/**
 * A second, independent validator: poppler's {@code pdfsig} (Debian package poppler-utils). Skipped
 * when pdfsig is not installed. With NSS's {@code certutil} (libnss3-tools) the dev root is put in a
 * throw-away NSS database so pdfsig checks the certificate chain too; without it only the signatures'
 * integrity is checked ({@code -nocert}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfsigTest {
    final DevPki pki = DevPki.shared();
    LocalTimestampAuthority tsa;
    byte[] reportCard;
    byte[] diploma;
    @TempDir
    Path dir;

    @BeforeAll
    void sign() {
        tsa = pki.timestampAuthority();
        PadesSigner signer = new PadesSigner(tsa, pki.revocationSource());
        byte[] teacher = signer.sign(Samples.renderedReportCard(2, Samples.VI).pdf(), pki.homeroomTeacherSigner(),
                SignatureLevel.PADES_BASELINE_LT);
        reportCard = signer.sign(teacher, pki.principal(), SignatureLevel.PADES_BASELINE_LT);
        diploma = signer.sign(Samples.renderedDiploma(1, Samples.VI).pdf(), pki.directorSigner(), SignatureLevel.PADES_BASELINE_T);
    }

    @AfterAll
    void stop() {
        tsa.close();
    }

    @Test
    void pdfsig_finds_both_report_card_signatures_and_the_diploma_signature_valid() throws Exception {
        assumeTrue(onPath("pdfsig"), "pdfsig is not installed (apt-get install -y poppler-utils)");
        assertThat(validations(pdfsig(reportCard, "-nocert"))).containsExactly("Signature is Valid.", "Signature is Valid.");
        assertThat(validations(pdfsig(diploma, "-nocert"))).containsExactly("Signature is Valid.");
    }

    @Test
    void pdfsig_trusts_the_chain_when_the_dev_root_is_in_its_nss_database_and_the_signer_has_the_email_protection_eku() throws Exception {
        assumeTrue(onPath("pdfsig"), "pdfsig is not installed (apt-get install -y poppler-utils)");
        assumeTrue(onPath("certutil"), "certutil is not installed (apt-get install -y libnss3-tools)");
        Path nss = Files.createDirectories(dir.resolve("nss"));
        run(List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password"));
        Path root = dir.resolve("root.pem");
        Files.writeString(root, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                pki.root.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        run(List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "academic-ledger-dev-root", "-t", "C,C,C", "-i", root.toString()));
        String out = pdfsig(reportCard, "-nssdir", "sql:" + nss);
        // Teacher (issued with documentSigning + emailProtection): trusted. Principal (crypto-material's
        // dev PKI, documentSigning only): NSS refuses the EKU for the e-mail signer usage it checks.
        assertThat(certificateValidations(out)).as(out).containsExactly("Certificate is Trusted.",
                "Unknown issue with Certificate or corrupted data.");
        String director = pdfsig(diploma, "-nssdir", "sql:" + nss);
        assertThat(certificateValidations(director)).as(director).containsExactly("Certificate is Trusted.");
    }

    @Test
    void pdfsig_reports_a_changed_byte_as_an_invalid_signature() throws Exception {
        assumeTrue(onPath("pdfsig"), "pdfsig is not installed (apt-get install -y poppler-utils)");
        byte[] tampered = Tampering.flipOneByte(diploma, diploma.length / 4);
        assertThat(validations(pdfsig(tampered, "-nocert"))).singleElement().asString().doesNotContain("is Valid");
    }

    private String pdfsig(byte[] pdf, String... options) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "signed-", ".pdf");
        Files.write(file, pdf);
        List<String> command = new ArrayList<>(List.of("pdfsig"));
        command.addAll(List.of(options));
        command.add(file.toString());
        return run(command);
    }

    private static List<String> certificateValidations(String pdfsigOutput) {
        return pdfsigOutput.lines().filter(l -> l.contains("Certificate Validation:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).toList();
    }

    private static List<String> validations(String pdfsigOutput) {
        return pdfsigOutput.lines().filter(l -> l.contains("Signature Validation:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).toList();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
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
