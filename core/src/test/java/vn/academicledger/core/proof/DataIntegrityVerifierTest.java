package vn.academicledger.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.crypto.Multibase;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.proof.ProofResult.Outcome;
import vn.academicledger.core.vc.VerifiableCredential;

class DataIntegrityVerifierTest {
    private final ReportCardFixture fixture = new ReportCardFixture();
    private final DataIntegritySigner signer = new DataIntegritySigner();
    private final DataIntegrityVerifier verifier = new DataIntegrityVerifier(fixture.didDocuments.or(DidResolver.didKey()));

    private ObjectNode signed(Cryptosuite suite) {
        return signer.sign(ReportCardFixture.reportCard(7), fixture.options(suite), fixture.schoolKey);
    }

    private ProofResult onlyResult(ObjectNode document) {
        VerificationReport report = verifier.verify(document);
        assertThat(report.proofs()).hasSize(1);
        return report.proofs().get(0);
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void verifies_a_report_card_signed_by_the_school(Cryptosuite suite) {
        ObjectNode document = signed(suite);

        VerificationReport report = verifier.verify(document);

        assertThat(report.verified()).isTrue();
        ProofResult result = report.proofs().get(0);
        assertThat(result.valid()).isTrue();
        assertThat(result.cryptosuite()).isEqualTo(suite.id());
        assertThat(result.verificationMethod()).isEqualTo(ReportCardFixture.SCHOOL_KEY_ID);
        assertThat(result.type()).isEqualTo("DataIntegrityProof");
        assertThat(document.get("proof").get("proofValue").textValue()).startsWith("z");
        assertThat(document.get("proof").get("created").textValue()).isEqualTo("2025-06-01T01:00:00Z");
    }

    @Test
    void signs_without_changing_the_callers_document() {
        ObjectNode unsigned = ReportCardFixture.reportCard(1);
        ObjectNode copy = unsigned.deepCopy();

        signer.sign(unsigned, fixture.options(Cryptosuite.EDDSA_RDFC_2022), fixture.schoolKey);

        assertThat(unsigned).isEqualTo(copy);
    }

    @Nested
    class RejectsTampering {
        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void rejects_a_credential_whose_grade_was_changed(Cryptosuite suite) {
            ObjectNode document = signed(suite);
            ObjectNode math = (ObjectNode) document.at("/credentialSubject/reportCard/subjectResults/0");
            math.put("averageYear", "9.9");

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
            assertThat(result.detail()).contains("does not verify").contains(ReportCardFixture.SCHOOL_KEY_ID);
        }

        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void rejects_a_credential_whose_student_name_was_changed(Cryptosuite suite) {
            ObjectNode document = signed(suite);
            ((ObjectNode) document.get("credentialSubject")).put("fullName", "Nguyen Thi Anh Tuyet");

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void rejects_a_changed_proof_value(Cryptosuite suite) {
            ObjectNode document = signed(suite);
            ObjectNode proof = (ObjectNode) document.get("proof");
            byte[] signature = Multibase.decodeBase58Btc(proof.get("proofValue").textValue());
            signature[10] ^= 1;
            proof.put("proofValue", Multibase.encodeBase58Btc(signature));

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void rejects_a_changed_proof_creation_time(Cryptosuite suite) {
            ObjectNode document = signed(suite);
            ((ObjectNode) document.get("proof")).put("created", "2025-06-02T01:00:00Z");

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void rejects_a_proof_made_by_another_key_in_the_schools_name(Cryptosuite suite) {
            ObjectNode document = signer.sign(ReportCardFixture.reportCard(7), fixture.options(suite),
                    Ed25519KeyPair.generate());

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void rejects_a_valid_proof_by_a_key_that_is_not_the_issuers(Cryptosuite suite) {
            Ed25519KeyPair intruder = Ed25519KeyPair.generate();
            ProofOptions options = ProofOptions.assertion(suite, DidKey.verificationMethodId(intruder.publicKey()),
                    Instant.parse("2025-06-01T00:00:00Z"));
            ObjectNode document = signer.sign(ReportCardFixture.reportCard(7), options, intruder);

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.ISSUER_MISMATCH);
            assertThat(result.detail()).contains("not the issuer " + ReportCardFixture.SCHOOL_DID);
        }

        @Test
        void rejects_a_jcs_proof_whose_document_contexts_were_changed() {
            ObjectNode document = signed(Cryptosuite.EDDSA_JCS_2022);
            ((ArrayNode) document.get("@context")).remove(1);

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
            assertThat(result.detail()).contains("@context");
        }

        @Test
        void rejects_an_rdfc_proof_over_a_document_with_a_property_no_context_defines() {
            ObjectNode document = signed(Cryptosuite.EDDSA_RDFC_2022);
            ((ObjectNode) document.get("credentialSubject")).put("hocLuc", "Giỏi");

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.CANONICALIZATION_FAILED);
            assertThat(result.detail()).contains("hocLuc");
        }
    }

    @Nested
    class NamesWhatFailed {
        @Test
        void reports_an_unknown_cryptosuite() {
            ObjectNode document = signed(Cryptosuite.EDDSA_JCS_2022);
            ((ObjectNode) document.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019");

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_CRYPTOSUITE);
            assertThat(result.cryptosuite()).isEqualTo("ecdsa-rdfc-2019");
        }

        @Test
        void reports_a_did_that_cannot_be_resolved() {
            ObjectNode document = signer.sign(ReportCardFixture.reportCard(7), ProofOptions.assertion(
                    Cryptosuite.EDDSA_JCS_2022, "did:web:unknown-school.hcm.edu.vn#key-1", ReportCardFixture.CREATED),
                    fixture.schoolKey);

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.DID_NOT_RESOLVABLE);
            assertThat(result.detail()).contains("did:web:unknown-school.hcm.edu.vn");
        }

        @Test
        void reports_a_key_the_did_document_does_not_have() {
            ObjectNode document = signer.sign(ReportCardFixture.reportCard(7), ProofOptions.assertion(
                    Cryptosuite.EDDSA_JCS_2022, ReportCardFixture.SCHOOL_DID + "#key-2", ReportCardFixture.CREATED),
                    fixture.schoolKey);

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.KEY_NOT_FOUND);
            assertThat(result.detail()).contains("#key-2").contains("#key-1");
        }

        @Test
        void reports_a_proof_without_a_proof_value_as_malformed() {
            ObjectNode document = signed(Cryptosuite.EDDSA_RDFC_2022);
            ((ObjectNode) document.get("proof")).remove("proofValue");

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.MALFORMED_PROOF);
        }

        @Test
        void reports_a_proof_value_that_is_not_base58btc_as_malformed() {
            ObjectNode document = signed(Cryptosuite.EDDSA_RDFC_2022);
            ((ObjectNode) document.get("proof")).put("proofValue", "uAAECAw");

            ProofResult result = onlyResult(document);

            assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED_PROOF);
            assertThat(result.detail()).contains("base58btc");
        }

        @Test
        void reports_a_created_time_that_is_not_a_date_time_as_malformed() {
            ObjectNode document = signed(Cryptosuite.EDDSA_JCS_2022);
            ((ObjectNode) document.get("proof")).put("created", "01/06/2025");

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.MALFORMED_PROOF);
        }

        @Test
        void reports_a_proof_for_another_purpose() {
            ObjectNode document = signer.sign(ReportCardFixture.reportCard(7), new ProofOptions(
                    Cryptosuite.EDDSA_JCS_2022, ReportCardFixture.SCHOOL_KEY_ID, ReportCardFixture.CREATED, "authentication"),
                    fixture.schoolKey);

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.WRONG_PROOF_PURPOSE);
        }

        @Test
        void reports_a_proof_type_it_does_not_support() {
            ObjectNode document = signed(Cryptosuite.EDDSA_JCS_2022);
            ((ObjectNode) document.get("proof")).put("type", "Ed25519Signature2020");

            assertThat(onlyResult(document).outcome()).isEqualTo(Outcome.UNSUPPORTED_PROOF_TYPE);
        }

        @Test
        void finds_nothing_to_verify_in_a_document_without_proofs() {
            VerificationReport report = verifier.verify(ReportCardFixture.reportCard(7));

            assertThat(report.proofs()).isEmpty();
            assertThat(report.verified()).isFalse();
        }
    }

    @Nested
    class ProofSets {
        @Test
        void verifies_each_signature_of_a_set_and_skips_merkle_receipts() {
            ObjectNode document = signed(Cryptosuite.EDDSA_RDFC_2022);
            document = signer.sign(document, fixture.options(Cryptosuite.EDDSA_JCS_2022), fixture.schoolKey);
            ObjectNode receipt = ((ArrayNode) document.get("proof")).addObject();
            receipt.put("type", "MerkleInclusionProof");
            receipt.put("merkleRoot", "3b1f0c");

            VerificationReport report = verifier.verify(document);

            assertThat(report.proofs()).extracting(ProofResult::outcome)
                    .containsExactly(Outcome.VALID, Outcome.VALID, Outcome.NOT_A_SIGNATURE);
            assertThat(report.proofs()).extracting(ProofResult::cryptosuite)
                    .containsExactly("eddsa-rdfc-2022", "eddsa-jcs-2022", null);
            assertThat(report.verified()).isTrue();
        }

        @Test
        void verifies_a_signature_made_before_a_merkle_receipt_was_added() {
            ObjectNode document = signed(Cryptosuite.EDDSA_JCS_2022);
            ArrayNode set = document.putArray("proof");
            set.add(signed(Cryptosuite.EDDSA_JCS_2022).get("proof"));
            set.addObject().put("type", "MerkleInclusionProof");

            assertThat(verifier.verify(document).verified()).isTrue();
        }

        @Test
        void fails_the_report_when_one_signature_of_a_set_fails() {
            ObjectNode document = signed(Cryptosuite.EDDSA_RDFC_2022);
            document = signer.sign(document, fixture.options(Cryptosuite.EDDSA_JCS_2022), fixture.schoolKey);
            ((ObjectNode) document.get("proof").get(1)).put("created", "2020-01-01T00:00:00Z");

            VerificationReport report = verifier.verify(document);

            assertThat(report.verified()).isFalse();
            assertThat(report.failures()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(1);
                assertThat(f.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
            });
        }

        @Test
        void verifies_the_w3c_proof_set_and_proof_chain_examples() {
            DataIntegrityVerifier w3c = new DataIntegrityVerifier(DidResolver.didKey()).withoutIssuerBinding();

            VerificationReport set = w3c.verify(Vectors.json("proof-set-chain/signedProofSet2.json"));
            VerificationReport chain = w3c.verify(Vectors.json("proof-set-chain/signedProofChain2.json"));

            assertThat(set.proofs()).hasSize(2).allMatch(ProofResult::valid);
            assertThat(chain.proofs()).hasSize(4).allMatch(ProofResult::valid);
        }

        @Test
        void reproduces_the_w3c_proof_set_signatures() {
            ObjectNode options1 = Vectors.json("proof-set-chain/proofSetConfig1.json");
            ObjectNode expected = Vectors.json("proof-set-chain/signedProofSet2.json");
            Suite rdfc = Suites.of(vn.academicledger.core.vc.BundledContexts.shared()).get(Cryptosuite.EDDSA_RDFC_2022);
            ObjectNode unsigned = Vectors.json("proof-set-chain/unsigned.json");

            byte[] signature = Vectors.proofSetKey(1).sign(rdfc.hashData(unsigned, options1));

            assertThat(Multibase.encodeBase58Btc(signature))
                    .isEqualTo(expected.get("proof").get(0).get("proofValue").textValue());
        }
    }

    @Nested
    class Signing {
        @Test
        void refuses_to_sign_with_rdfc_a_document_with_an_undefined_property() {
            ObjectNode document = ReportCardFixture.reportCard(3);
            ((ObjectNode) document.get("credentialSubject")).put("biDanh", "Tí");

            assertThatThrownBy(() -> signer.sign(document, fixture.options(Cryptosuite.EDDSA_RDFC_2022), fixture.schoolKey))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("biDanh");
        }

        @Test
        void signs_a_verifiable_credential_and_keeps_it_valid() {
            VerifiableCredential credential = VerifiableCredential.of(ReportCardFixture.reportCard(4));

            VerifiableCredential signed = signer.sign(credential, fixture.options(Cryptosuite.EDDSA_RDFC_2022), fixture.schoolKey);

            assertThat(signed.proofs()).hasSize(1);
            assertThat(verifier.verify(signed).verified()).isTrue();
        }

        @Test
        void refuses_to_sign_with_a_context_that_is_not_bundled() {
            ObjectNode document = ReportCardFixture.reportCard(3);
            ((ArrayNode) document.get("@context")).add("https://example.org/remote-context");

            assertThatThrownBy(() -> signer.sign(document, fixture.options(Cryptosuite.EDDSA_RDFC_2022), fixture.schoolKey))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("https://example.org/remote-context")
                    .hasMessageContaining("not bundled");
        }
    }
}
