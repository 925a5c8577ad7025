package vn.academicledger.ledger.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import vn.academicledger.chaincode.contract.KeyVersion;
import vn.academicledger.chaincode.contract.TransactionContext;
import vn.academicledger.core.ledger.ClientIdentity;

/**
 * One transaction running against the embedded world state, with Fabric's semantics: reads see
 * the state committed before it, writes are collected (last write of a key wins) and applied
 * only when it commits.
 */
final class EmbeddedTransaction implements TransactionContext {
    private final String txId;
    private final Instant timestamp;
    private final ClientIdentity caller;
    private final WorldState state;
    private final Map<String, byte[]> writes = new TreeMap<>();

    EmbeddedTransaction(String txId, Instant timestamp, ClientIdentity caller, WorldState state) {
        this.txId = txId;
        this.timestamp = timestamp;
        this.caller = caller;
        this.state = state;
    }

    @Override
    public String txId() {
        return txId;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public ClientIdentity caller() {
        return caller;
    }

    @Override
    public Optional<byte[]> getState(String key) {
        return state.get(key);
    }

    @Override
    public void putState(String key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        writes.put(key, value.clone());
    }

    @Override
    public List<KeyVersion> history(String key) {
        return state.history(key);
    }

    /** The write set, sorted by key. */
    List<Block.Write> writes() {
        return writes.entrySet().stream().map(entry -> new Block.Write(entry.getKey(), entry.getValue())).toList();
    }
}
