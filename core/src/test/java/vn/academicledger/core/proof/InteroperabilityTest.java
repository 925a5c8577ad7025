package vn.academicledger.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.did.DidDocumentStore;

/** Credentials issued by another implementation (Digital Bazaar's JavaScript libraries) verify here. */
class InteroperabilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-jcs-2022"})
    void verifies_a_report_card_signed_with_digital_bazaars_libraries(String cryptosuite) {
        DidDocumentStore dids = new DidDocumentStore();
        dids.put(Vectors.parse(Vectors.resource("/vectors/digitalbazaar/did.json")));
        DataIntegrityVerifier verifier = new DataIntegrityVerifier(dids);
        ObjectNode signed = Vectors.parse(Vectors.resource("/vectors/digitalbazaar/signed-" + cryptosuite + ".json"));

        VerificationReport report = verifier.verify(signed);

        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.proofs().get(0).cryptosuite()).isEqualTo(cryptosuite);

        ((ObjectNode) signed.at("/credentialSubject/reportCard/subjectResults/2")).put("averageSemester1", "10.0");
        assertThat(verifier.verify(signed).proofs().get(0).outcome()).isEqualTo(ProofResult.Outcome.SIGNATURE_MISMATCH);
    }
}
