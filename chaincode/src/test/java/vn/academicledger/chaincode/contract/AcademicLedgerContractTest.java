package vn.academicledger.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;

/** The contract alone, on an in-memory state: what every endorsing peer must agree on. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AcademicLedgerContractTest {
    private static final Instant TIME = Instant.parse("2025-09-05T01:30:00Z");
    private static final String KEY = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    private static final ClientIdentity ADMIN = ClientIdentity.departmentAdmin("CN=admin");
    private static final ClientIdentity ISSUER = ClientIdentity.schoolIssuer("CN=issuer", "THPT-LHP");

    private final AcademicLedgerContract contract = new AcademicLedgerContract();

    /** A committed state plus one transaction's write set, with Fabric's no-read-your-writes rule. */
    static final class Endorser implements TransactionContext {
        final Map<String, byte[]> committed = new HashMap<>();
        final Map<String, byte[]> writes = new LinkedHashMap<>();
        ClientIdentity caller = ADMIN;
        String txId = "01".repeat(32);

        @Override public String txId() { return txId; }
        @Override public Instant timestamp() { return TIME; }
        @Override public ClientIdentity caller() { return caller; }
        @Override public Optional<byte[]> getState(String key) { return Optional.ofNullable(committed.get(key)); }
        @Override public void putState(String key, byte[] value) { writes.put(key, value); }
        @Override public List<KeyVersion> history(String key) { return List.of(); }

        Endorser commit() {
            committed.putAll(writes);
            writes.clear();
            return this;
        }

        Endorser as(ClientIdentity who, String tx) {
            caller = who;
            txId = tx;
            return this;
        }
    }

    private Map<String, String> writesOf(Endorser endorser) {
        Map<String, String> writes = new LinkedHashMap<>();
        endorser.writes.forEach((key, value) -> writes.put(key, new String(value, java.nio.charset.StandardCharsets.UTF_8)));
        return writes;
    }

    @Nested
    class Determinism {
        @Test
        void two_endorsers_running_the_same_transaction_write_the_same_bytes() {
            List<Map<String, String>> results = new ArrayList<>();
            for (int peer = 0; peer < 2; peer++) {
                Endorser endorser = new Endorser();
                contract.accreditIssuer(endorser, "THPT-LHP", "Trường THPT Lê Hồng Phong", "did:web:lhp.edu.vn", List.of(KEY));
                endorser.commit().as(ISSUER, "02".repeat(32));
                contract.anchorBatch(endorser, new AnchorRequest("b-1", "AB".repeat(32), "THPT-LHP", 12, "Diploma"));
                results.add(writesOf(endorser));
            }

            assertThat(results.get(0)).isEqualTo(results.get(1));
            assertThat(results.get(0).get("batch~b-1")).isEqualTo("{\"anchoredAt\":\"2025-09-05T01:30:00Z\","
                    + "\"batchId\":\"b-1\",\"credentialCount\":12,\"credentialType\":\"Diploma\",\"issuerCode\":\"THPT-LHP\","
                    + "\"merkleRootHex\":\"" + "ab".repeat(32) + "\",\"txId\":\"" + "02".repeat(32) + "\"}");
        }
    }

    @Nested
    class Refusals {
        private void assertRefusedWithoutWrites(Consumer<Endorser> transaction, Endorser endorser, LedgerErrorCode code) {
            assertThatThrownBy(() -> transaction.accept(endorser))
                    .isInstanceOfSatisfying(LedgerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(code);
                        assertThat(e.stage()).isEqualTo(LedgerException.Stage.ENDORSE);
                        assertThat(e.transactionId()).contains(endorser.txId);
                    });
            assertThat(endorser.writes).isEmpty();
        }

        @Test
        void carry_their_code_and_transaction_id_and_write_nothing() {
            Endorser endorser = new Endorser();
            contract.accreditIssuer(endorser, "THPT-LHP", "Trường A", "did:web:a.edu.vn", List.of(KEY));
            endorser.commit();

            assertRefusedWithoutWrites(tx -> contract.accreditIssuer(tx, "THPT-LHP", "Trường A", "did:web:b.edu.vn",
                    List.of(KEY)), endorser, LedgerErrorCode.ISSUER_ALREADY_EXISTS);
            assertRefusedWithoutWrites(tx -> contract.anchorBatch(tx, new AnchorRequest("b", "00".repeat(32), "THPT-LHP",
                    1, "Diploma")), endorser, LedgerErrorCode.NOT_AUTHORIZED);
            assertRefusedWithoutWrites(tx -> contract.suspendIssuer(tx, "THPT-LHP", "suspended because"), endorser,
                    LedgerErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void an_anchor_request_too_large_to_be_one_batch_is_invalid() {
            Endorser endorser = new Endorser();
            contract.accreditIssuer(endorser, "THPT-LHP", "Trường A", "did:web:a.edu.vn", List.of(KEY));
            endorser.commit().as(ISSUER, "03".repeat(32));

            assertRefusedWithoutWrites(tx -> contract.anchorBatch(tx, new AnchorRequest("b", "00".repeat(32), "THPT-LHP",
                    AcademicLedgerContract.MAX_CREDENTIAL_COUNT + 1, "Diploma")), endorser, LedgerErrorCode.INVALID_ARGUMENT);
        }
    }
}
