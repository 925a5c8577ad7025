package vn.academicledger.issuer.classes;

import java.time.Instant;
import java.util.UUID;

/** A class as listed: no grades, no personal data beyond the count. */
public record ClassSummary(UUID id, String schoolCode, String schoolYear, int grade, String name, String homeroomTeacher,
                           int studentCount, String sourceFormat, String sourceSha256, String importedBy,
                           Instant importedAt) {
}
