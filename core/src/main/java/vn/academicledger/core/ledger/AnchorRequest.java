package vn.academicledger.core.ledger;

import java.util.Objects;

/** What an issuer asks the ledger to anchor. Anchoring the same request twice is idempotent. */
public record AnchorRequest(String batchId, String merkleRootHex, String issuerCode, long credentialCount, String credentialType) {
    public AnchorRequest {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(merkleRootHex, "merkleRootHex");
        Objects.requireNonNull(issuerCode, "issuerCode");
        Objects.requireNonNull(credentialType, "credentialType");
    }
}
