package vn.academicledger.issuer.schools;

import java.time.Instant;
import vn.academicledger.core.domain.School;

/**
 * A school as this service keeps it.
 *
 * @param status ACCREDITED or SUSPENDED
 */
public record SchoolRecord(String code, String name, String did, String address, String ward, String district,
                           String province, String status, String publicKeyMultibase, Instant createdAt) {
    public School toSchool() {
        return new School(code, name, address, ward, district == null || district.isBlank() ? null : district, province, did);
    }
}
