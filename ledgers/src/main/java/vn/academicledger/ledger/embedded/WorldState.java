package vn.academicledger.ledger.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.academicledger.chaincode.contract.KeyVersion;

/**
 * The state the block log builds: each key's current value, every version of each key, and
 * the block of each transaction. Not thread-safe: {@link EmbeddedLedger} guards it with its lock.
 * Values are shared between the current state and the history, never copied or changed.
 */
final class WorldState {
    private final Map<String, byte[]> current = new HashMap<>();
    private final Map<String, List<Version>> versions = new HashMap<>();
    private final Map<String, Long> blockOfTx = new HashMap<>();

    private record Version(String txId, Instant timestamp, byte[] value) {
    }

    void apply(Block block) {
        for (Block.Tx tx : block.transactions()) {
            for (Block.Write write : tx.writes()) {
                current.put(write.key(), write.value());
                versions.computeIfAbsent(write.key(), key -> new ArrayList<>(1))
                        .add(new Version(tx.txId(), tx.timestamp(), write.value()));
            }
            blockOfTx.put(tx.txId(), block.number());
        }
    }

    Optional<byte[]> get(String key) {
        return Optional.ofNullable(current.get(key)).map(byte[]::clone);
    }

    List<KeyVersion> history(String key) {
        return versions.getOrDefault(key, List.of()).stream()
                .map(version -> new KeyVersion(version.txId(), version.timestamp(), false, version.value()))
                .toList();
    }

    /** The block holding the transaction, or -1 if no block does (it wrote nothing, or is unknown). */
    long blockOf(String txId) {
        return txId == null ? -1 : blockOfTx.getOrDefault(txId, -1L);
    }

    int keyCount() {
        return current.size();
    }
}
