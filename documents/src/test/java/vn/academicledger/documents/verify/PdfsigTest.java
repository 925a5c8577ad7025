package vn.academicledger.documents.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.PadesSigner;
import vn.academicledger.documents.sign.SignatureLevel;
import vn.academicledger.documents.testing.DevPki;
import vn.academicledger.documents.testing.Pdfsig;
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
        assumeTrue(Pdfsig.installed(), "pdfsig is not installed (apt-get install -y poppler-utils)");
        assertThat(Pdfsig.validations(Pdfsig.run(dir, reportCard, "-nocert"))).containsExactly("Signature is Valid.", "Signature is Valid.");
        assertThat(Pdfsig.validations(Pdfsig.run(dir, diploma, "-nocert"))).containsExactly("Signature is Valid.");
    }

    @Test
    void pdfsig_trusts_the_chain_when_the_dev_root_is_in_its_nss_database_and_the_signer_has_the_email_protection_eku() throws Exception {
        assumeTrue(Pdfsig.installed(), "pdfsig is not installed (apt-get install -y poppler-utils)");
        assumeTrue(Pdfsig.certutilInstalled(), "certutil is not installed (apt-get install -y libnss3-tools)");
        String nss = Pdfsig.nssDatabaseTrusting(dir, pki.root.certificate());
        String out = Pdfsig.run(dir, reportCard, "-nssdir", nss);
        // NSS checks a PDF signer for the e-mail signer usage: the dev PKI's officials carry emailProtection
        // next to documentSigning (with documentSigning alone: "Unknown issue with Certificate or corrupted data.").
        assertThat(Pdfsig.certificateValidations(out)).as(out).containsExactly("Certificate is Trusted.", "Certificate is Trusted.");
        String director = Pdfsig.run(dir, diploma, "-nssdir", nss);
        assertThat(Pdfsig.certificateValidations(director)).as(director).containsExactly("Certificate is Trusted.");
    }

    @Test
    void pdfsig_reports_a_changed_byte_as_an_invalid_signature() throws Exception {
        assumeTrue(Pdfsig.installed(), "pdfsig is not installed (apt-get install -y poppler-utils)");
        byte[] tampered = Tampering.flipOneByte(diploma, diploma.length / 4);
        assertThat(Pdfsig.validations(Pdfsig.run(dir, tampered, "-nocert"))).singleElement().asString().doesNotContain("is Valid");
    }
}
