package vn.academicledger.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

class IssuanceFlowTest extends IssuerServiceTest {
    @org.springframework.beans.factory.annotation.Autowired
    vn.academicledger.issuer.system.LedgerAccess ledger;

    @Test
    void an_approved_class_job_issues_and_anchors_every_report_card() throws Exception {
        ApiClient api = api();
        JsonNode classes = api.get("bennghe.issuer", "/api/v1/schools/79000701/classes").json();
        String classId = classes.get(0).get("id").asText();
        ApiClient.Response created = api.post("bennghe.issuer", "/api/v1/schools/79000701/jobs",
                Map.of("type", "REPORT_CARD", "classId", classId, "cryptosuite", "eddsa-jcs-2022"));
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        String job = created.json().get("id").asText();

        assertThat(api.post("bennghe.principal", "/api/v1/schools/79000701/jobs/" + job + "/approve", "{}").status()).isEqualTo(200);
        JsonNode status = waitFor(api, "/api/v1/schools/79000701/jobs/" + job, j -> j.get("status").asText().equals("DONE"));
        assertThat(status.get("done").asInt()).isEqualTo(44);
        assertThat(status.get("failed").asInt()).isZero();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long anchored = 0;
        while (System.nanoTime() < deadline) {
            anchored = jdbc.sql("select count(*) from credentials c join anchor_chunks k on k.seq = c.anchor_chunk join anchor_batches b on b.id = k.batch_id where b.status = 'ANCHORED' and c.job_id = ?::uuid")
                    .param(job).query(Long.class).single();
            if (anchored == 44) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(anchored).isEqualTo(44);

        // Each served credential carries its receipt (derived from its batch), and an independent
        // verifier reading the ledger finds it valid: signature, accreditation, anchoring, revocation.
        vn.academicledger.core.verify.CredentialVerifier verifier = new vn.academicledger.core.verify.CredentialVerifier(ledger.department());
        java.util.List<String> ids = jdbc.sql("select id::text from credentials where job_id = ?::uuid order by job_item")
                .param(job).query(String.class).list();
        assertThat(ids).hasSize(44);
        // Status list indexes come from the list's keyed permutation: unique, but not in issue order.
        java.util.List<Integer> indexes = jdbc.sql("select status_index from credentials where job_id = ?::uuid order by job_item")
                .param(job).query(Integer.class).list();
        assertThat(indexes).doesNotHaveDuplicates();
        assertThat(indexes).isNotEqualTo(indexes.stream().sorted().toList());
        for (String id : ids) {
            JsonNode vc = api.get("bennghe.principal", "/api/v1/schools/79000701/credentials/" + id + "/vc").json();
            assertThat(vn.academicledger.core.anchor.CredentialDigest.receipts(vc)).as(id).hasSize(1);
            vn.academicledger.core.verify.VerificationReport report = verifier.verify(vc);
            assertThat(report.failures()).as(id).isEmpty();
            assertThat(report.result(vn.academicledger.core.verify.CheckName.ANCHORED).orElseThrow().status())
                    .as(id).isEqualTo(vn.academicledger.core.verify.CheckStatus.PASSED);
        }
    }

    @Test
    void a_diploma_job_numbers_the_graduates_without_gaps_and_their_pdf_is_signed() throws Exception {
        ApiClient api = api();
        String classId = api.get("bennghe.principal", "/api/v1/schools/79000701/classes").json().get(0).get("id").asText();
        ApiClient.Response created = api.post("bennghe.principal", "/api/v1/schools/79000701/jobs",
                Map.of("type", "DIPLOMA", "classId", classId));
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().get("status").asText()).isEqualTo("QUEUED");
        String job = created.json().get("id").asText();
        JsonNode status = waitFor(api, "/api/v1/schools/79000701/jobs/" + job,
                j -> j.get("status").asText().equals("DONE") && j.get("anchored").asLong() == j.get("done").asLong());
        int graduates = status.get("total").asInt();
        assertThat(status.get("done").asInt()).isEqualTo(graduates).isEqualTo(41);

        java.util.List<String> registers = jdbc.sql("select register_number from credentials where job_id = ?::uuid order by register_number")
                .param(job).query(String.class).list();
        java.util.List<Integer> sequences = registers.stream().map(vn.academicledger.core.domain.DiplomaNumbering::registerSequence).sorted().toList();
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("số vào sổ without gaps").isEqualTo(sequences.get(i - 1) + 1);
        }
        assertThat(jdbc.sql("select count(distinct serial_number) from credentials where job_id = ?::uuid").param(job)
                .query(Long.class).single()).isEqualTo(graduates);

        String credential = jdbc.sql("select id::text from credentials where job_id = ?::uuid limit 1").param(job).query(String.class).single();
        ApiClient.Response pdf = api.send(api.authorized("bennghe.issuer", "/api/v1/schools/79000701/credentials/" + credential + "/pdf").GET());
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.text()).startsWith("%PDF");
    }

    static JsonNode waitFor(ApiClient api, String path, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("bennghe.principal", path).json();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not done in time: " + last);
    }
}
