package vn.academicledger.ledger.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.IssuerStatus;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;

/**
 * The contract's behaviour as any {@link LedgerPort} must show it, written against the port only.
 * It runs against the embedded ledger here and, through the gateway adapter, against a live
 * Fabric network: extend it and implement {@link #connect(ClientIdentity)}.
 *
 * <p>A live network keeps its state between runs, so every school code, DID, batch id and digest
 * is new in each run (a random run tag plus a counter). The identities the suite asks for are:
 * <ul>
 *   <li>department administrators: {@code DepartmentMSP}, {@code role=admin};</li>
 *   <li>school issuers: {@code DepartmentMSP}, {@code role=issuer}, {@code schoolCode=<a fresh code>}
 *       (a live implementation registers and enrols these with Fabric CA on demand);</li>
 *   <li>Ministry clients: {@code MinistryMSP} with {@code role=auditor} or {@code role=admin};</li>
 *   <li>optionally a client of an organisation outside the channel ({@link #outsider()}).</li>
 * </ul>
 * The factory must return a port whose certificate carries exactly that MSP and those attributes.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class LedgerContractSuite {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    /** Unique to this run of the suite: a live network still holds the codes of earlier runs. */
    private static final String RUN = Long.toString(Math.abs(RANDOM.nextLong() % 2_821_109_907_456L), 36)
            .toUpperCase(Locale.ROOT);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final List<LedgerPort> ports = new ArrayList<>();

    /**
     * A port that submits as {@code identity}. Called many times per test; the suite closes every
     * port it was given after each test.
     */
    protected abstract LedgerPort connect(ClientIdentity identity);

    /**
     * A client of an organisation that is not a member of the channel, or empty where the ledger
     * cannot even connect such a client (a live network's gateway refuses it before the contract).
     */
    protected Optional<ClientIdentity> outsider() {
        return Optional.of(new ClientIdentity("OutsiderMSP", "CN=outsider-client", Map.of("role", "admin")));
    }

    @AfterEach
    void closePorts() {
        ports.forEach(LedgerPort::close);
        ports.clear();
    }

    // ------------------------------------------------------------------ fixtures

    protected final LedgerPort port(ClientIdentity identity) {
        LedgerPort port = connect(identity);
        ports.add(port);
        return port;
    }

    protected final LedgerPort admin() {
        return port(ClientIdentity.departmentAdmin("CN=suite-department-admin"));
    }

    protected final LedgerPort issuerOf(String schoolCode) {
        return port(ClientIdentity.schoolIssuer("CN=suite-issuer-" + schoolCode.toLowerCase(Locale.ROOT), schoolCode));
    }

    protected final LedgerPort ministry(String role) {
        return port(new ClientIdentity(ClientIdentity.MINISTRY_MSP, "CN=suite-ministry-" + role,
                Map.of(ClientIdentity.ROLE, role)));
    }

    protected static String newSchoolCode() {
        return "S" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    protected static String didOf(String schoolCode) {
        return "did:web:schools.hcm.edu.vn:" + schoolCode.toLowerCase(Locale.ROOT);
    }

    protected static String newPublicKey() {
        StringBuilder key = new StringBuilder("z6Mk");
        for (int i = 0; i < 44; i++) {
            key.append(BASE58.charAt(RANDOM.nextInt(BASE58.length())));
        }
        return key.toString();
    }

    protected static String newHex256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    protected static String newBatchId() {
        return "batch-" + RUN.toLowerCase(Locale.ROOT) + "-" + SEQUENCE.incrementAndGet();
    }

    /** Accredits a fresh school and returns its code. */
    protected final String accreditedSchool() {
        String code = newSchoolCode();
        admin().accreditIssuer(code, "Trường THPT " + code, didOf(code), List.of(newPublicKey()));
        return code;
    }

    protected static AnchorRequest request(String issuerCode) {
        return new AnchorRequest(newBatchId(), newHex256(), issuerCode, 40, "ReportCard");
    }

    protected static void assertRefused(ThrowingCallable call, LedgerErrorCode expected) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.errorCode())
                        .as("error code of: %s", e.getMessage())
                        .isEqualTo(expected));
    }

    // ------------------------------------------------------------------ AccreditIssuer

    @Nested
    class AccreditIssuer {
        private String code;
        private String key;

        @BeforeEach
        void newSchool() {
            code = newSchoolCode();
            key = newPublicKey();
        }

        @Test
        void a_department_admin_accredits_a_new_school() {
            IssuerRecord issuer = admin().accreditIssuer(code, "Trường THPT Lê Hồng Phong", didOf(code), List.of(key));

            assertThat(issuer.schoolCode()).isEqualTo(code);
            assertThat(issuer.name()).isEqualTo("Trường THPT Lê Hồng Phong");
            assertThat(issuer.did()).isEqualTo(didOf(code));
            assertThat(issuer.publicKeysMultibase()).containsExactly(key);
            assertThat(issuer.status()).isEqualTo(IssuerStatus.ACCREDITED);
            assertThat(issuer.txId()).matches("[0-9a-f]{64}");
            assertThat(issuer.changedAt()).isNotNull();
        }

        @Test
        void the_school_can_then_be_found_by_code_and_by_did() {
            IssuerRecord issuer = admin().accreditIssuer(code, "Trường THCS " + code, didOf(code), List.of(key));

            assertThat(admin().findIssuer(code)).contains(issuer);
            assertThat(ministry("auditor").findIssuerByDid(didOf(code))).contains(issuer);
        }

        @Test
        void a_school_code_already_registered_is_refused() {
            admin().accreditIssuer(code, "Trường A", didOf(code), List.of(key));

            assertRefused(() -> admin().accreditIssuer(code, "Trường B", didOf(code) + "-2", List.of(newPublicKey())),
                    LedgerErrorCode.ISSUER_ALREADY_EXISTS);
        }

        @Test
        void a_did_already_registered_to_another_school_is_refused() {
            admin().accreditIssuer(code, "Trường A", didOf(code), List.of(key));
            String other = newSchoolCode();

            assertRefused(() -> admin().accreditIssuer(other, "Trường B", didOf(code), List.of(newPublicKey())),
                    LedgerErrorCode.ISSUER_ALREADY_EXISTS);
            assertThat(admin().findIssuer(other)).isEmpty();
        }

        @Test
        void a_ministry_client_may_not_accredit_even_as_an_admin() {
            assertRefused(() -> ministry("admin").accreditIssuer(code, "Trường A", didOf(code), List.of(key)),
                    LedgerErrorCode.NOT_AUTHORIZED);
            assertThat(admin().findIssuer(code)).isEmpty();
        }

        @Test
        void a_school_issuer_may_not_accredit() {
            String school = accreditedSchool();

            assertRefused(() -> issuerOf(school).accreditIssuer(code, "Trường A", didOf(code), List.of(key)),
                    LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void malformed_arguments_are_refused_and_nothing_is_written() {
            LedgerPort admin = admin();
            List<String> keys = List.of(key);

            assertRefused(() -> admin.accreditIssuer("bad code!", "Trường A", didOf(code), keys), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> admin.accreditIssuer(code + "~X", "Trường A", didOf(code), keys), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> admin.accreditIssuer(code, "  ", didOf(code), keys), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> admin.accreditIssuer(code, "Trường A", "web:not-a-did", keys), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> admin.accreditIssuer(code, "Trường A", didOf(code), List.of()), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> admin.accreditIssuer(code, "Trường A", didOf(code), List.of("0xNotMultibase")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> admin.accreditIssuer(code, "Trường A", didOf(code), List.of(key, key)),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertThat(admin.findIssuer(code)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ UpdateIssuerKeys

    @Nested
    class UpdateIssuerKeys {
        @Test
        void a_department_admin_rotates_a_school_keys() {
            String code = accreditedSchool();
            String newKey = newPublicKey();

            IssuerRecord updated = admin().updateIssuerKeys(code, List.of(newKey));

            assertThat(updated.publicKeysMultibase()).containsExactly(newKey);
            assertThat(updated.status()).isEqualTo(IssuerStatus.ACCREDITED);
            assertThat(admin().findIssuer(code)).contains(updated);
        }

        @Test
        void an_unknown_school_is_refused() {
            assertRefused(() -> admin().updateIssuerKeys(newSchoolCode(), List.of(newPublicKey())),
                    LedgerErrorCode.ISSUER_NOT_FOUND);
        }

        @Test
        void the_school_itself_may_not_change_its_keys() {
            String code = accreditedSchool();

            assertRefused(() -> issuerOf(code).updateIssuerKeys(code, List.of(newPublicKey())),
                    LedgerErrorCode.NOT_AUTHORIZED);
        }
    }

    // ------------------------------------------------------------------ SuspendIssuer / ReinstateIssuer

    @Nested
    class SuspendIssuer {
        @Test
        void a_suspended_school_may_no_longer_anchor() {
            String code = accreditedSchool();

            IssuerRecord suspended = admin().suspendIssuer(code, "UNDER_INVESTIGATION");

            assertThat(suspended.status()).isEqualTo(IssuerStatus.SUSPENDED);
            assertThat(suspended.reason()).isEqualTo("UNDER_INVESTIGATION");
            assertRefused(() -> issuerOf(code).anchorBatch(request(code)), LedgerErrorCode.ISSUER_SUSPENDED);
        }

        @Test
        void a_suspended_school_may_no_longer_revoke_but_the_department_still_may() {
            String code = accreditedSchool();
            admin().suspendIssuer(code, "UNDER_INVESTIGATION");
            String digest = newHex256();

            assertRefused(() -> issuerOf(code).revoke(digest, code, "FRAUD"), LedgerErrorCode.ISSUER_SUSPENDED);
            assertThat(admin().revoke(digest, code, "FRAUD").issuerCode()).isEqualTo(code);
        }

        @Test
        void suspending_a_suspended_school_changes_nothing() {
            String code = accreditedSchool();
            IssuerRecord first = admin().suspendIssuer(code, "UNDER_INVESTIGATION");

            IssuerRecord again = admin().suspendIssuer(code, "UNDER_INVESTIGATION");

            assertThat(again).isEqualTo(first);
            assertThat(admin().issuerHistory(code)).hasSize(2);
        }

        @Test
        void an_unknown_school_is_refused() {
            assertRefused(() -> admin().suspendIssuer(newSchoolCode(), "UNDER_INVESTIGATION"),
                    LedgerErrorCode.ISSUER_NOT_FOUND);
        }

        @Test
        void a_ministry_client_may_not_suspend() {
            String code = accreditedSchool();

            assertRefused(() -> ministry("admin").suspendIssuer(code, "UNDER_INVESTIGATION"),
                    LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void a_free_text_reason_is_refused_as_it_might_hold_personal_data() {
            String code = accreditedSchool();

            assertRefused(() -> admin().suspendIssuer(code, "Hiệu trưởng Nguyễn Văn A bị điều tra"),
                    LedgerErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class ReinstateIssuer {
        @Test
        void a_reinstated_school_anchors_again() {
            String code = accreditedSchool();
            admin().suspendIssuer(code, "UNDER_INVESTIGATION");

            IssuerRecord reinstated = admin().reinstateIssuer(code, "INVESTIGATION_CLOSED");

            assertThat(reinstated.status()).isEqualTo(IssuerStatus.ACCREDITED);
            assertThat(issuerOf(code).anchorBatch(request(code)).issuerCode()).isEqualTo(code);
        }

        @Test
        void the_school_itself_may_not_lift_its_suspension() {
            String code = accreditedSchool();
            admin().suspendIssuer(code, "UNDER_INVESTIGATION");

            assertRefused(() -> issuerOf(code).reinstateIssuer(code, "INVESTIGATION_CLOSED"),
                    LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void an_unknown_school_is_refused() {
            assertRefused(() -> admin().reinstateIssuer(newSchoolCode(), "INVESTIGATION_CLOSED"),
                    LedgerErrorCode.ISSUER_NOT_FOUND);
        }
    }

    // ------------------------------------------------------------------ AnchorBatch

    @Nested
    class AnchorBatch {
        private String school;

        @BeforeEach
        void accredit() {
            school = accreditedSchool();
        }

        @Test
        void the_school_anchors_a_batch_of_its_own() {
            AnchorRequest request = request(school);

            BatchAnchor anchor = issuerOf(school).anchorBatch(request);

            assertThat(anchor.batchId()).isEqualTo(request.batchId());
            assertThat(anchor.merkleRootHex()).isEqualTo(request.merkleRootHex());
            assertThat(anchor.issuerCode()).isEqualTo(school);
            assertThat(anchor.credentialCount()).isEqualTo(40);
            assertThat(anchor.credentialType()).isEqualTo("ReportCard");
            assertThat(anchor.txId()).matches("[0-9a-f]{64}");
            assertThat(anchor.anchoredAt()).isNotNull();
        }

        @Test
        void anyone_on_the_channel_then_finds_the_batch() {
            BatchAnchor anchor = issuerOf(school).anchorBatch(request(school));

            assertThat(ministry("auditor").findBatch(anchor.batchId())).contains(anchor);
            assertThat(admin().findBatch(anchor.batchId())).contains(anchor);
        }

        @Test
        void an_upper_case_root_is_stored_in_lower_case() {
            String root = newHex256();
            AnchorRequest request = new AnchorRequest(newBatchId(), root.toUpperCase(Locale.ROOT), school, 3, "Diploma");

            assertThat(issuerOf(school).anchorBatch(request).merkleRootHex()).isEqualTo(root);
        }

        @Test
        void anchoring_the_same_batch_again_returns_the_first_anchor() {
            AnchorRequest request = request(school);
            BatchAnchor first = issuerOf(school).anchorBatch(request);

            BatchAnchor again = issuerOf(school).anchorBatch(request);

            assertThat(again).isEqualTo(first);
            assertThat(admin().history("batch~" + request.batchId())).hasSize(1);
        }

        @Test
        void the_same_batch_id_with_another_root_is_a_conflict() {
            AnchorRequest request = request(school);
            BatchAnchor first = issuerOf(school).anchorBatch(request);

            assertRefused(() -> issuerOf(school).anchorBatch(new AnchorRequest(request.batchId(), newHex256(), school,
                    request.credentialCount(), request.credentialType())), LedgerErrorCode.BATCH_CONFLICT);
            assertRefused(() -> issuerOf(school).anchorBatch(new AnchorRequest(request.batchId(),
                    request.merkleRootHex(), school, 41, request.credentialType())), LedgerErrorCode.BATCH_CONFLICT);
            assertThat(admin().findBatch(request.batchId())).contains(first);
        }

        @Test
        void a_batch_id_taken_by_another_school_is_a_conflict() {
            AnchorRequest request = request(school);
            issuerOf(school).anchorBatch(request);
            String other = accreditedSchool();

            assertRefused(() -> issuerOf(other).anchorBatch(new AnchorRequest(request.batchId(), request.merkleRootHex(),
                    other, request.credentialCount(), request.credentialType())), LedgerErrorCode.BATCH_CONFLICT);
        }

        @Test
        void school_b_may_not_anchor_for_school_a() {
            String schoolB = accreditedSchool();

            assertRefused(() -> issuerOf(schoolB).anchorBatch(request(school)), LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void an_unknown_school_may_not_anchor() {
            String unknown = newSchoolCode();

            assertRefused(() -> issuerOf(unknown).anchorBatch(request(unknown)), LedgerErrorCode.ISSUER_NOT_FOUND);
        }

        @Test
        void a_department_admin_or_a_ministry_client_may_not_anchor() {
            assertRefused(() -> admin().anchorBatch(request(school)), LedgerErrorCode.NOT_AUTHORIZED);
            assertRefused(() -> ministry("admin").anchorBatch(request(school)), LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void malformed_arguments_are_refused() {
            LedgerPort issuer = issuerOf(school);
            String root = newHex256();

            assertRefused(() -> issuer.anchorBatch(new AnchorRequest(newBatchId(), root.substring(1), school, 1, "ReportCard")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.anchorBatch(new AnchorRequest(newBatchId(), "g" + root.substring(1), school, 1, "ReportCard")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.anchorBatch(new AnchorRequest(newBatchId(), root, school, 0, "ReportCard")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.anchorBatch(new AnchorRequest(newBatchId(), root, school, -5, "ReportCard")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.anchorBatch(new AnchorRequest("batch with spaces", root, school, 1, "ReportCard")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.anchorBatch(new AnchorRequest(newBatchId(), root, school, 1, "")),
                    LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.anchorBatch(new AnchorRequest(newBatchId(), root, "", 1, "ReportCard")),
                    LedgerErrorCode.INVALID_ARGUMENT);
        }
    }

    // ------------------------------------------------------------------ Revoke

    @Nested
    class Revoke {
        private String school;
        private String digest;

        @BeforeEach
        void accredit() {
            school = accreditedSchool();
            digest = newHex256();
        }

        @Test
        void the_school_revokes_its_own_credential() {
            Revocation revocation = issuerOf(school).revoke(digest, school, "ISSUED_IN_ERROR");

            assertThat(revocation.credentialDigestHex()).isEqualTo(digest);
            assertThat(revocation.issuerCode()).isEqualTo(school);
            assertThat(revocation.reasonCode()).isEqualTo("ISSUED_IN_ERROR");
            assertThat(revocation.revokedAt()).isNotNull();
            assertThat(revocation.txId()).matches("[0-9a-f]{64}");
            assertThat(ministry("auditor").findRevocation(digest)).contains(revocation);
        }

        @Test
        void the_ledger_names_who_revoked_by_role_not_by_name() {
            Revocation revocation = issuerOf(school).revoke(digest, school, "SUPERSEDED");

            assertThat(revocation.revokedBy()).isEqualTo("DepartmentMSP/issuer/" + school);
            assertThat(revocation.revokedBy()).doesNotContain("CN=");
        }

        @Test
        void a_department_admin_revokes_for_any_school() {
            Revocation revocation = admin().revoke(digest, school, "FRAUD");

            assertThat(revocation.revokedBy()).isEqualTo("DepartmentMSP/admin");
            assertThat(admin().findRevocation(digest)).contains(revocation);
        }

        @Test
        void revoking_twice_is_refused() {
            issuerOf(school).revoke(digest, school, "ISSUED_IN_ERROR");

            assertRefused(() -> issuerOf(school).revoke(digest, school, "ISSUED_IN_ERROR"), LedgerErrorCode.ALREADY_REVOKED);
            assertRefused(() -> admin().revoke(digest.toUpperCase(Locale.ROOT), school, "FRAUD"),
                    LedgerErrorCode.ALREADY_REVOKED);
        }

        @Test
        void school_b_may_not_revoke_for_school_a() {
            String schoolB = accreditedSchool();

            assertRefused(() -> issuerOf(schoolB).revoke(digest, school, "FRAUD"), LedgerErrorCode.NOT_AUTHORIZED);
            assertThat(admin().findRevocation(digest)).isEmpty();
        }

        @Test
        void a_ministry_client_may_not_revoke() {
            assertRefused(() -> ministry("admin").revoke(digest, school, "FRAUD"), LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void an_unknown_school_is_refused() {
            String unknown = newSchoolCode();

            assertRefused(() -> admin().revoke(digest, unknown, "FRAUD"), LedgerErrorCode.ISSUER_NOT_FOUND);
            assertRefused(() -> issuerOf(unknown).revoke(digest, unknown, "FRAUD"), LedgerErrorCode.ISSUER_NOT_FOUND);
        }

        @Test
        void malformed_arguments_are_refused() {
            LedgerPort issuer = issuerOf(school);

            assertRefused(() -> issuer.revoke(digest.substring(2), school, "FRAUD"), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.revoke("not-hex-at-all", school, "FRAUD"), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.revoke(digest, school, "fraud by student"), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> issuer.revoke(digest, school, null), LedgerErrorCode.INVALID_ARGUMENT);
            assertThat(admin().findRevocation(digest)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ queries and history

    @Nested
    class Queries {
        @Test
        void nothing_is_found_under_unknown_codes_dids_batches_or_digests() {
            LedgerPort reader = ministry("auditor");
            String unknown = newSchoolCode();

            assertThat(reader.findIssuer(unknown)).isEmpty();
            assertThat(reader.findIssuerByDid(didOf(unknown))).isEmpty();
            assertThat(reader.issuerHistory(unknown)).isEmpty();
            assertThat(reader.findBatch(newBatchId())).isEmpty();
            assertThat(reader.findRevocation(newHex256())).isEmpty();
            assertThat(reader.history("batch~" + newBatchId())).isEmpty();
        }

        @Test
        void a_school_issuer_reads_too() {
            String code = accreditedSchool();

            assertThat(issuerOf(code).findIssuer(code)).isPresent();
        }

        @Test
        void a_client_outside_the_channel_organisations_reads_nothing() {
            Optional<ClientIdentity> outsider = outsider();
            assumeTrue(outsider.isPresent(), "this ledger refuses such clients before the contract runs");
            String code = accreditedSchool();

            assertRefused(() -> port(outsider.get()).findIssuer(code), LedgerErrorCode.NOT_AUTHORIZED);
            assertRefused(() -> port(outsider.get()).accreditIssuer(newSchoolCode(), "Trường X", didOf(code) + "-x",
                    List.of(newPublicKey())), LedgerErrorCode.NOT_AUTHORIZED);
        }

        @Test
        void malformed_query_arguments_are_refused() {
            LedgerPort reader = ministry("auditor");

            assertRefused(() -> reader.findIssuer("not a code"), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> reader.findIssuerByDid("not-a-did"), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> reader.findRevocation("abc"), LedgerErrorCode.INVALID_ARGUMENT);
            assertRefused(() -> reader.history(""), LedgerErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class History {
        @Test
        void the_issuer_history_lists_every_version_oldest_first() {
            String code = accreditedSchool();
            String rotated = newPublicKey();
            admin().suspendIssuer(code, "UNDER_INVESTIGATION");
            admin().reinstateIssuer(code, "INVESTIGATION_CLOSED");
            admin().updateIssuerKeys(code, List.of(rotated));

            List<IssuerRecord> history = ministry("auditor").issuerHistory(code);

            assertThat(history).extracting(IssuerRecord::status).containsExactly(IssuerStatus.ACCREDITED,
                    IssuerStatus.SUSPENDED, IssuerStatus.ACCREDITED, IssuerStatus.ACCREDITED);
            assertThat(history).extracting(IssuerRecord::reason).containsExactly(null, "UNDER_INVESTIGATION",
                    "INVESTIGATION_CLOSED", "INVESTIGATION_CLOSED");
            assertThat(history.get(3).publicKeysMultibase()).containsExactly(rotated);
            assertThat(history).extracting(IssuerRecord::txId).doesNotHaveDuplicates();
        }

        @Test
        void the_raw_history_of_a_key_holds_the_json_each_transaction_wrote() {
            String school = accreditedSchool();
            BatchAnchor anchor = issuerOf(school).anchorBatch(request(school));

            List<HistoryEntry> history = admin().history("batch~" + anchor.batchId());

            assertThat(history).singleElement().satisfies(entry -> {
                assertThat(entry.txId()).isEqualTo(anchor.txId());
                assertThat(entry.deleted()).isFalse();
                assertThat(entry.valueJson()).contains("\"merkleRootHex\":\"" + anchor.merkleRootHex() + "\"");
            });
        }

        @Test
        void the_did_index_key_points_at_the_school() {
            String school = accreditedSchool();

            List<HistoryEntry> history = admin().history("issuerdid~" + didOf(school));

            assertThat(history).singleElement()
                    .extracting(HistoryEntry::valueJson)
                    .isEqualTo("{\"schoolCode\":\"" + school + "\"}");
        }

        @Test
        void ledger_values_have_sorted_keys_and_no_personal_data() {
            String school = accreditedSchool();
            String digest = newHex256();
            issuerOf(school).revoke(digest, school, "ISSUED_IN_ERROR");

            String json = admin().history("revocation~" + digest).get(0).valueJson();

            assertThat(json).startsWith("{\"credentialDigestHex\":").contains("\"issuerCode\":")
                    .contains("\"reasonCode\":\"ISSUED_IN_ERROR\"").doesNotContain("CN=");
            assertThat(json.indexOf("\"credentialDigestHex\"")).isLessThan(json.indexOf("\"issuerCode\""));
            assertThat(json.indexOf("\"issuerCode\"")).isLessThan(json.indexOf("\"reasonCode\""));
            assertThat(json.indexOf("\"revokedAt\"")).isLessThan(json.indexOf("\"revokedBy\""));
        }
    }
}
