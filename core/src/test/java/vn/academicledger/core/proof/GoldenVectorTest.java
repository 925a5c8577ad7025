package vn.academicledger.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Hex;
import vn.academicledger.core.crypto.Multibase;
import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.vc.BundledContexts;

/**
 * The published test vectors of "Data Integrity EdDSA Cryptosuites v1.0", reproduced byte for
 * byte: canonical forms, hashes, signature and proofValue.
 */
class GoldenVectorTest {
    private static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");
    private final DataIntegritySigner signer = new DataIntegritySigner();
    private final DataIntegrityVerifier verifier = new DataIntegrityVerifier(DidResolver.didKey()).withoutIssuerBinding();

    @Nested
    class EddsaJcs2022 {
        private final Suite suite = Suites.of(BundledContexts.shared()).get(Cryptosuite.EDDSA_JCS_2022);

        @Test
        void reproduces_the_canonical_document_and_its_hash() {
            String canonical = suite.canonicalDocument(Vectors.json("unsigned.json"));

            assertThat(canonical).isEqualTo(Vectors.text("eddsa-jcs-2022/canonDocJCS.txt").strip());
            assertThat(Hex.encode(Sha256.digest(canonical))).isEqualTo(Vectors.text("eddsa-jcs-2022/docHashJCS.txt").strip());
        }

        @Test
        void reproduces_the_canonical_proof_configuration_and_its_hash() {
            ObjectNode unsigned = Vectors.json("unsigned.json");
            ObjectNode proof = suite.proofFor(unsigned, DataIntegritySigner.optionsNode(options()));

            assertThat(proof).isEqualTo(Vectors.json("eddsa-jcs-2022/proofConfigJCS.json"));
            String canonical = suite.canonicalProofConfig(unsigned, proof);
            assertThat(canonical).isEqualTo(Vectors.text("eddsa-jcs-2022/proofCanonJCS.txt").strip());
            assertThat(Hex.encode(Sha256.digest(canonical))).isEqualTo(Vectors.text("eddsa-jcs-2022/proofHashJCS.txt").strip());
        }

        @Test
        void reproduces_the_combined_hash_signature_and_proof_value() {
            ObjectNode unsigned = Vectors.json("unsigned.json");
            ObjectNode proof = suite.proofFor(unsigned, DataIntegritySigner.optionsNode(options()));

            byte[] hashData = suite.hashData(unsigned, proof);
            assertThat(Hex.encode(hashData)).isEqualTo(Vectors.text("eddsa-jcs-2022/combinedHashJCS.txt").strip());
            byte[] signature = Vectors.keyPair().sign(hashData);
            assertThat(Hex.encode(signature)).isEqualTo(Vectors.text("eddsa-jcs-2022/sigHexJCS.txt").strip());
            assertThat(Multibase.encodeBase58Btc(signature)).isEqualTo(Vectors.text("eddsa-jcs-2022/sigBTC58JCS.txt").strip());
        }

        @Test
        void signs_the_unsigned_credential_into_the_published_signed_credential() {
            ObjectNode signed = signer.sign(Vectors.json("unsigned.json"), options(), Vectors.keyPair());

            assertThat(signed).isEqualTo(Vectors.json("eddsa-jcs-2022/signedJCS.json"));
        }

        @Test
        void verifies_the_published_signed_credential() {
            VerificationReport report = verifier.verify(Vectors.json("eddsa-jcs-2022/signedJCS.json"));

            assertThat(report.verified()).isTrue();
            assertThat(report.proofs()).singleElement().satisfies(p -> {
                assertThat(p.cryptosuite()).isEqualTo("eddsa-jcs-2022");
                assertThat(p.verificationMethod()).isEqualTo(Vectors.VERIFICATION_METHOD);
                assertThat(p.outcome()).isEqualTo(ProofResult.Outcome.VALID);
            });
        }

        private ProofOptions options() {
            return ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, Vectors.VERIFICATION_METHOD, CREATED);
        }
    }

    @Nested
    class EddsaRdfc2022 {
        private final Suite suite = Suites.of(BundledContexts.shared()).get(Cryptosuite.EDDSA_RDFC_2022);

        @Test
        void reproduces_the_canonical_n_quads_of_the_document_and_their_hash() {
            String canonical = suite.canonicalDocument(Vectors.json("unsigned.json"));

            assertThat(canonical).isEqualTo(Vectors.text("eddsa-rdfc-2022/canonDocDataInt.txt"));
            assertThat(Hex.encode(Sha256.digest(canonical))).isEqualTo(Vectors.text("eddsa-rdfc-2022/docHashDataInt.txt").strip());
        }

        @Test
        void reproduces_the_canonical_proof_configuration_and_its_hash() {
            ObjectNode unsigned = Vectors.json("unsigned.json");
            ObjectNode proof = suite.proofFor(unsigned, DataIntegritySigner.optionsNode(options()));

            String canonical = suite.canonicalProofConfig(unsigned, proof);
            assertThat(canonical).isEqualTo(Vectors.text("eddsa-rdfc-2022/proofCanonDataInt.txt"));
            assertThat(Hex.encode(Sha256.digest(canonical))).isEqualTo(Vectors.text("eddsa-rdfc-2022/proofHashDataInt.txt").strip());
        }

        @Test
        void reproduces_the_combined_hash_signature_and_proof_value() {
            ObjectNode unsigned = Vectors.json("unsigned.json");
            ObjectNode proof = suite.proofFor(unsigned, DataIntegritySigner.optionsNode(options()));

            byte[] hashData = suite.hashData(unsigned, proof);
            assertThat(Hex.encode(hashData)).isEqualTo(Vectors.text("eddsa-rdfc-2022/combinedHashDataInt.txt").strip());
            byte[] signature = Vectors.keyPair().sign(hashData);
            assertThat(Hex.encode(signature)).isEqualTo(Vectors.text("eddsa-rdfc-2022/sigHexDataInt.txt").strip());
            assertThat(Multibase.encodeBase58Btc(signature)).isEqualTo(Vectors.text("eddsa-rdfc-2022/sigBTC58DataInt.txt").strip());
        }

        @Test
        void signs_the_unsigned_credential_into_the_published_signed_credential() {
            ObjectNode signed = signer.sign(Vectors.json("unsigned.json"), options(), Vectors.keyPair());

            assertThat(signed).isEqualTo(Vectors.json("eddsa-rdfc-2022/signedDataInt.json"));
        }

        @Test
        void verifies_the_published_signed_credential() {
            VerificationReport report = verifier.verify(Vectors.json("eddsa-rdfc-2022/signedDataInt.json"));

            assertThat(report.verified()).isTrue();
            assertThat(report.proofs()).singleElement()
                    .satisfies(p -> assertThat(p.outcome()).isEqualTo(ProofResult.Outcome.VALID));
        }

        private ProofOptions options() {
            return ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, Vectors.VERIFICATION_METHOD, CREATED);
        }
    }
}
