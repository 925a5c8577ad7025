package vn.academicledger.core.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential revoked on the ledger, keyed by its salted digest (no personal data).
 *
 * @param credentialDigestHex lower-case hex of the credential's salted digest
 * @param reasonCode          e.g. {@code ISSUED_IN_ERROR}, {@code SUPERSEDED}, {@code FRAUD}
 * @param revokedBy           subject of the client that revoked
 */
public record Revocation(
        String credentialDigestHex,
        String issuerCode,
        String reasonCode,
        Instant revokedAt,
        String revokedBy,
        String txId) {
    public Revocation {
        Objects.requireNonNull(credentialDigestHex, "credentialDigestHex");
        Objects.requireNonNull(issuerCode, "issuerCode");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
