package vn.academicledger.issuer.issuance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.YearOutcome;
import vn.academicledger.core.grading.ClassGradebook;
import vn.academicledger.core.grading.ReportCardGrading;
import vn.academicledger.core.grading.StudentGradebook;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.classes.Classes;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;

/**
 * Issuance as jobs: a school issuer prepares one (a class's report cards or diplomas, or one
 * student's), the school's signer (the principal) approves it, and {@link JobRunner} signs, stores
 * and queues every credential for anchoring. A signer's own job needs no second approval.
 */
@Service
public class IssuanceJobs {
    static final String SELECT = """
            select id, school_code, credential_type, cryptosuite, class_id, student_id, status, total, done, failed,
                   created_by, approved_by, created_at, started_at, finished_at, message from issuance_jobs""";

    private final JdbcClient jdbc;
    private final Classes classes;
    private final AuditLog audit;

    IssuanceJobs(JdbcClient jdbc, Classes classes, AuditLog audit) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.audit = audit;
    }

    /** What a job issues. */
    public record Request(CredentialType type, UUID classId, UUID studentId, Cryptosuite cryptosuite) {
    }

    @Transactional
    public Job create(Caller caller, String school, Request request) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        if (request.type() == CredentialType.CERTIFICATE) {
            throw IssuerException.invalid("UNSUPPORTED_TYPE", "Chứng chỉ được cấp từng cái qua POST /credentials/issue "
                    + "/ certificates are issued one at a time through VC-API POST /credentials/issue.");
        }
        UUID classId = request.classId();
        Integer position = null;
        if (request.studentId() != null) {
            Classes.StudentRow student = classes.student(school, request.studentId())
                    .orElseThrow(() -> IssuerException.notFound("student", request.studentId().toString()));
            if (classId != null && !classId.equals(student.classId())) {
                throw IssuerException.invalid("STUDENT_NOT_IN_CLASS", "The student is not in that class.");
            }
            classId = student.classId();
            position = student.position();
        }
        if (classId == null) {
            throw IssuerException.invalid("MISSING_CLASS", "Name the class (classId) or the student (studentId) to issue for.");
        }
        ClassGradebook book = classes.gradebook(school, classId);
        int total = items(book, request.type(), position).size();
        if (total == 0) {
            throw IssuerException.invalid("NOTHING_TO_ISSUE", request.type() == CredentialType.DIPLOMA
                    ? "Không học sinh nào đủ điều kiện tốt nghiệp / no student of this selection completed upper secondary school."
                    : "The selection has no students.");
        }
        boolean signer = caller.is(Role.SCHOOL_SIGNER);
        UUID id = vn.academicledger.issuer.system.TimeOrderedIds.next();
        jdbc.sql("""
                        insert into issuance_jobs (id, school_code, credential_type, cryptosuite, class_id, student_id, status,
                            total, created_by, approved_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, school, request.type().name(), request.cryptosuite().name(), classId, request.studentId(),
                        signer ? "QUEUED" : "AWAITING_APPROVAL", total, caller.username(), signer ? caller.username() : null)
                .update();
        audit.record(caller, AuditLog.Action.JOB_CREATED, school, id.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("type", request.type().name(), "total", total, "classId", classId.toString()));
        return get(caller, school, id);
    }

    @Transactional
    public Job approve(Caller caller, String school, UUID id) {
        caller.require(school, Role.SCHOOL_SIGNER);
        int changed = jdbc.sql("update issuance_jobs set status = 'QUEUED', approved_by = ? where id = ? and school_code = ? and status = 'AWAITING_APPROVAL'")
                .params(caller.username(), id, school).update();
        if (changed == 0) {
            Job job = get(caller, school, id);
            throw IssuerException.conflict("JOB_NOT_AWAITING_APPROVAL", "Job " + id + " is " + job.status() + "; only a job awaiting approval can be approved.");
        }
        audit.record(caller, AuditLog.Action.JOB_APPROVED, school, id.toString(), AuditLog.Outcome.SUCCESS, Map.of());
        return get(caller, school, id);
    }

    @Transactional
    public Job reject(Caller caller, String school, UUID id, String reason) {
        caller.require(school, Role.SCHOOL_SIGNER);
        int changed = jdbc.sql("update issuance_jobs set status = 'REJECTED', approved_by = ?, message = ?, finished_at = now() where id = ? and school_code = ? and status = 'AWAITING_APPROVAL'")
                .params(caller.username(), reason, id, school).update();
        if (changed == 0) {
            Job job = get(caller, school, id);
            throw IssuerException.conflict("JOB_NOT_AWAITING_APPROVAL", "Job " + id + " is " + job.status() + "; only a job awaiting approval can be rejected.");
        }
        audit.record(caller, AuditLog.Action.JOB_REJECTED, school, id.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("reason", reason == null ? "" : reason));
        return get(caller, school, id);
    }

    public Job get(Caller caller, String school, UUID id) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        Job job = find(id).filter(j -> j.schoolCode().equals(school))
                .orElseThrow(() -> IssuerException.notFound("job", id.toString()));
        List<Job.Failure> failures = jdbc.sql("select item, student_id, reason from job_failures where job_id = ? order by item limit 1000")
                .param(id).query((rs, n) -> new Job.Failure(rs.getInt(1), (UUID) rs.getObject(2), rs.getString(3))).list();
        long anchored = jdbc.sql("""
                        select count(*) from credentials c join anchor_chunks k on k.seq = c.anchor_chunk
                        join anchor_batches b on b.id = k.batch_id where c.job_id = ? and b.status = 'ANCHORED'""")
                .param(id).query(Long.class).single();
        return job.withDetails(failures, anchored);
    }

    public List<Job> list(Caller caller, String school) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        return jdbc.sql(SELECT + " where school_code = ? order by created_at desc limit 500").param(school)
                .query(IssuanceJobs::row).list();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(IssuanceJobs::row).optional();
    }

    /** The class positions a job covers, in class order: everyone, or the graduates for diplomas. */
    static List<Integer> items(ClassGradebook book, CredentialType type, Integer onlyPosition) {
        java.util.ArrayList<Integer> positions = new java.util.ArrayList<>();
        List<StudentGradebook> students = book.students();
        for (int i = 0; i < students.size(); i++) {
            if (onlyPosition != null && onlyPosition != i) {
                continue;
            }
            if (type == CredentialType.DIPLOMA) {
                try {
                    if (ReportCardGrading.grade(students.get(i)).outcome() != YearOutcome.COMPLETED_UPPER_SECONDARY) {
                        continue;
                    }
                } catch (RuntimeException e) {
                    continue;
                }
            }
            positions.add(i);
        }
        return positions;
    }

    static Job row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Job((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4), (UUID) rs.getObject(5),
                (UUID) rs.getObject(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getString(11),
                rs.getString(12), rs.getTimestamp(13).toInstant(), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
                rs.getString(16), null, null);
    }

    private static java.time.Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
