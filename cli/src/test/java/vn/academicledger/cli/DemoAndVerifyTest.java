package vn.academicledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;

/** The main job end to end on the embedded ledger, then every kind of tampering through {@code ./ledger verify}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAndVerifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private Path out;
    private Path data;
    private String demoOutput;
    private List<Path> reportCards;
    private List<Path> diplomas;

    @BeforeAll
    void runTheDemo() throws IOException {
        out = tmp.resolve("out");
        data = tmp.resolve("data");
        Result r = run("demo", "--out", out.toString(), "--data", data.toString());
        demoOutput = r.stdout;
        assertThat(r.exitCode).as(r.stdout).isZero();
        try (Stream<Path> files = Files.list(out)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            reportCards = all.stream().filter(p -> read(p).toString().contains("ReportCardCredential")).toList();
            diplomas = all.stream().filter(p -> read(p).toString().contains("DiplomaCredential")).toList();
        }
    }

    @Test
    void the_demo_issues_and_verifies_a_whole_class_and_says_so_in_its_last_line() {
        assertThat(reportCards).hasSizeGreaterThanOrEqualTo(40);
        assertThat(diplomas).isNotEmpty();
        int n = reportCards.size() + diplomas.size();
        String[] lines = demoOutput.strip().split("\\R");
        assertThat(lines[lines.length - 1]).isEqualTo(n + " issued, " + n + " verified, 0 failed");
    }

    @Test
    void every_receipt_names_the_embedded_ledger() {
        for (Path file : reportCards.subList(0, 2)) {
            assertThat(read(file).get("proof").get(1).get("ledger").asText()).isEqualTo("embedded");
        }
        assertThat(read(diplomas.get(0)).get("proof").get(1).get("ledger").asText()).isEqualTo("embedded");
    }

    @Test
    void a_ledger_other_than_embedded_or_fabric_is_refused_with_exit_code_two() {
        assertThat(run("verify", reportCards.get(0).toString(), "--ledger", "ethereum", "--data", data.toString()).exitCode)
                .isEqualTo(2);
    }

    @Test
    void every_credential_also_comes_as_a_signed_pdf_that_carries_it() throws IOException {
        for (Path json : Stream.concat(reportCards.stream(), diplomas.stream()).toList()) {
            Path pdf = Path.of(json.toString().replaceFirst("\\.json$", ".pdf"));
            assertThat(pdf).exists();
            byte[] attached = vn.academicledger.documents.verify.PdfVerification.attachedCredential(Files.readAllBytes(pdf));
            assertThat(attached).isEqualTo(vn.academicledger.core.json.Jcs.canonicalize(read(json)));
        }
        try (vn.academicledger.documents.DevelopmentDocuments documents =
                     vn.academicledger.documents.DevelopmentDocuments.open(data)) {
            Path card = Path.of(reportCards.get(0).toString().replaceFirst("\\.json$", ".pdf"));
            var report = documents.verification().verify(Files.readAllBytes(card));
            assertThat(report.valid()).as(report.toString()).isTrue();
            assertThat(report.signatures()).hasSize(2);
        }
    }

    @Test
    void a_signed_pdf_verifies_and_one_changed_byte_makes_it_fail() throws IOException {
        Path pdf = Path.of(reportCards.get(7).toString().replaceFirst("\\.json$", ".pdf"));
        Result ok = run("verify", pdf.toString(), "--data", data.toString());
        assertThat(ok.exitCode).as(ok.stdout).isZero();
        assertThat(ok.stdout).contains("✓ pdf-signature").contains("✓ pdf-credential").contains("HỢP LỆ / VALID");

        byte[] bytes = Files.readAllBytes(pdf);
        int at = bytes.length / 3;
        bytes[at] = (byte) (bytes[at] ^ 0x01);
        Path tampered = tmp.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        Result bad = run("verify", tampered.toString(), "--data", data.toString());
        assertThat(bad.exitCode).as(bad.stdout).isEqualTo(1);
        assertThat(bad.stdout).contains("✗ pdf-signature");
    }

    @Test
    void an_untouched_credential_of_either_suite_verifies_with_exit_code_zero() {
        Result rc = run("verify", reportCards.get(0).toString(), "--data", data.toString());
        assertThat(rc.exitCode).as(rc.stdout).isZero();
        assertThat(rc.stdout).contains("eddsa-jcs-2022").contains("HỢP LỆ / VALID");
        Result d = run("verify", diplomas.get(0).toString(), "--data", data.toString());
        assertThat(d.exitCode).as(d.stdout).isZero();
        assertThat(d.stdout).contains("eddsa-rdfc-2022");
    }

    @Test
    void a_report_card_with_one_grade_changed_fails_the_proof() throws IOException {
        ObjectNode vc = read(reportCards.get(1));
        ObjectNode firstSubject = (ObjectNode) vc.at("/credentialSubject/reportCard/subjectResults/1");
        firstSubject.put("averageYear", "9.9");
        Result r = verifyTampered(vc, "grade-changed.json");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(failedLine(r, "proof")).contains("signature does not verify");
        assertThat(failedLine(r, "anchored")).isNotEmpty();
        assertThat(failedLine(r, "results-consistent")).contains("Toán");
    }

    @Test
    void a_diploma_with_a_changed_name_fails_the_rdfc_proof() throws IOException {
        ObjectNode vc = read(diplomas.get(0));
        ((ObjectNode) vc.get("credentialSubject")).put("fullName", "Nguyễn Văn Giả");
        Result r = verifyTampered(vc, "name-changed.json");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(failedLine(r, "proof")).contains("eddsa-rdfc-2022");
    }

    @Test
    void a_forged_proof_value_fails_the_proof() throws IOException {
        ObjectNode vc = read(reportCards.get(2));
        ObjectNode signature = (ObjectNode) vc.get("proof").get(0);
        String value = signature.get("proofValue").asText();
        char c = value.charAt(10);
        signature.put("proofValue", value.substring(0, 10) + (c == 'A' ? 'B' : 'A') + value.substring(11));
        Result r = verifyTampered(vc, "forged.json");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(failedLine(r, "proof")).isNotEmpty();
    }

    @Test
    void a_proof_from_an_unaccredited_issuer_fails_the_accreditation_check() throws IOException {
        ObjectNode vc = CredentialDigest.withoutReceipts(read(reportCards.get(3)));
        vc.remove("proof");
        Ed25519KeyPair rogue = Ed25519KeyPair.generate();
        String did = DidKey.did(rogue.publicKey());
        ((ObjectNode) vc.get("issuer")).put("id", did);
        ObjectNode signed = new DataIntegritySigner().sign(vc,
                ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, DidKey.verificationMethodId(rogue.publicKey()), Instant.now()),
                rogue);
        // Give it a real receipt of another credential so only the registry can tell.
        ArrayNode proofs = JSON.createArrayNode().add(signed.get("proof")).add(read(reportCards.get(4)).get("proof").get(1));
        signed.set("proof", proofs);
        Result r = verifyTampered(signed, "unaccredited.json");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stdout).contains("✓ proof");
        assertThat(failedLine(r, "issuer-accredited")).contains("not in the department's registry");
    }

    @Test
    void a_merkle_proof_from_another_batch_fails_the_anchoring_check() throws IOException {
        ObjectNode vc = read(reportCards.get(5));
        ObjectNode receiptOfAnotherBatch = (ObjectNode) read(diplomas.get(1)).get("proof").get(1);
        ((ArrayNode) vc.get("proof")).set(1, receiptOfAnotherBatch);
        Result r = verifyTampered(vc, "other-batch.json");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.stdout).contains("✓ proof");
        assertThat(failedLine(r, "anchored")).contains("does not lead");
    }

    @Test
    void a_receipt_whose_root_was_swapped_for_another_anchored_root_fails_against_the_ledger() throws IOException {
        ObjectNode vc = read(reportCards.get(6));
        ObjectNode receipt = (ObjectNode) vc.get("proof").get(1);
        receipt.put("batchId", read(diplomas.get(0)).get("proof").get(1).get("batchId").asText());
        Result r = verifyTampered(vc, "batch-swapped.json");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(failedLine(r, "anchored")).contains("is anchored with root");
    }

    @Test
    void a_file_that_is_not_json_is_refused_with_exit_code_two() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{not json");
        assertThat(run("verify", bad.toString(), "--data", data.toString()).exitCode).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    private Result verifyTampered(ObjectNode vc, String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, JSON.writeValueAsString(vc));
        return run("verify", file.toString(), "--data", data.toString());
    }

    private static String failedLine(Result r, String check) {
        return r.stdout.lines().filter(l -> l.strip().startsWith("✗ " + check + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no failed line for " + check + " in:\n" + r.stdout));
    }

    private static ObjectNode read(Path p) {
        try {
            return (ObjectNode) JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Result(int exitCode, String stdout) {
    }

    private static synchronized Result run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = LedgerCli.run(args);
            return new Result(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }
}
