package vn.academicledger.chaincode.contract;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.academicledger.core.ledger.ClientIdentity;

/**
 * What the contract sees of one transaction: who submits it, its id and time, and the world
 * state it may read and write. The Fabric wrapper adapts the shim's {@code Context} to it; the
 * embedded ledger implements it over its own store. Both must keep Fabric's semantics:
 *
 * <ul>
 *   <li>{@link #getState} reads the state as committed before this transaction: a transaction
 *       does not see its own writes;</li>
 *   <li>{@link #putState} adds to the transaction's write set, applied only when it commits;</li>
 *   <li>{@link #timestamp()} is the transaction's own time, the same on every endorser, never a
 *       local clock.</li>
 * </ul>
 */
public interface TransactionContext {

    /** Hex SHA-256 of the proposal's nonce and creator, as Fabric computes it. */
    String txId();

    /** The time the client put in the transaction proposal. */
    Instant timestamp();

    /** The submitting client: MSP, certificate subject, certificate attributes. */
    ClientIdentity caller();

    /** The committed value of {@code key}, or empty when the key has no value. */
    Optional<byte[]> getState(String key);

    /** Writes {@code value} to {@code key} when the transaction commits. */
    void putState(String key, byte[] value);

    /** Every committed version of {@code key}, oldest first. */
    List<KeyVersion> history(String key);
}
