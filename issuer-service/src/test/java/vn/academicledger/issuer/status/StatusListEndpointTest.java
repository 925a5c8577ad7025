package vn.academicledger.issuer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.issuer.revocation.IssuedReportCards;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

class StatusListEndpointTest extends IssuerServiceTest {

    private ApiClient.Response fetch(String path, String... headers) {
        var request = api().authorized(null, path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api().send(request);
    }

    @Test
    void unknown_lists_and_schools_answer_404_problem_details() {
        assertThat(fetch("/status-lists/" + SCHOOL_A + "/999").status()).isEqualTo(404);
        assertThat(fetch("/status-lists/99999999/1").status()).isEqualTo(404);
        ApiClient.Response notANumber = fetch("/status-lists/" + SCHOOL_A + "/first");
        assertThat(notANumber.status()).isEqualTo(404);
        assertThat(notANumber.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void the_same_signed_bytes_are_served_until_a_revocation_and_then_a_new_list() throws Exception {
        IssuedReportCards.Issued card = IssuedReportCards.issue(api(), jdbc, 1).get(0);
        String path = "/status-lists/" + SCHOOL_A + "/" + card.statusList();
        ApiClient.Response first = fetch(path);
        ApiClient.Response second = fetch(path, "Accept", "application/json");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.header("Content-Type")).startsWith("application/json");
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(fetch(path, "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
        assertThat(StatusListCredential.read(first.json()).isSet(card.statusIndex())).isFalse();

        assertThat(api().post("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/credentials/" + card.id() + "/revoke",
                Map.of("reasonCode", "SUPERSEDED")).status()).isEqualTo(200);

        ApiClient.Response after = fetch(path, "If-None-Match", first.header("ETag"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(StatusListCredential.read(after.json()).isSet(card.statusIndex())).isTrue();
    }
}
