package vn.academicledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.anchor.AnchoredBatch;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.verify.CheckName;
import vn.academicledger.core.verify.CheckStatus;
import vn.academicledger.core.verify.VerificationReport;

/** A school identified by did:key instead of did:web: registered, issuing, verified, then suspended. */
class DidKeyIssuerTest {

    @Test
    void a_credential_dated_before_its_issuer_was_accredited_fails_the_accreditation_check(@TempDir Path data) {
        SampleClass sample = SampleClass.load();
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        String did = DidKey.did(key.publicKey());
        String code = "79000702";
        try (Workspace ws = Workspace.open(data)) {
            try (LedgerPort admin = ws.connect(ClientIdentity.departmentAdmin("admin"))) {
                Workspace.accredit(admin, code, "Trường THPT Thủ Thiêm", did, key.publicKey().multibase());
            }
            Instant backdated = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.DAYS);
            ObjectNode signed = new Issuance(did, "Trường THPT Thủ Thiêm", key, Cryptosuite.EDDSA_JCS_2022)
                    .diploma(sample.diplomas().get(0), backdated);
            ObjectNode anchored;
            try (LedgerPort school = ws.connect(ClientIdentity.schoolIssuer("issuer", code))) {
                anchored = AnchoredBatch.anchor(school, "embedded", code + "-backdated-" + System.nanoTime(), code,
                        CredentialType.DIPLOMA.typeName(), List.of(AnchoredBatch.Entry.of(signed))).credentials().get(0);
            }
            try (LedgerPort reader = ws.connect(Workspace.PUBLIC_VERIFIER)) {
                VerificationReport report = DemoCommand.verifier(reader).verify(anchored);
                assertThat(report.valid()).isFalse();
                assertThat(report.result(CheckName.ISSUER_ACCREDITED).orElseThrow().reason()).contains("not yet registered");
            }
        }
    }

    @Test
    void a_did_key_school_issues_credentials_that_verify_and_stay_valid_after_its_suspension(@TempDir Path data) {
        SampleClass sample = SampleClass.load();
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        String did = DidKey.did(key.publicKey());
        String code = "79000702";
        try (Workspace ws = Workspace.open(data)) {
            try (LedgerPort admin = ws.connect(ClientIdentity.departmentAdmin("admin"))) {
                Workspace.accredit(admin, code, "Trường THPT Thủ Thiêm", did, key.publicKey().multibase());
            }
            Issuance issuance = new Issuance(did, "Trường THPT Thủ Thiêm", key, Cryptosuite.EDDSA_RDFC_2022);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ObjectNode signed = issuance.sign(CredentialType.CERTIFICATE,
                    vn.academicledger.core.domain.CredentialText.of(sample.diplomas().get(0)),
                    vn.academicledger.core.domain.CredentialSubjects.of(sample.diplomas().get(0)), now);
            ObjectNode anchored;
            try (LedgerPort school = ws.connect(ClientIdentity.schoolIssuer("issuer", code))) {
                anchored = AnchoredBatch.anchor(school, "embedded", code + "-didkey-" + System.nanoTime(), code,
                        CredentialType.CERTIFICATE.typeName(), List.of(AnchoredBatch.Entry.of(signed))).credentials().get(0);
            }
            try (LedgerPort reader = ws.connect(Workspace.PUBLIC_VERIFIER)) {
                VerificationReport report = DemoCommand.verifier(reader).verify(anchored);
                assertThat(report.valid()).as(report.toString()).isTrue();
                assertThat(report.result(CheckName.PROOF).orElseThrow().reason()).contains("did:key:");
            }
            // Proof times have whole seconds; a suspension within the signing second would count against it.
            sleepPastTheSecond();
            try (LedgerPort admin = ws.connect(ClientIdentity.departmentAdmin("admin"))) {
                admin.suspendIssuer(code, "INSPECTION");
            }
            try (LedgerPort reader = ws.connect(Workspace.PUBLIC_VERIFIER)) {
                VerificationReport report = DemoCommand.verifier(reader).verify(anchored);
                assertThat(report.result(CheckName.ISSUER_ACCREDITED).orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
            }
        }
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
