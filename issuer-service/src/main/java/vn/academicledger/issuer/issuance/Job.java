package vn.academicledger.issuer.issuance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issuance job and its progress. {@code total} items; {@code done} issued; {@code failed} refused
 * with a reason each (in {@code failures}); {@code anchored}: how many of the issued ones are on the
 * ledger with their receipt (shown for one job, not in lists).
 */
public record Job(UUID id, String schoolCode, String credentialType, String cryptosuite, UUID classId, UUID studentId,
                  String status, int total, int done, int failed, String createdBy, String approvedBy, Instant createdAt,
                  Instant startedAt, Instant finishedAt, String message, List<Failure> failures, Long anchored) {

    public record Failure(int item, UUID studentId, String reason) {
    }

    public Job withDetails(List<Failure> list, long anchoredCount) {
        return new Job(id, schoolCode, credentialType, cryptosuite, classId, studentId, status, total, done, failed,
                createdBy, approvedBy, createdAt, startedAt, finishedAt, message, list, anchoredCount);
    }
}
