package vn.academicledger.core.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A Merkle root anchored on the ledger for one batch of one issuer's credentials.
 *
 * @param merkleRootHex  lower-case hex of the 32-byte root
 * @param anchoredAt     transaction time (from the transaction, never a local clock)
 * @param blockNumber    block holding the transaction, or -1 where the ledger does not say
 */
public record BatchAnchor(
        String batchId,
        String merkleRootHex,
        String issuerCode,
        long credentialCount,
        String credentialType,
        Instant anchoredAt,
        String txId,
        long blockNumber) {
    public BatchAnchor {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(merkleRootHex, "merkleRootHex");
        Objects.requireNonNull(issuerCode, "issuerCode");
    }
}
