package vn.academicledger.core.proof;

import java.util.Optional;

/** The Data Integrity cryptosuites of "Data Integrity EdDSA Cryptosuites v1.0". */
public enum Cryptosuite {
    /** JSON Canonicalization Scheme (RFC 8785), then SHA-256 and Ed25519. Fast; signs the JSON as written. */
    EDDSA_JCS_2022("eddsa-jcs-2022"),
    /** RDF Dataset Canonicalization of the JSON-LD, then SHA-256 and Ed25519. Signs the meaning (RDF). */
    EDDSA_RDFC_2022("eddsa-rdfc-2022");

    private final String id;

    Cryptosuite(String id) {
        this.id = id;
    }

    /** The value of the proof's {@code cryptosuite} property. */
    public String id() {
        return id;
    }

    public static Optional<Cryptosuite> fromId(String id) {
        for (Cryptosuite suite : values()) {
            if (suite.id.equals(id)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
