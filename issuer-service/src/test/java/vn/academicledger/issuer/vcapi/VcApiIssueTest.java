package vn.academicledger.issuer.vcapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.domain.Certificate;
import vn.academicledger.core.domain.CertificateKind;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.VerificationReport;
import vn.academicledger.core.status.StatusListEntry;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.verify.LedgerDidResolver;
import vn.academicledger.issuer.revocation.IssuedReportCards;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;
import vn.academicledger.issuer.system.IssuerProperties;
import vn.academicledger.issuer.system.LedgerAccess;

class VcApiIssueTest extends IssuerServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNER = "bennghe.principal";
    private static final SampleClass SAMPLE = SampleClass.load();

    @Autowired
    LedgerAccess ledger;
    @Autowired
    IssuerProperties properties;

    /** A certificate for the demo class's first student, with a holder DID, as a VC-API issue request. */
    static ObjectNode request(String holderDid) {
        Student student = SAMPLE.students().get(0);
        Certificate certificate = new Certificate(CertificateKind.FOREIGN_LANGUAGE, student, SAMPLE.school(),
                "Chứng chỉ tiếng Anh theo Khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam", "Bậc 3 (B1)",
                "Trung tâm Khảo thí, Trường Đại học Sư phạm Thành phố Hồ Chí Minh", LocalDate.of(2026, 5, 20), "6.5", "KT-B1-004711");
        ObjectNode subject = JSON.createObjectNode();
        if (holderDid != null) {
            subject.put("id", holderDid);
        }
        subject.setAll(CredentialSubjects.of(certificate));
        ObjectNode credential = JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.ACADEMIC_LEDGER_V1);
        credential.putArray("type").add("VerifiableCredential").add("CertificateCredential");
        credential.put("issuer", SAMPLE.school().did());
        credential.set("credentialSubject", subject);
        ObjectNode request = JSON.createObjectNode();
        request.set("credential", credential);
        request.putObject("options");
        return request;
    }

    private ApiClient.Response issue(String account, Object body) {
        return api().post(account, "/credentials/issue", body instanceof String s ? s : body.toString());
    }

    private static void assertProblem(ApiClient.Response response, int status, String code, String detailPart) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("detail").asText()).contains(detailPart);
    }

    @Test
    void the_principal_issues_a_certificate_201_signed_by_the_school_stored_queued_and_audited() throws Exception {
        String holder = DidKey.did(Ed25519KeyPair.generate().publicKey());

        ApiClient.Response response = issue(SIGNER, request(holder));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode vc = response.json().get("verifiableCredential");
        String id = vc.get("id").asText();
        assertThat(id).startsWith("urn:uuid:");
        UUID uuid = UUID.fromString(id.substring("urn:uuid:".length()));
        assertThat(response.header("Location")).isEqualTo("/credentials/" + id);
        assertThat(vc.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"CertificateCredential\"]");
        assertThat(vc.get("issuer").get("id").asText()).isEqualTo(SAMPLE.school().did());
        assertThat(vc.get("validFrom").asText()).isNotBlank();
        assertThat(vc.get("credentialSubject").get("id").asText()).isEqualTo(holder);
        assertThat(vc.get("proof").get("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        StatusListEntry status = StatusListEntry.fromJson(vc.get("credentialStatus"));
        assertThat(status.statusListCredential()).startsWith(properties.publicBaseUrl() + "/status-lists/" + SCHOOL_A + "/");
        assertThat(CredentialSubjects.readCertificate(vc.get("credentialSubject")).certificateNumber()).isEqualTo("KT-B1-004711");
        VerificationReport report = new DataIntegrityVerifier(LedgerDidResolver.withDidKey(ledger.department())).verify(vc);
        assertThat(report.verified()).as(report.toString()).isTrue();
        Map<String, Object> row = jdbc.sql("select credential_type, job_id, issued_by, status_index, student_id is not null as on_record "
                + "from credentials where id = ?").param(uuid).query().singleRow();
        assertThat(row).containsEntry("credential_type", "CERTIFICATE").containsEntry("issued_by", SIGNER)
                .containsEntry("status_index", status.statusListIndex()).containsEntry("on_record", true);
        assertThat(row.get("job_id")).isNull();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CREDENTIAL_ISSUED' and target = ?")
                .param(uuid.toString()).query(Long.class).single()).isEqualTo(1);

        IssuedReportCards.awaitAnchored(jdbc, uuid);
        ApiClient.Response fetched = api().get("bennghe.issuer", "/credentials/" + id);
        assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
        assertThat(CredentialDigest.receipts(fetched.json())).hasSize(1);
        assertThat(api().get(SIGNER, "/credentials/" + uuid).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'DATA_EXTRACTED' and target = ?")
                .param(uuid.toString()).query(Long.class).single()).isEqualTo(2);
        assertThat(api().get("thuthiem.principal", "/credentials/" + id).status()).isEqualTo(404);
    }

    @Test
    void malformed_json_is_400() {
        assertProblem(issue(SIGNER, "{\"credential\": {\"type\": "), 400, "MALFORMED_JSON", "not valid JSON");
        assertProblem(issue(SIGNER, "[]"), 400, "MALFORMED_REQUEST", "array");
    }

    @Test
    void a_credential_without_credential_subject_is_400() {
        ObjectNode request = request(null);
        ((ObjectNode) request.get("credential")).remove("credentialSubject");

        assertProblem(issue(SIGNER, request), 400, "NOT_A_CREDENTIAL", "credentialSubject is missing");
    }

    @Test
    void another_issuer_did_is_400_a_school_never_issues_for_another() {
        ObjectNode request = request(null);
        ((ObjectNode) request.get("credential")).put("issuer", "did:web:thptthuthiem.hcm.edu.vn");

        assertProblem(issue(SIGNER, request), 400, "ISSUER_MISMATCH", "a school issues only in its own name");
        assertProblem(issue("thuthiem.principal", request(null)), 400, "ISSUER_MISMATCH", "did:web:thptthuthiem.hcm.edu.vn");
    }

    @Test
    void report_cards_and_diplomas_are_refused_with_a_pointer_to_the_jobs_api() {
        ObjectNode request = request(null);
        ((ObjectNode) request.get("credential")).putArray("type").add("VerifiableCredential").add("ReportCardCredential");

        assertProblem(issue(SIGNER, request), 400, "USE_JOBS_API", "/api/v1/schools/" + SCHOOL_A + "/jobs");
    }

    @Test
    void what_the_service_writes_must_be_left_out_and_unknown_options_are_refused() {
        ObjectNode withId = request(null);
        ((ObjectNode) withId.get("credential")).put("id", "urn:uuid:" + UUID.randomUUID());
        assertProblem(issue(SIGNER, withId), 400, "SET_BY_SERVICE", "credential.id");

        ObjectNode withOption = request(null);
        ((ObjectNode) withOption.get("options")).put("credentialId", "x");
        assertProblem(issue(SIGNER, withOption), 400, "UNSUPPORTED_OPTION", "credentialId");
    }

    @Test
    void the_subject_is_checked_against_the_domain_and_the_schools_records() {
        ObjectNode badDate = request(null);
        ((ObjectNode) badDate.at("/credential/credentialSubject/certificate")).put("issueDate", "20-05-2026");
        assertProblem(issue(SIGNER, badDate), 400, "INVALID_SUBJECT", "credentialSubject.certificate.issueDate");

        ObjectNode stranger = request(null);
        ((ObjectNode) stranger.at("/credential/credentialSubject")).put("fullName", "Nguyễn Văn Khác");
        assertProblem(issue(SIGNER, stranger), 400, "STUDENT_MISMATCH", SAMPLE.students().get(0).studentNumber());
    }

    @Test
    void only_the_principal_signs_through_vc_api() {
        assertProblem(issue("bennghe.issuer", request(null)), 403, "FORBIDDEN", "SCHOOL_SIGNER");
        assertThat(api().post(null, "/credentials/issue", request(null).toString()).status()).isEqualTo(401);
        assertThat(api().get("so.auditor", "/credentials/urn:uuid:" + UUID.randomUUID()).status()).isEqualTo(403);
    }
}
