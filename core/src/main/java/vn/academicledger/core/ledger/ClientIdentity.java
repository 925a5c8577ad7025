package vn.academicledger.core.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who submits a ledger transaction: the MSP of the caller's organisation, the certificate's
 * subject, and the attributes Fabric's CA writes into the certificate (extension
 * 1.2.3.4.5.6.7.8.1), such as {@code schoolCode} and {@code role}.
 */
public record ClientIdentity(String mspId, String subject, Map<String, String> attributes) {
    /** Attribute naming the school a client acts for. */
    public static final String SCHOOL_CODE = "schoolCode";
    /** Attribute naming the client's role: {@code admin}, {@code issuer}, {@code auditor}. */
    public static final String ROLE = "role";

    public static final String DEPARTMENT_MSP = "DepartmentMSP";
    public static final String MINISTRY_MSP = "MinistryMSP";

    public ClientIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(subject, "subject");
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** A department administrator: accredits and suspends schools. */
    public static ClientIdentity departmentAdmin(String subject) {
        return new ClientIdentity(DEPARTMENT_MSP, subject, Map.of(ROLE, "admin"));
    }

    /** A school's issuing client: anchors batches and revokes, for its own school only. */
    public static ClientIdentity schoolIssuer(String subject, String schoolCode) {
        return new ClientIdentity(DEPARTMENT_MSP, subject, Map.of(ROLE, "issuer", SCHOOL_CODE, schoolCode));
    }
}
