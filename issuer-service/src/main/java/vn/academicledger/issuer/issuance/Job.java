package vn.academicledger.issuer.issuance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issuance job and its progress. {@code total} items; {@code done} issued; {@code failed} refused
 * with a reason each (in {@code failures}).
 */
public record Job(UUID id, String schoolCode, String credentialType, String cryptosuite, UUID classId, UUID studentId,
                  String status, int total, int done, int failed, String createdBy, String approvedBy, Instant createdAt,
                  Instant startedAt, Instant finishedAt, String message, List<Failure> failures) {

    public record Failure(int item, UUID studentId, String reason) {
    }

    public Job withFailures(List<Failure> list) {
        return new Job(id, schoolCode, credentialType, cryptosuite, classId, studentId, status, total, done, failed,
                createdBy, approvedBy, createdAt, startedAt, finishedAt, message, list);
    }
}
