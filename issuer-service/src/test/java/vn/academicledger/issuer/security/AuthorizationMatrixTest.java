package vn.academicledger.issuer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.grading.SyntheticClasses;
import vn.academicledger.issuer.security.AccessPolicy.Call;
import vn.academicledger.issuer.security.AccessPolicy.Expectation;
import vn.academicledger.issuer.security.AccessPolicy.Fixture;
import vn.academicledger.issuer.security.AccessPolicy.Requester;
import vn.academicledger.issuer.security.AccessPolicy.Rule;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

/**
 * Every operation of the live OpenAPI document, called by every kind of caller (anonymous and the
 * six demo accounts) on school {@value IssuerServiceTest#SCHOOL_A}'s resources; each answer must be
 * the one {@link AccessPolicy} names. Refused calls run first, all of them, while the service is
 * idle, and must change nothing; then the allowed calls run and must get past authorization.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest extends IssuerServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private Fixture fixture;
    private final Map<Rule, Map<Requester, ApiClient.Response>> answers = new LinkedHashMap<>();
    private final Map<Rule, Map<Requester, ApiClient.Response>> invalidBodyAnswers = new LinkedHashMap<>();

    @BeforeAll
    void issueWhatTheMatrixNeeds() throws Exception {
        ApiClient api = api();
        for (Requester r : Requester.values()) {
            if (r.account() != null) {
                api.token(r.account());
            }
        }
        String signer = Requester.BENNGHE_PRINCIPAL.account();
        String schoolPath = "/api/v1/schools/" + SCHOOL_A;
        JsonNode school = jdbc.sql("select name, did from schools where code = ?").param(SCHOOL_A)
                .query((rs, n) -> JSON.createObjectNode().put("name", rs.getString(1)).put("did", rs.getString(2))).single();
        UUID classId = jdbc.sql("select id from school_classes where school_code = ? order by imported_at limit 1")
                .param(SCHOOL_A).query(UUID.class).single();
        JsonNode demoClass = api.get(signer, schoolPath + "/classes/" + classId).json();
        JsonNode students = api.get(signer, schoolPath + "/classes/" + classId + "/students").json();
        UUID studentId = UUID.fromString(students.get(0).get("id").asText());

        ApiClient.Response classJob = api.post(signer, schoolPath + "/jobs", Map.of("type", "REPORT_CARD", "classId", classId.toString()));
        assertThat(classJob.status()).as(classJob.text()).isEqualTo(202);
        UUID classJobId = UUID.fromString(classJob.json().get("id").asText());
        awaitOrFail(Duration.ofSeconds(120), "the class job is done", () -> "DONE".equals(
                jdbc.sql("select status from issuance_jobs where id = ?").param(classJobId).query(String.class).single()));
        List<UUID> issued = jdbc.sql("select id from credentials where job_id = ? order by job_item").param(classJobId)
                .query(UUID.class).list();
        assertThat(issued).hasSize(students.size());
        UUID readable = issued.get(0);
        UUID revocable = issued.get(1);
        int statusList = jdbc.sql("select status_list from credentials where id = ?").param(readable).query(Integer.class).single();

        UUID toApprove = awaitingJob(api, schoolPath, studentId);
        UUID toReject = awaitingJob(api, schoolPath, studentId);

        SchoolYear olderYear = new SchoolYear(SchoolYear.parse(demoClass.get("schoolYear").asText()).startYear() - 5);
        SyntheticClasses.ClassFiles freshClass = SyntheticClasses.generate(
                SyntheticClasses.school(SCHOOL_A, school.get("name").asText(), school.get("did").asText()), olderYear, "12A9", 3, 20_240_901L);

        List<String> privateData = new ArrayList<>();
        privateData.add(school.get("name").asText());
        jdbc.sql("select full_name, student_number, personal_id from students where school_code = ?").param(SCHOOL_A)
                .query(rs -> {
                    privateData.add(rs.getString(1));
                    privateData.add(rs.getString(2));
                    privateData.add(rs.getString(3));
                });
        fixture = new Fixture(SCHOOL_A, school.get("did").asText(), classId, studentId, classJobId, readable, revocable,
                statusList, toApprove, toReject, freshClass, List.copyOf(privateData));
        awaitQuiet();
    }

    private UUID awaitingJob(ApiClient api, String schoolPath, UUID studentId) {
        ApiClient.Response job = api.post(Requester.BENNGHE_ISSUER.account(), schoolPath + "/jobs",
                Map.of("type", "REPORT_CARD", "studentId", studentId.toString()));
        assertThat(job.status()).as(job.text()).isEqualTo(202);
        assertThat(job.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        return UUID.fromString(job.json().get("id").asText());
    }

    /** Waits until no job runs and every credential is anchored, so that refused calls can be shown to change nothing. */
    private void awaitQuiet() throws InterruptedException {
        awaitOrFail(Duration.ofSeconds(120), "no job runs and the outbox is empty", () -> jdbc.sql("""
                        select (select count(*) from issuance_jobs where status in ('QUEUED', 'RUNNING'))
                             + (select count(*) from anchor_chunks where batch_id is null)
                             + (select count(*) from anchor_batches where status = 'PENDING')""")
                .query(Long.class).single() == 0);
    }

    @Test
    @Order(1)
    void every_operation_of_the_api_document_has_a_rule() {
        Set<String> documented = documentedOperations();
        Set<String> ruled = new TreeSet<>();
        Set<String> stale = new TreeSet<>();
        for (Rule rule : AccessPolicy.RULES) {
            ruled.add(rule.operation());
            if (rule.documented() && !documented.contains(rule.operation())) {
                stale.add(rule.operation());
            }
        }
        Set<String> uncovered = new TreeSet<>(documented);
        uncovered.removeAll(ruled);
        if (!uncovered.isEmpty() || !stale.isEmpty()) {
            fail("The authorization matrix must name who may call every operation.\n"
                    + "Operations in /v3/api-docs without a rule in AccessPolicy.RULES:\n  " + String.join("\n  ", uncovered)
                    + "\nRules for operations the document no longer has:\n  " + String.join("\n  ", stale));
        }
        for (Rule rule : AccessPolicy.RULES) {
            Call call = rule.call(fixture);
            assertThat(call.method() + " " + call.path().replaceFirst("\\?.*", ""))
                    .as("the call made for %s", rule.operation()).matches(rule.pattern());
        }
    }

    private Set<String> documentedOperations() {
        ApiClient.Response doc = api().get(null, "/v3/api-docs");
        assertThat(doc.status()).as(doc.text()).isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.json().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        assertThat(operations).as("the API document lists operations").isNotEmpty();
        return operations;
    }

    @Test
    @Order(2)
    void refused_callers_get_401_403_or_404_and_change_nothing() {
        Map<String, Object> before = worldState();
        long deniedRowsBefore = deniedAuditRows();
        List<String> problems = new ArrayList<>();
        for (Rule rule : AccessPolicy.RULES) {
            for (Requester requester : Requester.values()) {
                if (!rule.refuses(requester)) {
                    continue;
                }
                call(rule, requester, rule.call(fixture), rule.expectation(requester), answers, problems);
                Call invalid = rule.invalidCall(fixture);
                if (invalid != null) {
                    call(rule, requester, invalid, rule.invalidBodyExpectation(requester), invalidBodyAnswers, problems);
                }
                if (rule.writes()) {
                    Map<String, Object> now = worldState();
                    if (!now.equals(before)) {
                        problems.add(rule.operation() + " by " + requester + " changed the stored state: " + before + " -> " + now);
                        before = now;
                    }
                }
            }
        }
        assertThat(worldState()).as("state after every refused call").isEqualTo(before);
        System.out.printf("%nRefused calls wrote %d DENIED audit rows (refusals by Caller.require are not audited).%n",
                deniedAuditRows() - deniedRowsBefore);
        assertThat(problems).as("refused calls that were not refused as the policy says").isEmpty();
    }

    @Test
    @Order(3)
    void allowed_callers_get_past_authorization() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (Rule rule : AccessPolicy.RULES) {
            for (Requester requester : Requester.values()) {
                if (!rule.refuses(requester)) {
                    call(rule, requester, rule.call(fixture), rule.expectation(requester), answers, problems);
                }
            }
        }
        printMatrix();
        assertThat(problems).as("allowed calls that did not get the answer the policy says").isEmpty();

        assertThat(jdbc.sql("select revoked_by from credentials where id = ?").param(fixture.revocable()).query(String.class).single())
                .isEqualTo(Requester.BENNGHE_ISSUER.account());
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where actor = ? and action = 'CREDENTIAL_REVOKED' and outcome = 'DENIED'
                        and target = ?""")
                .params(Requester.BENNGHE_PRINCIPAL.account(), fixture.revocable().toString()).query(Long.class).single())
                .as("the second revocation of a credential is audited as DENIED").isEqualTo(1);
        assertThat(jobStatus(fixture.jobToReject())).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select approved_by from issuance_jobs where id = ?").param(fixture.jobToApprove()).query(String.class).single())
                .isEqualTo(Requester.BENNGHE_PRINCIPAL.account());
        awaitQuiet();
    }

    @AfterAll
    void letStartedJobsFinish() throws InterruptedException {
        awaitQuiet();
    }

    private String jobStatus(UUID job) {
        return jdbc.sql("select status from issuance_jobs where id = ?").param(job).query(String.class).single();
    }

    private void call(Rule rule, Requester requester, Call call, Expectation expected,
                      Map<Rule, Map<Requester, ApiClient.Response>> record, List<String> problems) {
        ApiClient.Response response = send(requester, call);
        record.computeIfAbsent(rule, r -> new EnumMap<>(Requester.class)).put(requester, response);
        String who = call.method() + " " + call.path() + " by " + requester;
        List<String> wrong = expected.mismatches(response);
        if (!wrong.isEmpty()) {
            problems.add(who + ": " + String.join("; ", wrong) + " — body: " + abbreviated(response));
        }
        boolean outsider = requester.schoolCode() != null && !requester.schoolCode().equals(fixture.school());
        if (!rule.isPublic() && (outsider || rule.refuses(requester))) {
            String body = response.text();
            for (String secret : fixture.privateData()) {
                if (body.contains(secret)) {
                    problems.add(who + " answered with school " + fixture.school() + "'s data: '" + secret + "'");
                    break;
                }
            }
        }
    }

    private ApiClient.Response send(Requester requester, Call call) {
        HttpRequest.Builder request = api().authorized(requester.account(), call.path());
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        return api().send(request);
    }

    /** What a refused call must not change: counts of every table it could write, and the states it could move. */
    private Map<String, Object> worldState() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String table : List.of("schools", "school_keys", "school_classes", "students", "issuance_jobs", "credentials",
                "anchor_chunks")) {
            state.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        state.put("active key of " + fixture.school(), jdbc.sql("select public_key_multibase from school_keys where school_code = ? and active")
                .param(fixture.school()).query(String.class).single());
        state.put("revoked", jdbc.sql("select count(*) from credentials where revoked_at is not null").query(Long.class).single());
        state.put("job to approve", jobStatus(fixture.jobToApprove()));
        state.put("job to reject", jobStatus(fixture.jobToReject()));
        state.put("successful audit rows", jdbc.sql("select count(*) from audit_log where outcome = 'SUCCESS'").query(Long.class).single());
        return state;
    }

    private long deniedAuditRows() {
        return jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single();
    }

    private void printMatrix() {
        StringBuilder out = new StringBuilder("\nAuthorization matrix (school ").append(fixture.school())
                .append("'s resources; status, problem code; '/x' = with an invalid body)\n");
        out.append(String.format("%-58s", "operation"));
        for (Requester r : Requester.values()) {
            out.append(String.format(" %-20s", r.label()));
        }
        out.append('\n');
        for (Rule rule : AccessPolicy.RULES) {
            out.append(String.format("%-58s", rule.operation()));
            for (Requester r : Requester.values()) {
                ApiClient.Response a = answers.getOrDefault(rule, Map.of()).get(r);
                ApiClient.Response x = invalidBodyAnswers.getOrDefault(rule, Map.of()).get(r);
                String cell = a == null ? "-" : a.status() + code(a);
                if (x != null) {
                    cell += "/x" + x.status();
                }
                out.append(String.format(" %-20s", cell));
            }
            out.append('\n');
        }
        System.out.println(out);
    }

    private static String code(ApiClient.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "";
        }
        JsonNode code = response.json().get("code");
        return code == null ? "" : " " + code.asText();
    }

    private static String abbreviated(ApiClient.Response response) {
        String text = response.text();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void awaitOrFail(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Waited " + limit.toSeconds() + " s for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
