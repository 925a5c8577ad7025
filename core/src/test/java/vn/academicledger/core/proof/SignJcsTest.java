package vn.academicledger.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.json.Jcs;

/** The one-serialization eddsa-jcs-2022 signing used by bulk issuance gives what {@code sign} gives. */
class SignJcsTest {
    private final ReportCardFixture fixture = new ReportCardFixture();
    private final DataIntegritySigner signer = new DataIntegritySigner();
    private final DataIntegrityVerifier verifier = new DataIntegrityVerifier(fixture.didDocuments.or(DidResolver.didKey()));

    @Test
    void sameProofAndCanonicalBytesAsSign() {
        for (int n = 0; n < 25; n++) {
            ObjectNode document = ReportCardFixture.reportCard(n);
            ProofOptions options = fixture.options(Cryptosuite.EDDSA_JCS_2022);
            DataIntegritySigner.SignedJcs fast = signer.signJcs(document, options, fixture.schoolKey);
            ObjectNode reference = signer.sign(document, options, fixture.schoolKey);
            // Ed25519 signatures are deterministic: the same hash gives the same proofValue.
            assertThat(fast.document()).isEqualTo(reference);
            assertThat(fast.canonical()).isEqualTo(Jcs.canonicalize(reference));
            assertThat(verifier.verify(fast.document()).verified()).isTrue();
        }
    }

    @Test
    void membersAssembleTheCanonicalObjectWhereverTheAddedMemberSorts() {
        ObjectNode object = Suite.NODES.objectNode();
        object.put("b", "β");
        object.putObject("d").put("z", 1).put("a", "\u0001");
        object.putArray("f").add(2.5).add("x");
        for (String name : new String[]{"a", "c", "e", "g", "\u00e9", "A"}) {
            ObjectNode with = object.deepCopy();
            with.put(name, "added");
            assertThat(Jcs.Members.of(object).with(name, Suite.NODES.textNode("added")).toBytes())
                    .as(name).isEqualTo(Jcs.canonicalize(with));
        }
        assertThat(Jcs.Members.of(object).toBytes()).isEqualTo(Jcs.canonicalize(object));
        assertThat(Jcs.Members.of(Suite.NODES.objectNode()).toBytes()).isEqualTo(Jcs.canonicalize(Suite.NODES.objectNode()));
        assertThatThrownBy(() -> Jcs.Members.of(object).with("b", Suite.NODES.nullNode()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOtherSuitesAndSignedDocuments() {
        ObjectNode document = ReportCardFixture.reportCard(1);
        assertThatThrownBy(() -> signer.signJcs(document, fixture.options(Cryptosuite.EDDSA_RDFC_2022), fixture.schoolKey))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode signed = signer.sign(document, fixture.options(Cryptosuite.EDDSA_JCS_2022), fixture.schoolKey);
        assertThatThrownBy(() -> signer.signJcs(signed, fixture.options(Cryptosuite.EDDSA_JCS_2022), fixture.schoolKey))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
