package vn.academicledger.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerException.Stage;

/**
 * How the adapter fails and recovers on the live network: each stage's failure keeps the
 * transaction id, and a port reconnects by itself after its peer or the orderer restarts.
 * Runs only with {@code -Dfabric.it=true}; stops and restarts nodes through fabric.sh.
 */
@EnabledIfSystemProperty(named = "fabric.it", matches = "true")
class FabricLedgerStagesTest {
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static FabricConnection connection;

    @BeforeAll
    static void network() {
        LocalFabricNetwork.ensureDeployed();
        connection = FabricConnection.open(LocalFabricNetwork.settings());
    }

    @AfterEach
    void everyNodeRunsAgain() {
        LocalFabricNetwork.script("up");
    }

    @AfterAll
    static void closeConnection() {
        if (connection != null) {
            connection.close();
        }
    }

    private static FabricLedger admin() {
        return connection.connect(LocalFabricNetwork.enrolled(ClientIdentity.departmentAdmin("CN=stages-department-admin")));
    }

    private static FabricLedger auditor() {
        return connection.connect(LocalFabricNetwork.enrolled(new ClientIdentity(ClientIdentity.MINISTRY_MSP,
                "CN=stages-ministry-auditor", Map.of(ClientIdentity.ROLE, "auditor"))));
    }

    private static String newCode() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
    }

    private static IssuerRecord accredit(FabricLedger admin, String code) {
        return admin.accreditIssuer(code, "Trường THPT " + code, "did:web:schools.test:" + code.toLowerCase(Locale.ROOT),
                List.of("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
    }

    /** Retries a call that may fail as UNAVAILABLE while a node comes back, up to {@link #RECOVERY}. */
    private static <T> T eventually(Supplier<T> call) {
        Instant deadline = Instant.now().plus(RECOVERY);
        while (true) {
            try {
                return call.get();
            } catch (LedgerException e) {
                if (!e.retryable() || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Test
    void a_refusal_by_the_contract_fails_at_endorsement_with_the_transaction_id() {
        try (FabricLedger admin = admin()) {
            assertThatThrownBy(() -> admin.suspendIssuer(newCode(), "UNDER_INVESTIGATION"))
                    .isInstanceOfSatisfying(LedgerException.class, e -> {
                        assertThat(e.stage()).isEqualTo(Stage.ENDORSE);
                        assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.ISSUER_NOT_FOUND);
                        assertThat(e.transactionId()).get().asString().matches("[0-9a-f]{64}");
                    });
        }
    }

    @Test
    void a_transaction_endorsed_by_one_org_only_fails_at_commit_with_the_transaction_id() {
        String code = newCode();
        try (FabricLedger admin = admin()) {
            assertThatThrownBy(() -> admin.submitEndorsedBy(new String[] {ClientIdentity.DEPARTMENT_MSP}, "AccreditIssuer",
                    code, "Trường THPT " + code, "did:web:schools.test:" + code.toLowerCase(Locale.ROOT),
                    "[\"z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\"]"))
                    .isInstanceOfSatisfying(LedgerException.class, e -> {
                        assertThat(e.stage()).isEqualTo(Stage.COMMIT);
                        assertThat(e.getMessage()).contains("ENDORSEMENT_POLICY_FAILURE");
                        assertThat(e.transactionId()).get().asString().matches("[0-9a-f]{64}");
                    });
            assertThat(admin.findIssuer(code)).isEmpty();
        }
    }

    @Test
    void with_the_orderer_down_a_write_fails_at_submit_and_succeeds_once_it_is_back() {
        String code = newCode();
        try (FabricLedger admin = admin()) {
            accredit(admin, newCode()); // warm: the port has connected and found both endorsers
            LocalFabricNetwork.script("stop", "orderer0");

            assertThatThrownBy(() -> accredit(admin, code)).isInstanceOfSatisfying(LedgerException.class, e -> {
                assertThat(e.stage()).isEqualTo(Stage.SUBMIT);
                assertThat(e.retryable()).isTrue();
                assertThat(e.transactionId()).get().asString().matches("[0-9a-f]{64}");
            });

            LocalFabricNetwork.script("up");
            assertThat(eventually(() -> accredit(admin, code)).schoolCode()).isEqualTo(code);
        }
    }

    @Test
    void reads_go_to_a_peer_of_the_callers_own_org_and_reconnect_after_it_restarts() {
        String code = newCode();
        try (FabricLedger admin = admin(); FabricLedger auditor = auditor()) {
            accredit(admin, code);
            assertThat(eventually(() -> auditor.findIssuer(code))).isPresent();

            LocalFabricNetwork.script("stop", "peer0.ministry");

            // The department's reads do not need the ministry's peer; the ministry's reads do.
            assertThat(admin.findIssuer(code)).isPresent();
            assertThatThrownBy(() -> auditor.findIssuer(code)).isInstanceOfSatisfying(LedgerException.class, e -> {
                assertThat(e.stage()).isEqualTo(Stage.EVALUATE);
                assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
            });
            // Writes need the ministry's endorsement.
            assertThatThrownBy(() -> admin.suspendIssuer(code, "UNDER_INVESTIGATION"))
                    .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.stage()).isEqualTo(Stage.ENDORSE));

            LocalFabricNetwork.script("up");

            assertThat(eventually(() -> auditor.findIssuer(code))).isPresent();
            assertThat(eventually(() -> admin.suspendIssuer(code, "UNDER_INVESTIGATION")).status().name()).isEqualTo("SUSPENDED");
        }
    }
}
