package vn.academicledger.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.VerificationReport;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.core.verify.LedgerDidResolver;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;
import vn.academicledger.issuer.system.IssuerProperties;
import vn.academicledger.issuer.system.LedgerAccess;

class RevocationTest extends IssuerServiceTest {
    private static final String ISSUER = "bennghe.issuer";

    @Autowired
    LedgerAccess ledger;
    @Autowired
    IssuerProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditLog audit;

    private static String revokePath(UUID id) {
        return "/api/v1/schools/" + SCHOOL_A + "/credentials/" + id + "/revoke";
    }

    @Test
    void revoking_records_it_on_the_ledger_and_here_and_sets_its_bit_in_the_signed_status_list() throws Exception {
        List<IssuedReportCards.Issued> cards = IssuedReportCards.issue(api(), jdbc, 2);
        IssuedReportCards.Issued revoked = cards.get(0);
        IssuedReportCards.Issued kept = cards.get(1);

        ApiClient.Response response = api().post(ISSUER, revokePath(revoked.id()),
                Map.of("reasonCode", "ISSUED_IN_ERROR", "note", "Nhập sai ngày sinh của học sinh"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("reasonCode").asText()).isEqualTo("ISSUED_IN_ERROR");
        assertThat(body.get("reasonVi").asText()).startsWith("Cấp nhầm");
        assertThat(body.get("revokedBy").asText()).isEqualTo(ISSUER);
        assertThat(body.get("completedFromLedger").asBoolean()).isFalse();
        Optional<Revocation> onLedger = ledger.school(SCHOOL_A).findRevocation(revoked.digestHex());
        assertThat(onLedger).isPresent();
        assertThat(onLedger.get().reasonCode()).isEqualTo("ISSUED_IN_ERROR");
        assertThat(onLedger.get().txId()).isEqualTo(body.get("ledgerTxId").asText());
        assertThat(jdbc.sql("select revocation_reason || ' ' || revoked_by from credentials where id = ?").param(revoked.id())
                .query(String.class).single()).isEqualTo("ISSUED_IN_ERROR " + ISSUER);
        String note = jdbc.sql("select details->>'note' from audit_log where action = 'CREDENTIAL_REVOKED' and target = ? and outcome = 'SUCCESS'")
                .param(revoked.id().toString()).query(String.class).single();
        assertThat(note).isEqualTo("Nhập sai ngày sinh của học sinh");

        ApiClient.Response list = api().send(api().authorized(null, "/status-lists/" + SCHOOL_A + "/" + revoked.statusList()).GET());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/vc+ld+json");
        assertThat(list.header("Cache-Control")).contains("max-age=").contains("public");
        assertThat(list.header("ETag")).isNotBlank();
        StatusListCredential statusList = StatusListCredential.read(list.json());
        assertThat(statusList.id()).isEqualTo(properties.publicBaseUrl() + "/status-lists/" + SCHOOL_A + "/" + revoked.statusList());
        assertThat(statusList.isSet(revoked.statusIndex())).isTrue();
        assertThat(kept.statusList()).isEqualTo(revoked.statusList());
        assertThat(statusList.isSet(kept.statusIndex())).isFalse();
        assertThat(statusList.validUntil()).isPresent();
        assertThat(statusList.validUntil().get()).isAfter(java.time.Instant.now());
        VerificationReport report = new DataIntegrityVerifier(LedgerDidResolver.withDidKey(ledger.department())).verify(list.json());
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(list.json().get("issuer").get("id").asText())
                .isEqualTo(jdbc.sql("select did from schools where code = ?").param(SCHOOL_A).query(String.class).single());
    }

    @Test
    void a_second_revocation_is_refused_with_409_and_says_when_it_was_revoked() throws Exception {
        UUID id = IssuedReportCards.issue(api(), jdbc, 1).get(0).id();
        assertThat(api().post(ISSUER, revokePath(id), Map.of("reasonCode", "SUPERSEDED")).status()).isEqualTo(200);

        ApiClient.Response again = api().post("bennghe.principal", revokePath(id), Map.of("reasonCode", "FRAUD"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_REVOKED");
        assertThat(again.json().get("detail").asText()).contains("already revoked").contains("SUPERSEDED");
        assertThat(jdbc.sql("select revocation_reason from credentials where id = ?").param(id).query(String.class).single())
                .isEqualTo("SUPERSEDED");
    }

    @Test
    void another_schools_issuer_gets_404_as_if_the_credential_did_not_exist() throws Exception {
        UUID id = IssuedReportCards.issue(api(), jdbc, 1).get(0).id();

        ApiClient.Response viaSchoolA = api().post("thuthiem.issuer", revokePath(id), Map.of("reasonCode", "FRAUD"));
        ApiClient.Response viaOwnSchool = api().post("thuthiem.issuer",
                "/api/v1/schools/" + SCHOOL_B + "/credentials/" + id + "/revoke", Map.of("reasonCode", "FRAUD"));

        assertThat(viaSchoolA.status()).isEqualTo(404);
        assertThat(viaOwnSchool.status()).isEqualTo(404);
        assertThat(jdbc.sql("select revoked_at is null from credentials where id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void an_anonymous_request_gets_401() {
        ApiClient.Response response = api().post(null, revokePath(UUID.randomUUID()), Map.of("reasonCode", "FRAUD"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void an_auditor_may_not_revoke() {
        assertThat(api().post("so.auditor", revokePath(UUID.randomUUID()), Map.of("reasonCode", "FRAUD")).status()).isEqualTo(403);
    }

    @Test
    void an_unknown_reason_code_is_400_naming_the_codes_there_are() {
        ApiClient.Response response = api().post(ISSUER, revokePath(UUID.randomUUID()), Map.of("reasonCode", "issued-in-error"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("UNKNOWN_REASON");
        assertThat(response.json().get("detail").asText()).contains("did you mean ISSUED_IN_ERROR").contains("DECISION_OF_AUTHORITY");
    }

    @Test
    void when_the_ledger_is_unavailable_nothing_is_revoked_and_the_request_can_be_repeated() throws Exception {
        IssuedReportCards.Issued card = IssuedReportCards.issue(api(), jdbc, 1).get(0);
        LedgerPort down = mock(LedgerPort.class);
        when(down.revoke(anyString(), anyString(), anyString())).thenThrow(new LedgerException(LedgerErrorCode.UNAVAILABLE,
                LedgerException.Stage.SUBMIT, null, "peer unreachable"));
        LedgerAccess unavailable = mock(LedgerAccess.class);
        when(unavailable.school(SCHOOL_A)).thenReturn(down);
        Revocations revocations = new Revocations(jdbc, transactions, unavailable, audit, event -> { }, Clock.systemUTC());
        Caller issuer = new Caller(ISSUER, Role.SCHOOL_ISSUER, SCHOOL_A, "127.0.0.1");

        assertThatThrownBy(() -> revocations.revoke(issuer, SCHOOL_A, card.id(), RevocationReason.FRAUD, null))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.retryable()).isTrue());

        assertThat(jdbc.sql("select revoked_at is null from credentials where id = ?").param(card.id()).query(Boolean.class).single()).isTrue();
        assertThat(ledger.school(SCHOOL_A).findRevocation(card.digestHex())).isEmpty();
        assertThat(jdbc.sql("select details->>'ledgerError' from audit_log where action = 'CREDENTIAL_REVOKED' and target = ? and outcome = 'FAILED'")
                .param(card.id().toString()).query(String.class).single()).isEqualTo("UNAVAILABLE");
        assertThat(api().post(ISSUER, revokePath(card.id()), Map.of("reasonCode", "FRAUD")).status()).isEqualTo(200);
    }

    @Test
    void a_revocation_that_reached_the_ledger_but_not_the_database_is_completed_by_repeating_it() throws Exception {
        IssuedReportCards.Issued card = IssuedReportCards.issue(api(), jdbc, 1).get(0);
        ApplicationEventPublisher crashAfterLedger = event -> {
            throw new IllegalStateException("the database transaction fails after the ledger committed");
        };
        Revocations crashing = new Revocations(jdbc, transactions, ledger, audit, crashAfterLedger, Clock.systemUTC());
        Caller issuer = new Caller(ISSUER, Role.SCHOOL_ISSUER, SCHOOL_A, "127.0.0.1");
        assertThatThrownBy(() -> crashing.revoke(issuer, SCHOOL_A, card.id(), RevocationReason.DECISION_OF_AUTHORITY, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.school(SCHOOL_A).findRevocation(card.digestHex())).isPresent();
        assertThat(jdbc.sql("select revoked_at is null from credentials where id = ?").param(card.id()).query(Boolean.class).single()).isTrue();

        ApiClient.Response repeated = api().post(ISSUER, revokePath(card.id()), Map.of("reasonCode", "ISSUED_IN_ERROR"));

        assertThat(repeated.status()).as(repeated.text()).isEqualTo(200);
        assertThat(repeated.json().get("completedFromLedger").asBoolean()).isTrue();
        assertThat(repeated.json().get("reasonCode").asText()).isEqualTo("DECISION_OF_AUTHORITY");
        assertThat(jdbc.sql("select revocation_reason from credentials where id = ?").param(card.id()).query(String.class).single())
                .isEqualTo("DECISION_OF_AUTHORITY");
        StatusListCredential list = StatusListCredential.read(api().send(api().authorized(null,
                "/status-lists/" + SCHOOL_A + "/" + card.statusList()).GET()).json());
        assertThat(list.isSet(card.statusIndex())).isTrue();
    }
}
