package vn.academicledger.chaincode.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed version of a world-state key: the transaction that wrote it, that transaction's
 * time, and the bytes written (empty when the transaction deleted the key).
 */
public record KeyVersion(String txId, Instant timestamp, boolean deleted, byte[] value) {
    public KeyVersion {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        value = value == null ? new byte[0] : value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyVersion that
                && txId.equals(that.txId)
                && timestamp.equals(that.timestamp)
                && deleted == that.deleted
                && java.util.Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, timestamp, deleted, java.util.Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "KeyVersion[txId=" + txId + ", timestamp=" + timestamp + ", deleted=" + deleted
                + ", value=" + value.length + " bytes]";
    }
}
