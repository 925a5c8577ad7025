package vn.academicledger.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.academicledger.issuer.support.ApiClient;

/**
 * Report cards to work with in full-service tests: one single-student job per card, created by the
 * demo school's principal (so it needs no approval) for a student of the demo class 12A1.
 */
public final class IssuedReportCards {
    public static final String SCHOOL = "79000701";
    private static final String SIGNER = "bennghe.principal";

    private IssuedReportCards() {
    }

    /** A stored credential's slot and digest. */
    public record Issued(UUID id, int statusList, int statusIndex, String digestHex) {
    }

    /** Issues {@code count} report cards (student at position 0 of the demo class) and returns them once stored. */
    public static List<Issued> issue(ApiClient api, JdbcClient jdbc, int count) throws InterruptedException {
        JsonNode classes = api.get(SIGNER, "/api/v1/schools/" + SCHOOL + "/classes").json();
        String classId = classes.get(0).get("id").asText();
        JsonNode students = api.get(SIGNER, "/api/v1/schools/" + SCHOOL + "/classes/" + classId + "/students").json();
        String studentId = students.get(0).get("id").asText();
        java.util.ArrayList<Issued> issued = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient.Response created = api.post(SIGNER, "/api/v1/schools/" + SCHOOL + "/jobs",
                    Map.of("type", "REPORT_CARD", "studentId", studentId));
            assertThat(created.status()).as(created.text()).isEqualTo(202);
            String job = created.json().get("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String status = "";
            while (System.nanoTime() < deadline && !status.equals("DONE")) {
                Thread.sleep(100);
                status = api.get(SIGNER, "/api/v1/schools/" + SCHOOL + "/jobs/" + job).json().get("status").asText();
                assertThat(status).isNotEqualTo("FAILED");
            }
            assertThat(status).isEqualTo("DONE");
            issued.addAll(jdbc.sql("select id, status_list, status_index, encode(digest, 'hex') from credentials where job_id = ?::uuid")
                    .param(job)
                    .query((rs, n) -> new Issued((UUID) rs.getObject(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                    .list());
        }
        assertThat(issued).hasSize(count);
        return issued;
    }

    /** Waits until the outbox worker has anchored the credential (its receipt is stored). */
    public static void awaitAnchored(JdbcClient jdbc, UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("select count(*) from credentials c join anchor_chunks k on k.seq = c.anchor_chunk join anchor_batches b on b.id = k.batch_id where b.status = 'ANCHORED' and c.id = ?").param(id).query(Long.class).single() == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("credential " + id + " was not anchored in 30 s");
    }
}
