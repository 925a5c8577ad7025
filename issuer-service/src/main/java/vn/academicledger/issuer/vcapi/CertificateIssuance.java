package vn.academicledger.issuer.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.domain.Certificate;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.issuance.CredentialFactory;
import vn.academicledger.issuer.issuance.StatusIndexes;
import vn.academicledger.issuer.schools.SchoolRecord;
import vn.academicledger.issuer.schools.Schools;
import vn.academicledger.issuer.schools.SigningKeys;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * Issues one certificate (chứng chỉ) through VC-API, signed by the school's principal.
 *
 * <p>The request's subject is read into core's {@link Certificate} (every field checked and named by
 * path on error) and the credential is then written from that record, exactly as jobs write report
 * cards and diplomas: the school signs only what its domain model says, in its canonical form, with
 * the school's details from the register and bilingual name and description. The holder must be one
 * of the school's students on record (number, name, date of birth and personal id must match).
 *
 * <p>Report cards and diplomas are refused here: report cards are computed from a class's imported
 * results and diplomas take numbers from the school's register, both through approved jobs.
 *
 * <p>In one transaction, as {@code JobRunner} does for a job's chunk: a status list slot is taken,
 * the credential is signed and stored with its salted digest, queued in the anchoring outbox and
 * audited. It is anchored within seconds; {@code GET /credentials/{id}} then carries the receipt.
 */
@Service
class CertificateIssuance {
    static final Cryptosuite SUITE = Cryptosuite.EDDSA_RDFC_2022;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_NUMBER_LENGTH = 32;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Schools schools;
    private final SigningKeys keys;
    private final StatusIndexes statusIndexes;
    private final AuditLog audit;
    private final IssuerProperties properties;
    private final Clock clock;

    private final vn.academicledger.issuer.anchoring.AnchorOutbox outbox;

    CertificateIssuance(JdbcClient jdbc, TransactionTemplate transactions, Schools schools, SigningKeys keys,
                        StatusIndexes statusIndexes, AuditLog audit, vn.academicledger.issuer.anchoring.AnchorOutbox outbox,
                        IssuerProperties properties, Clock clock) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schools = schools;
        this.keys = keys;
        this.statusIndexes = statusIndexes;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The issued credential: its id and the signed JSON (no receipt yet). */
    record Issued(UUID id, ObjectNode credential) {
    }

    Issued issue(Caller caller, String body) {
        if (caller.is(Role.SCHOOL_ISSUER)) {
            throw IssuerException.forbidden("Chứng chỉ do hiệu trưởng ký trực tiếp qua VC-API / a certificate issued through "
                    + "VC-API is signed at once, with no approval step, so only the school's signer (SCHOOL_SIGNER, the "
                    + "principal) may call it; registrars prepare report cards and diplomas as jobs for the principal to approve.");
        }
        caller.require(Role.SCHOOL_SIGNER);
        String school = caller.schoolCode();
        SchoolRecord record = schools.get(school);
        if (!"ACCREDITED".equals(record.status())) {
            throw IssuerException.conflict("SCHOOL_SUSPENDED", "Trường " + school + " đang bị đình chỉ / school " + school
                    + " is " + record.status() + " and may not issue credentials.");
        }
        IssueRequest request = IssueRequest.read(body);
        if (!request.issuerDid().equals(record.did())) {
            throw IssuerException.invalid("ISSUER_MISMATCH", "credential.issuer is " + request.issuerDid() + " but this account "
                    + "signs for " + record.name() + " (" + school + "), whose DID is " + record.did()
                    + "; a school issues only in its own name.");
        }
        CredentialType type = type(request.types());
        if (type != CredentialType.CERTIFICATE) {
            throw IssuerException.invalid("USE_JOBS_API", type.typeName() + " is not issued through VC-API: "
                    + (type == CredentialType.REPORT_CARD
                    ? "report cards are computed from the class's imported results"
                    : "diplomas take their numbers from the school's register")
                    + "; create a job with POST /api/v1/schools/" + school + "/jobs {\"type\": \"" + type.name()
                    + "\", \"classId\": …} for the principal to approve.");
        }
        JsonNode subjectJson = request.credential().get("credentialSubject");
        if (!subjectJson.isObject()) {
            throw IssuerException.invalid("INVALID_SUBJECT", "credentialSubject must be one object (the student), not an array.");
        }
        Certificate asked;
        try {
            asked = CredentialSubjects.readCertificate(subjectJson);
        } catch (InvalidInputException e) {
            throw IssuerException.invalid("INVALID_SUBJECT", "The certificate in credentialSubject is not valid: " + e.getMessage());
        }
        if (!asked.school().code().equals(school) || !asked.school().did().equals(record.did())) {
            throw IssuerException.invalid("SUBJECT_SCHOOL_MISMATCH", "credentialSubject.school is " + asked.school().code() + " ("
                    + asked.school().did() + ") but the certificate is issued by " + school + " (" + record.did()
                    + "); a school certifies its own students only.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        if (asked.issueDate().isAfter(today)) {
            throw IssuerException.invalid("INVALID_SUBJECT", "credentialSubject.certificate.issueDate " + asked.issueDate()
                    + " is in the future; a certificate is issued once it has been awarded.");
        }
        if (asked.certificateNumber() != null && asked.certificateNumber().length() > MAX_NUMBER_LENGTH) {
            throw IssuerException.invalid("INVALID_SUBJECT", "credentialSubject.certificate.certificateNumber is at most "
                    + MAX_NUMBER_LENGTH + " characters.");
        }
        UUID studentId = studentOnRecord(school, asked.holder());
        Certificate certificate = new Certificate(asked.kind(), asked.holder(), record.toSchool(), asked.name(), asked.level(),
                asked.awardingBody(), asked.issueDate(), asked.result(), asked.certificateNumber());
        ObjectNode subject = withHolderId(subjectJson.get("id"), CredentialSubjects.of(certificate));
        return transactions.execute(tx -> store(caller, record, certificate, subject, studentId));
    }

    private Issued store(Caller caller, SchoolRecord school, Certificate certificate, ObjectNode subject, UUID studentId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CredentialFactory.StatusSlot slot = statusIndexes.allocate(school.code(), 1).get(0);
        SigningKey key = keys.signingKey(school.code());
        UUID id = vn.academicledger.issuer.system.TimeOrderedIds.next();
        ObjectNode signed = CredentialFactory.sign(id, school.did(), school.name(), key, SUITE, CredentialType.CERTIFICATE,
                CredentialText.of(certificate), subject, now, properties.publicBaseUrl() + "/status-lists/" + school.code(), slot);
        byte[] salt = CredentialDigest.newSalt();
        byte[] digest = CredentialDigest.of(signed, salt);
        long chunk = outbox.reserve();
        jdbc.sql("""
                        insert into credentials (id, school_code, credential_type, student_id, job_id, job_item, status_list,
                            status_index, credential_json, salt, digest, serial_number, register_number, issued_by, issued_at,
                            anchor_chunk)
                        values (?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)""")
                .params(id, school.code(), CredentialType.CERTIFICATE.name(), studentId, slot.listNumber(), slot.index(),
                        signed.toString(), salt, digest, certificate.certificateNumber(), caller.username(), Timestamp.from(now),
                        chunk)
                .update();
        outbox.enqueue(chunk, school.code(), CredentialType.CERTIFICATE.name(), null, List.of(id), List.of(digest));
        audit.record(caller, AuditLog.Action.CREDENTIAL_ISSUED, school.code(), id.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("type", CredentialType.CERTIFICATE.name(), "via", "VC-API", "cryptosuite", SUITE.id(),
                        "certificateKind", certificate.kind().name(), "statusList", slot.listNumber(), "statusIndex", slot.index()));
        return new Issued(id, signed);
    }

    /** The credential type named next to VerifiableCredential. */
    private static CredentialType type(List<String> types) {
        List<String> specific = types.stream().filter(t -> !t.equals("VerifiableCredential")).toList();
        for (CredentialType t : CredentialType.values()) {
            if (specific.equals(List.of(t.typeName()))) {
                return t;
            }
        }
        throw IssuerException.invalid("UNSUPPORTED_TYPE", "credential.type must be [\"VerifiableCredential\", \""
                + CredentialType.CERTIFICATE.typeName() + "\"]; got " + types + ".");
    }

    /** The student's id in the school's records, refusing a holder the school does not have as they are described. */
    private UUID studentOnRecord(String school, Student holder) {
        record Row(UUID id, String fullName, LocalDate birthDate, String personalId) {
        }
        Row row = jdbc.sql("select id, full_name, birth_date, personal_id from students where school_code = ? and student_number = ?")
                .params(school, holder.studentNumber())
                .query((rs, n) -> new Row((UUID) rs.getObject(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)))
                .optional()
                .orElseThrow(() -> IssuerException.invalid("UNKNOWN_STUDENT", "Trường không có học sinh mã " + holder.studentNumber()
                        + " / the school has no student " + holder.studentNumber() + " on record; import the student's class first."));
        if (!row.fullName().equals(holder.fullName()) || !row.birthDate().equals(holder.dateOfBirth())
                || !row.personalId().equals(holder.personalId())) {
            throw IssuerException.invalid("STUDENT_MISMATCH", "credentialSubject describes student " + holder.studentNumber()
                    + " differently from the school's records (full name, birth date or personal identifier); correct the "
                    + "request or the records.");
        }
        return row.id();
    }

    /** The subject with the holder's id (their DID, if the request bound one) first, as the record does not carry it. */
    private static ObjectNode withHolderId(JsonNode id, ObjectNode subject) {
        if (id == null || !id.isTextual()) {
            return subject;
        }
        ObjectNode bound = JsonNodeFactory.instance.objectNode();
        bound.put("id", id.textValue());
        bound.setAll(subject);
        return bound;
    }
}
