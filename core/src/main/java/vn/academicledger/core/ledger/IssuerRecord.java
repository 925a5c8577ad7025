package vn.academicledger.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A school in the on-chain issuer registry. Holds no personal data: the school's code, its DID,
 * the verification method ids and public keys (multibase) it signs with, and its status.
 *
 * @param changedAt transaction time of the change that produced this version
 * @param txId      transaction that produced this version
 */
public record IssuerRecord(
        String schoolCode,
        String name,
        String did,
        List<String> publicKeysMultibase,
        IssuerStatus status,
        String reason,
        Instant changedAt,
        String txId) {
    public IssuerRecord {
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(status, "status");
        publicKeysMultibase = List.copyOf(publicKeysMultibase == null ? List.of() : publicKeysMultibase);
    }

    public boolean accredited() {
        return status == IssuerStatus.ACCREDITED;
    }
}
