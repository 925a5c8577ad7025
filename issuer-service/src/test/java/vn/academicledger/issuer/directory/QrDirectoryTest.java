package vn.academicledger.issuer.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

class QrDirectoryTest extends IssuerServiceTest {

    private String anIssuedCredential() throws InterruptedException {
        var existing = jdbc.sql("select id::text from credentials limit 1").query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String classId = api().get("bennghe.principal", "/api/v1/schools/" + SCHOOL_A + "/classes").json().get(0).get("id").asText();
        api().post("bennghe.principal", "/api/v1/schools/" + SCHOOL_A + "/jobs", Map.of("type", "REPORT_CARD", "classId", classId));
        for (int i = 0; i < 600; i++) {
            var id = jdbc.sql("select id::text from credentials limit 1").query(String.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no credential was issued");
    }

    @Test
    void the_verifier_gets_the_credential_with_the_token_its_qr_code_carries() throws Exception {
        UUID id = UUID.fromString(anIssuedCredential());
        String token = AccessTokens.forDataFolder(dataFolder()).tokenFor(id);
        ApiClient.Response r = api().send(api().authorized(null, "/qr/credentials/" + id).header("Authorization", "QR " + token).GET());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo("urn:uuid:" + id);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'verifier-qr' and target = ?").param(id.toString())
                .query(Long.class).single()).isPositive();
    }

    @Test
    void a_token_of_another_credential_or_none_opens_nothing() throws Exception {
        UUID id = UUID.fromString(anIssuedCredential());
        String otherToken = AccessTokens.forDataFolder(dataFolder()).tokenFor(UUID.randomUUID());
        ApiClient.Response wrong = api().send(api().authorized(null, "/qr/credentials/" + id).header("Authorization", "QR " + otherToken).GET());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("INVALID_QR_TOKEN");
        assertThat(api().send(api().authorized("bennghe.principal", "/qr/credentials/" + id).GET()).status()).isEqualTo(401);
        UUID unknown = UUID.randomUUID();
        String unknownToken = AccessTokens.forDataFolder(dataFolder()).tokenFor(unknown);
        assertThat(api().send(api().authorized(null, "/qr/credentials/" + unknown).header("Authorization", "QR " + unknownToken).GET())
                .status()).isEqualTo(404);
    }
}
