package vn.academicledger.chaincode.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AcademicLedgerChaincodeTest {
    private static final String TX_ID = "7f".repeat(32);
    private static final Instant TX_TIME = Instant.parse("2025-09-05T01:30:00Z");
    private static final String SCHOOL = "THPT-LHP";
    private static final String DID = "did:web:lhp.edu.vn";
    private static final String KEY = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    private static final String ROOT = "ab".repeat(32);

    private final AcademicLedgerChaincode chaincode = new AcademicLedgerChaincode();
    private final Map<String, byte[]> worldState = new TreeMap<>();
    private ChaincodeStub stub;

    @BeforeEach
    void stub() {
        stub = mock(ChaincodeStub.class);
        when(stub.getTxId()).thenReturn(TX_ID);
        when(stub.getTxTimestamp()).thenReturn(TX_TIME);
        when(stub.getState(anyString())).thenAnswer(call -> worldState.getOrDefault(call.getArgument(0), new byte[0]));
        doAnswer(call -> worldState.put(call.getArgument(0), call.getArgument(1)))
                .when(stub).putState(anyString(), any(byte[].class));
    }

    private Context as(String mspId, String commonName, Map<String, String> attributes) {
        when(stub.getCreator()).thenReturn(FabricCaCertificates.creator(mspId, commonName, attributes));
        return new Context(stub);
    }

    private Context departmentAdmin() {
        return as("DepartmentMSP", "admin.sogddt", Map.of("role", "admin"));
    }

    private Context schoolIssuer(String schoolCode) {
        return as("DepartmentMSP", "issuer." + schoolCode.toLowerCase(), Map.of("role", "issuer", "schoolCode", schoolCode));
    }

    private Context ministry(String role) {
        return as("MinistryMSP", "auditor.bogddt", Map.of("role", role));
    }

    private void accredited() {
        chaincode.accreditIssuer(departmentAdmin(), SCHOOL, "Trường THPT Lê Hồng Phong", DID, "[\"" + KEY + "\"]");
    }

    private static void assertRefused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChaincodeException.class, e -> {
            assertThat(new String(e.getPayload(), StandardCharsets.UTF_8)).isEqualTo(code);
            assertThat(e.getMessage()).startsWith(code + ": ");
        });
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Nested
    class AccreditIssuer {
        @Test
        void a_department_admin_accredits_and_the_ledger_holds_sorted_json() {
            String answer = chaincode.accreditIssuer(departmentAdmin(), SCHOOL, "Trường THPT Lê Hồng Phong", DID,
                    "[\"" + KEY + "\"]");

            String expected = "{\"changedAt\":\"2025-09-05T01:30:00Z\",\"did\":\"" + DID + "\","
                    + "\"name\":\"Trường THPT Lê Hồng Phong\",\"publicKeysMultibase\":[\"" + KEY + "\"],"
                    + "\"schoolCode\":\"" + SCHOOL + "\",\"status\":\"ACCREDITED\",\"txId\":\"" + TX_ID + "\"}";
            assertThat(answer).isEqualTo(expected);
            assertThat(text(worldState.get("issuer~" + SCHOOL))).isEqualTo(expected);
            assertThat(text(worldState.get("issuerdid~" + DID))).isEqualTo("{\"schoolCode\":\"" + SCHOOL + "\"}");
        }

        @Test
        void a_ministry_client_is_refused_with_not_authorized() {
            assertRefused(() -> chaincode.accreditIssuer(ministry("admin"), SCHOOL, "Trường A", DID, "[\"" + KEY + "\"]"),
                    "NOT_AUTHORIZED");
            verify(stub, never()).putState(anyString(), any(byte[].class));
        }

        @Test
        void a_department_client_without_the_admin_attribute_is_refused() {
            assertRefused(() -> chaincode.accreditIssuer(as("DepartmentMSP", "nobody", Map.of()), SCHOOL, "Trường A",
                    DID, "[\"" + KEY + "\"]"), "NOT_AUTHORIZED");
        }

        @Test
        void keys_that_are_not_a_json_array_of_strings_are_invalid() {
            assertRefused(() -> chaincode.accreditIssuer(departmentAdmin(), SCHOOL, "Trường A", DID, KEY),
                    "INVALID_ARGUMENT");
            assertRefused(() -> chaincode.accreditIssuer(departmentAdmin(), SCHOOL, "Trường A", DID, "[1,2]"),
                    "INVALID_ARGUMENT");
        }
    }

    @Nested
    class AnchorBatch {
        @Nested
        class whenIssuerExists {
            @BeforeEach
            void accredit() {
                accredited();
            }

            @Test
            void the_school_anchors_and_the_answer_is_the_stored_anchor() {
                String answer = chaincode.anchorBatch(schoolIssuer(SCHOOL), "batch-1", ROOT, SCHOOL, "40", "ReportCard");

                assertThat(answer).isEqualTo("{\"anchoredAt\":\"2025-09-05T01:30:00Z\",\"batchId\":\"batch-1\","
                        + "\"credentialCount\":40,\"credentialType\":\"ReportCard\",\"issuerCode\":\"" + SCHOOL + "\","
                        + "\"merkleRootHex\":\"" + ROOT + "\",\"txId\":\"" + TX_ID + "\"}");
                assertThat(text(worldState.get("batch~batch-1"))).isEqualTo(answer);
            }

            @Test
            void the_school_code_comes_from_the_certificate_attribute() {
                assertRefused(() -> chaincode.anchorBatch(schoolIssuer("THCS-OTHER"), "batch-1", ROOT, SCHOOL, "40",
                        "ReportCard"), "NOT_AUTHORIZED");
            }

            @Test
            void a_count_that_is_not_a_number_is_invalid() {
                assertRefused(() -> chaincode.anchorBatch(schoolIssuer(SCHOOL), "batch-1", ROOT, SCHOOL, "forty",
                        "ReportCard"), "INVALID_ARGUMENT");
            }

            @Test
            void a_different_root_under_an_anchored_batch_id_is_a_conflict() {
                chaincode.anchorBatch(schoolIssuer(SCHOOL), "batch-1", ROOT, SCHOOL, "40", "ReportCard");

                assertRefused(() -> chaincode.anchorBatch(schoolIssuer(SCHOOL), "batch-1", "cd".repeat(32), SCHOOL,
                        "40", "ReportCard"), "BATCH_CONFLICT");
            }
        }

        @Nested
        class whenIssuerIsUnknown {
            @Test
            void anchoring_is_refused_with_issuer_not_found() {
                assertRefused(() -> chaincode.anchorBatch(schoolIssuer(SCHOOL), "batch-1", ROOT, SCHOOL, "40",
                        "ReportCard"), "ISSUER_NOT_FOUND");
            }
        }
    }

    @Nested
    class Revoke {
        @Test
        void a_department_admin_revokes_and_is_named_by_role() {
            accredited();

            String answer = chaincode.revoke(departmentAdmin(), "ef".repeat(32), SCHOOL, "FRAUD");

            assertThat(answer).contains("\"revokedBy\":\"DepartmentMSP/admin\"").doesNotContain("admin.sogddt");
            assertThat(worldState).containsKey("revocation~" + "ef".repeat(32));
        }
    }

    @Nested
    class GetIssuer {
        @Nested
        class whenIssuerExists {
            @Test
            void a_ministry_auditor_reads_the_stored_json() {
                accredited();

                assertThat(chaincode.getIssuer(ministry("auditor"), SCHOOL)).isEqualTo(text(worldState.get("issuer~" + SCHOOL)));
                assertThat(chaincode.getIssuerByDid(ministry("auditor"), DID)).isEqualTo(text(worldState.get("issuer~" + SCHOOL)));
            }
        }

        @Nested
        class whenIssuerIsUnknown {
            @Test
            void the_answer_is_empty() {
                assertThat(chaincode.getIssuer(ministry("auditor"), SCHOOL)).isEmpty();
                assertThat(chaincode.getBatch(ministry("auditor"), "batch-1")).isEmpty();
                assertThat(chaincode.getRevocation(ministry("auditor"), ROOT)).isEmpty();
            }
        }
    }

    @Nested
    class GetHistory {
        @Test
        void fabric_newest_first_history_is_returned_oldest_first() {
            QueryResultsIterator<KeyModification> newestFirst = iterator(
                    modification("tx-3", "2025-09-07T00:00:00Z", "{\"v\":3}"),
                    modification("tx-2", "2025-09-06T00:00:00Z", "{\"v\":2}"),
                    modification("tx-1", "2025-09-05T00:00:00Z", "{\"v\":1}"));
            when(stub.getHistoryForKey("issuer~" + SCHOOL)).thenReturn(newestFirst);

            String answer = chaincode.getHistory(ministry("auditor"), "issuer~" + SCHOOL);

            assertThat(answer).isEqualTo("["
                    + "{\"deleted\":false,\"timestamp\":\"2025-09-05T00:00:00Z\",\"txId\":\"tx-1\",\"value\":\"{\\\"v\\\":1}\"},"
                    + "{\"deleted\":false,\"timestamp\":\"2025-09-06T00:00:00Z\",\"txId\":\"tx-2\",\"value\":\"{\\\"v\\\":2}\"},"
                    + "{\"deleted\":false,\"timestamp\":\"2025-09-07T00:00:00Z\",\"txId\":\"tx-3\",\"value\":\"{\\\"v\\\":3}\"}]");
        }

        @Test
        void a_client_of_another_organisation_may_not_read() {
            assertRefused(() -> chaincode.getHistory(as("OutsiderMSP", "x", Map.of("role", "admin")), "issuer~" + SCHOOL),
                    "NOT_AUTHORIZED");
        }
    }

    @Nested
    class Identity {
        @Test
        void msp_subject_and_attributes_are_read_from_the_certificate() {
            Context context = schoolIssuer(SCHOOL);

            var caller = ShimTransactionContext.callerOf(context.getClientIdentity());

            assertThat(caller.mspId()).isEqualTo("DepartmentMSP");
            assertThat(caller.subject()).startsWith("CN=issuer.thpt-lhp,OU=client");
            assertThat(caller.attributes()).containsOnly(Map.entry("role", "issuer"), Map.entry("schoolCode", SCHOOL));
        }

        @Test
        void a_certificate_without_attributes_gives_none() {
            var caller = ShimTransactionContext.callerOf(as("MinistryMSP", "peer-admin", Map.of()).getClientIdentity());

            assertThat(caller.attributes()).isEmpty();
        }
    }

    @Nested
    class Annotations {
        @Test
        void the_class_is_the_default_contract() {
            assertThat(AcademicLedgerChaincode.class.getAnnotation(Contract.class).name()).isEqualTo("AcademicLedger");
            assertThat(AcademicLedgerChaincode.class.isAnnotationPresent(Default.class)).isTrue();
        }

        @Test
        void writes_are_submitted_and_queries_evaluated() {
            Map<String, Transaction.TYPE> intents = Arrays.stream(AcademicLedgerChaincode.class.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(Transaction.class))
                    .collect(Collectors.toMap(method -> method.getAnnotation(Transaction.class).name(),
                            method -> method.getAnnotation(Transaction.class).intent()));

            assertThat(intents).containsOnly(
                    Map.entry("AccreditIssuer", Transaction.TYPE.SUBMIT),
                    Map.entry("UpdateIssuerKeys", Transaction.TYPE.SUBMIT),
                    Map.entry("SuspendIssuer", Transaction.TYPE.SUBMIT),
                    Map.entry("ReinstateIssuer", Transaction.TYPE.SUBMIT),
                    Map.entry("AnchorBatch", Transaction.TYPE.SUBMIT),
                    Map.entry("Revoke", Transaction.TYPE.SUBMIT),
                    Map.entry("GetIssuer", Transaction.TYPE.EVALUATE),
                    Map.entry("GetIssuerByDid", Transaction.TYPE.EVALUATE),
                    Map.entry("GetIssuerHistory", Transaction.TYPE.EVALUATE),
                    Map.entry("GetBatch", Transaction.TYPE.EVALUATE),
                    Map.entry("GetRevocation", Transaction.TYPE.EVALUATE),
                    Map.entry("GetHistory", Transaction.TYPE.EVALUATE));
        }

        @Test
        void every_transaction_takes_the_context_then_strings_and_answers_a_string() {
            for (Method method : AcademicLedgerChaincode.class.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Transaction.class)) {
                    Class<?>[] parameters = method.getParameterTypes();
                    assertThat(parameters[0]).isEqualTo(Context.class);
                    assertThat(Arrays.copyOfRange(parameters, 1, parameters.length)).containsOnly(String.class);
                    assertThat(method.getReturnType()).isEqualTo(String.class);
                }
            }
        }
    }

    private static KeyModification modification(String txId, String time, String json) {
        KeyModification modification = mock(KeyModification.class);
        when(modification.getTxId()).thenReturn(txId);
        when(modification.getTimestamp()).thenReturn(Instant.parse(time));
        when(modification.isDeleted()).thenReturn(false);
        when(modification.getValue()).thenReturn(json.getBytes(StandardCharsets.UTF_8));
        return modification;
    }

    private static QueryResultsIterator<KeyModification> iterator(KeyModification... modifications) {
        List<KeyModification> list = List.of(modifications);
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyModification> iterator() {
                return list.iterator();
            }

            @Override
            public void close() {
            }
        };
    }
}
