package vn.academicledger.chaincode.fabric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import vn.academicledger.chaincode.contract.KeyVersion;
import vn.academicledger.chaincode.contract.TransactionContext;
import vn.academicledger.core.ledger.ClientIdentity;

/**
 * The shim's {@link Context} seen as the contract's {@link TransactionContext}. The caller's
 * attributes are the ones Fabric CA writes into the certificate (extension 1.2.3.4.5.6.7.8.1,
 * {@code {"attrs":{…}}}), read through the shim's {@code ClientIdentity.getAttributeValue}.
 */
final class ShimTransactionContext implements TransactionContext {
    /** The certificate attributes the contract looks at. */
    static final List<String> ATTRIBUTES = List.of(ClientIdentity.ROLE, ClientIdentity.SCHOOL_CODE);

    private final ChaincodeStub stub;
    private final ClientIdentity caller;

    ShimTransactionContext(Context context) {
        this.stub = context.getStub();
        this.caller = callerOf(context.getClientIdentity());
    }

    static ClientIdentity callerOf(org.hyperledger.fabric.contract.ClientIdentity shimIdentity) {
        Map<String, String> attributes = new HashMap<>();
        for (String name : ATTRIBUTES) {
            String value = shimIdentity.getAttributeValue(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        String subject = shimIdentity.getX509Certificate() == null
                ? shimIdentity.getId()
                : shimIdentity.getX509Certificate().getSubjectX500Principal().getName();
        return new ClientIdentity(shimIdentity.getMSPID(), subject, attributes);
    }

    @Override
    public String txId() {
        return stub.getTxId();
    }

    @Override
    public java.time.Instant timestamp() {
        return stub.getTxTimestamp();
    }

    @Override
    public ClientIdentity caller() {
        return caller;
    }

    @Override
    public Optional<byte[]> getState(String key) {
        byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void putState(String key, byte[] value) {
        stub.putState(key, value);
    }

    /** Fabric 2.x returns a key's history newest first; the contract wants it oldest first. */
    @Override
    public List<KeyVersion> history(String key) {
        List<KeyVersion> versions = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> modifications = stub.getHistoryForKey(key)) {
            for (KeyModification modification : modifications) {
                versions.add(new KeyVersion(modification.getTxId(), modification.getTimestamp(),
                        modification.isDeleted(), modification.getValue()));
            }
        }
        Collections.reverse(versions);
        return List.copyOf(versions);
    }
}
