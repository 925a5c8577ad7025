package vn.academicledger.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.academicledger.core.anchor.AnchoredBatch;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.status.Bitstring;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.core.status.StatusListEntry;
import vn.academicledger.core.status.StatusListSource;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/** The not-revoked check of credentials that carry a BitstringStatusListEntry: every outcome. */
class CredentialVerifierStatusListTest {
    private static final ObjectNode SUBJECT = CredentialSubjects.of(SampleClass.load().reportCards().get(0));
    private static final Instant REGISTERED = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-06-02T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final String SCHOOL_CODE = "79000701";
    private static final String SCHOOL = "did:web:thptbennghe.hcm.edu.vn";
    private static final String LIST = StatusListEntry.listUrl("http://127.0.0.1:8081", SCHOOL_CODE, 3);
    private static final int INDEX = 94_567;

    private final TestLedger ledger = new TestLedger(REGISTERED);
    private final Ed25519KeyPair key = Ed25519KeyPair.generate();
    private final DataIntegritySigner signer = new DataIntegritySigner();
    private final Map<String, JsonNode> published = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final StatusListSource source = url -> {
        fetches.incrementAndGet();
        JsonNode list = published.get(url);
        return list != null ? StatusListSource.found(list) : StatusListSource.unavailable("connection refused");
    };
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CredentialVerifier verifier = new CredentialVerifier(ledger, clock, null, source);
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    CredentialVerifierStatusListTest() {
        ledger.accreditIssuer(SCHOOL_CODE, "Trường THPT Bến Nghé", SCHOOL, List.of(key.publicKey().multibase()));
    }

    private String method() {
        return SCHOOL + "#" + key.publicKey().multibase();
    }

    /** A report card of the school with a revocation entry at {@code index} of {@link #LIST}, signed and anchored. */
    private ObjectNode issued(Cryptosuite suite, JsonNode status) {
        ObjectNode unsigned = VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .type("ReportCardCredential")
                .issuer(SCHOOL, "Trường THPT Bến Nghé")
                .validFrom(SIGNED)
                .credentialSubject(SUBJECT.deepCopy())
                .credentialStatus(status.isObject() ? (ObjectNode) status : null)
                .buildJson();
        if (status.isArray()) {
            unsigned.set("credentialStatus", status);
        }
        ObjectNode signed = signer.sign(unsigned, ProofOptions.assertion(suite, method(), SIGNED), key);
        AnchoredBatch batch = AnchoredBatch.anchor(ledger, "test", SCHOOL_CODE + "-" + digests.size(), SCHOOL_CODE,
                "ReportCardCredential", List.of(AnchoredBatch.Entry.of(signed)));
        ObjectNode credential = batch.credentials().get(0);
        digests.put(credential.get("id").asText(), HexFormat.of().formatHex(batch.digests().get(0)));
        return credential;
    }

    private ObjectNode issued(Cryptosuite suite) {
        return issued(suite, StatusListEntry.revocation(LIST, INDEX).toJson());
    }

    private ObjectNode list(Cryptosuite suite, Bitstring bits) {
        return signer.sign(StatusListCredential.builder(LIST, SCHOOL).list(bits).validFrom(SIGNED)
                .validUntil(NOW.plus(Duration.ofDays(1))).buildJson(), ProofOptions.assertion(suite, method(), SIGNED), key);
    }

    private void publish(ObjectNode list) {
        published.put(LIST, list);
    }

    private CheckResult notRevoked(ObjectNode credential) {
        VerificationReport report = verifier.verify(credential);
        for (CheckName required : List.of(CheckName.STRUCTURE, CheckName.PROOF, CheckName.ISSUER_ACCREDITED, CheckName.ANCHORED)) {
            assertThat(report.result(required).orElseThrow().status()).as(report.toString()).isEqualTo(CheckStatus.PASSED);
        }
        return report.result(CheckName.NOT_REVOKED).orElseThrow();
    }

    @Nested
    class WhenTheListIsClear {
        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void passes_naming_the_list_and_the_entry(Cryptosuite suite) {
            publish(list(suite, new Bitstring().set(INDEX + 1, true)));
            ObjectNode credential = issued(suite);

            VerificationReport report = verifier.verify(credential);

            CheckResult result = report.result(CheckName.NOT_REVOKED).orElseThrow();
            assertThat(result.status()).as(result.reason()).isEqualTo(CheckStatus.PASSED);
            assertThat(result.reason()).isEqualTo("no revocation of this credential is on the ledger, and entry 94567 of the"
                    + " issuer's status list " + LIST + " is not set");
            assertThat(result.details()).containsEntry("statusListCredential", LIST).containsEntry("statusListIndex", "94567")
                    .containsEntry("statusListValidUntil", "2026-11-26T08:00:00Z");
            assertThat(report.valid()).as(report.toString()).isTrue();
        }

        @Test
        void sees_a_revocation_as_soon_as_the_issuer_publishes_a_new_list() {
            publish(list(Cryptosuite.EDDSA_JCS_2022, new Bitstring()));
            ObjectNode credential = issued(Cryptosuite.EDDSA_JCS_2022);
            assertThat(notRevoked(credential).status()).isEqualTo(CheckStatus.PASSED);
            assertThat(notRevoked(credential).status()).isEqualTo(CheckStatus.PASSED);

            publish(list(Cryptosuite.EDDSA_JCS_2022, new Bitstring().set(INDEX, true)));

            assertThat(notRevoked(credential).status()).isEqualTo(CheckStatus.FAILED);
            assertThat(fetches).hasValue(3);
        }
    }

    @Nested
    class WhenRevoked {
        @ParameterizedTest
        @EnumSource(Cryptosuite.class)
        void in_the_status_list_fails_naming_the_list_and_the_index(Cryptosuite suite) {
            publish(list(suite, new Bitstring().set(INDEX, true)));
            ObjectNode credential = issued(suite);

            VerificationReport report = verifier.verify(credential);

            CheckResult result = report.result(CheckName.NOT_REVOKED).orElseThrow();
            assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(result.reason()).isEqualTo("revoked in the issuer's status list " + LIST
                    + ": entry 94567 is set (the ledger holds no revocation of it)");
            assertThat(result.details()).containsEntry("statusListCredential", LIST).containsEntry("statusListIndex", "94567")
                    .containsEntry("statusPurpose", "revocation").containsEntry("ledger", "no revocation recorded");
            assertThat(report.valid()).isFalse();
            assertThat(report.failures()).containsExactly(result);
        }

        @Test
        void on_the_ledger_fails_with_the_ledgers_revocation_without_reading_the_list() {
            publish(list(Cryptosuite.EDDSA_JCS_2022, new Bitstring()));
            ObjectNode credential = issued(Cryptosuite.EDDSA_JCS_2022);
            ledger.revoke(digests.get(credential.get("id").asText()), SCHOOL_CODE, "ISSUED_IN_ERROR");

            CheckResult result = notRevoked(credential);

            assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(result.reason()).startsWith("revoked on ").endsWith("(ISSUED_IN_ERROR)");
            assertThat(result.details()).containsEntry("reasonCode", "ISSUED_IN_ERROR");
            assertThat(fetches).hasValue(0);
        }
    }

    @Nested
    class WhenTheListCannotBeUsed {
        private CheckResult unknown(ObjectNode credential, String outcome) {
            VerificationReport report = verifier.verify(credential);
            CheckResult result = report.result(CheckName.NOT_REVOKED).orElseThrow();
            assertThat(result.status()).as(result.reason()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(result.reason()).startsWith("revocation status unknown: the ledger holds no revocation of this"
                    + " credential, but ");
            assertThat(result.details()).containsEntry("outcome", outcome).containsEntry("statusListCredential", LIST)
                    .containsEntry("ledger", "no revocation recorded");
            assertThat(report.valid()).as("a credential whose revocation is unknown is not valid").isFalse();
            assertThat(report.failures()).as("nor is it said to be revoked").isEmpty();
            return result;
        }

        @Test
        void unreachable_leaves_the_revocation_status_unknown() {
            CheckResult result = unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_UNREACHABLE");

            assertThat(result.reason()).contains("the status list " + LIST + " could not be fetched: connection refused")
                    .endsWith("it cannot be confirmed not revoked until its status list can be read");
        }

        @Test
        void a_source_that_throws_is_treated_as_unreachable() {
            CredentialVerifier throwing = new CredentialVerifier(ledger, clock, null, url -> {
                throw new IllegalStateException("boom");
            });

            CheckResult result = throwing.verify(issued(Cryptosuite.EDDSA_JCS_2022)).result(CheckName.NOT_REVOKED).orElseThrow();

            assertThat(result.status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(result.reason()).contains("boom");
        }

        @Test
        void a_list_changed_after_signing_is_not_trusted() {
            ObjectNode list = list(Cryptosuite.EDDSA_RDFC_2022, new Bitstring().set(INDEX, true));
            ((ObjectNode) list.get("credentialSubject")).put("encodedList", new Bitstring().encode());
            publish(list);

            CheckResult result = unknown(issued(Cryptosuite.EDDSA_RDFC_2022), "STATUS_LIST_PROOF_INVALID");

            assertThat(result.reason()).contains("does not carry a valid signature of its issuer");
        }

        @Test
        void a_list_signed_with_a_key_the_registry_does_not_list_is_not_trusted() {
            Ed25519KeyPair stranger = Ed25519KeyPair.generate();
            publish(signer.sign(StatusListCredential.builder(LIST, SCHOOL).buildJson(), ProofOptions.assertion(
                    Cryptosuite.EDDSA_JCS_2022, SCHOOL + "#" + stranger.publicKey().multibase(), SIGNED), stranger));

            unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_PROOF_INVALID");
        }

        @Test
        void a_list_of_another_school_is_not_trusted() {
            Ed25519KeyPair otherKey = Ed25519KeyPair.generate();
            String other = "did:web:thptlequydon.hcm.edu.vn";
            ledger.accreditIssuer("79000702", "Trường THPT Lê Quý Đôn", other, List.of(otherKey.publicKey().multibase()));
            publish(signer.sign(StatusListCredential.builder(LIST, other).buildJson(), ProofOptions.assertion(
                    Cryptosuite.EDDSA_JCS_2022, other + "#" + otherKey.publicKey().multibase(), SIGNED), otherKey));

            CheckResult result = unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_WRONG_ISSUER");

            assertThat(result.reason()).contains("is issued by " + other + ", not by the credential's issuer " + SCHOOL);
        }

        @Test
        void an_expired_list_is_not_trusted() {
            publish(signer.sign(StatusListCredential.builder(LIST, SCHOOL).validFrom(SIGNED).validUntil(NOW).buildJson(),
                    ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, method(), SIGNED), key));

            CheckResult result = unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_EXPIRED");

            assertThat(result.reason()).contains("expired on " + NOW);
        }

        @Test
        void a_list_not_yet_valid_is_not_trusted() {
            publish(signer.sign(StatusListCredential.builder(LIST, SCHOOL).validFrom(NOW.plusSeconds(60)).buildJson(),
                    ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, method(), SIGNED), key));

            unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_NOT_YET_VALID");
        }

        @Test
        void another_list_of_the_same_school_served_at_the_url_is_not_trusted() {
            String otherList = StatusListEntry.listUrl("http://127.0.0.1:8081", SCHOOL_CODE, 4);
            publish(signer.sign(StatusListCredential.builder(otherList, SCHOOL).buildJson(),
                    ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, method(), SIGNED), key));

            CheckResult result = unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_NOT_THE_NAMED_LIST");

            assertThat(result.reason()).contains("is the status list " + otherList);
        }

        @Test
        void a_list_for_another_purpose_is_not_used() {
            publish(signer.sign(StatusListCredential.builder(LIST, SCHOOL).statusPurpose("suspension").buildJson(),
                    ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, method(), SIGNED), key));

            unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_PURPOSE_MISMATCH");
        }

        @Test
        void an_index_beyond_the_list_is_unknown() {
            publish(list(Cryptosuite.EDDSA_JCS_2022, new Bitstring()));

            CheckResult result = unknown(issued(Cryptosuite.EDDSA_JCS_2022,
                    StatusListEntry.revocation(LIST, 131_072).toJson()), "STATUS_LIST_INDEX_OUT_OF_RANGE");

            assertThat(result.reason()).contains("index 131072 is beyond the status list");
        }

        @Test
        void a_document_that_is_not_a_status_list_is_unknown() {
            publish(issued(Cryptosuite.EDDSA_JCS_2022));

            unknown(issued(Cryptosuite.EDDSA_JCS_2022), "STATUS_LIST_MALFORMED");
        }

        @Test
        void a_revoked_entry_in_one_list_outweighs_an_unreachable_other() {
            publish(list(Cryptosuite.EDDSA_JCS_2022, new Bitstring().set(INDEX, true)));
            String unreachable = StatusListEntry.listUrl("http://127.0.0.1:8081", SCHOOL_CODE, 9);
            ArrayNode entries = JsonNodeFactory.instance.arrayNode()
                    .add(StatusListEntry.revocation(unreachable, 1).toJson())
                    .add(StatusListEntry.revocation(LIST, INDEX).toJson());

            CheckResult result = notRevoked(issued(Cryptosuite.EDDSA_JCS_2022, entries));

            assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(result.details()).containsEntry("statusListCredential", LIST);
        }
    }

    @Nested
    class WithoutAStatusListSource {
        @Test
        void passes_on_the_ledger_alone_and_says_the_list_was_not_read() {
            CredentialVerifier ledgerOnly = new CredentialVerifier(ledger, clock, null);

            CheckResult result = ledgerOnly.verify(issued(Cryptosuite.EDDSA_JCS_2022)).result(CheckName.NOT_REVOKED)
                    .orElseThrow();

            assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(result.reason()).contains("its status list was not read");
            assertThat(result.details()).containsEntry("statusList", "not read").containsEntry("statusListIndex", "94567");
            assertThat(fetches).hasValue(0);
        }
    }

    @Nested
    class WithoutAStatusEntry {
        @Test
        void passes_on_the_ledger_alone_as_before_and_fetches_nothing() {
            ObjectNode unsigned = VerifiableCredential.builder().context(BundledContexts.ACADEMIC_LEDGER_V1)
                    .type("ReportCardCredential").issuer(SCHOOL).credentialSubject(SUBJECT.deepCopy()).buildJson();
            ObjectNode signed = signer.sign(unsigned, ProofOptions.assertion(Cryptosuite.EDDSA_RDFC_2022, method(), SIGNED), key);
            ObjectNode credential = AnchoredBatch.anchor(ledger, "test", SCHOOL_CODE + "-plain", SCHOOL_CODE,
                    "ReportCardCredential", List.of(AnchoredBatch.Entry.of(signed))).credentials().get(0);

            VerificationReport report = verifier.verify(credential);

            assertThat(report.valid()).as(report.toString()).isTrue();
            assertThat(report.result(CheckName.NOT_REVOKED).orElseThrow().reason())
                    .isEqualTo("no revocation of this credential is on the ledger");
            assertThat(fetches).hasValue(0);
        }
    }
}
