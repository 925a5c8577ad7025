package vn.academicledger.core.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.IssuerStatus;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;

/**
 * The reads a verifier makes, in memory: accredited schools, anchored batches, revocations. No
 * authorisation and no history beyond the issuer registry's; enough to drive {@link CredentialVerifier}.
 */
final class TestLedger implements LedgerPort {
    private final Instant time;
    private final Map<String, IssuerRecord> issuers = new ConcurrentHashMap<>();
    private final Map<String, BatchAnchor> batches = new ConcurrentHashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    private int tx;

    /** @param time the transaction time of every write */
    TestLedger(Instant time) {
        this.time = time;
    }

    @Override
    public ClientIdentity identity() {
        return ClientIdentity.departmentAdmin("test");
    }

    @Override
    public synchronized IssuerRecord accreditIssuer(String schoolCode, String name, String did, List<String> keys) {
        IssuerRecord record = new IssuerRecord(schoolCode, name, did, keys, IssuerStatus.ACCREDITED, null, time, "tx-" + ++tx);
        issuers.put(schoolCode, record);
        return record;
    }

    @Override
    public IssuerRecord updateIssuerKeys(String schoolCode, List<String> publicKeysMultibase) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IssuerRecord suspendIssuer(String schoolCode, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IssuerRecord reinstateIssuer(String schoolCode, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<IssuerRecord> findIssuer(String schoolCode) {
        return Optional.ofNullable(issuers.get(schoolCode));
    }

    @Override
    public Optional<IssuerRecord> findIssuerByDid(String did) {
        return issuers.values().stream().filter(i -> i.did().equals(did)).findFirst();
    }

    @Override
    public List<IssuerRecord> issuerHistory(String schoolCode) {
        return findIssuer(schoolCode).map(List::of).orElse(List.of());
    }

    @Override
    public synchronized BatchAnchor anchorBatch(AnchorRequest request) {
        BatchAnchor anchor = new BatchAnchor(request.batchId(), request.merkleRootHex(), request.issuerCode(),
                request.credentialCount(), request.credentialType(), time, "tx-" + ++tx, tx);
        batches.put(request.batchId(), anchor);
        return anchor;
    }

    @Override
    public Optional<BatchAnchor> findBatch(String batchId) {
        return Optional.ofNullable(batches.get(batchId));
    }

    @Override
    public synchronized Revocation revoke(String credentialDigestHex, String issuerCode, String reasonCode) {
        Revocation revocation = new Revocation(credentialDigestHex, issuerCode, reasonCode, time, "test", "tx-" + ++tx);
        revocations.put(credentialDigestHex, revocation);
        return revocation;
    }

    @Override
    public Optional<Revocation> findRevocation(String credentialDigestHex) {
        return Optional.ofNullable(revocations.get(credentialDigestHex));
    }

    @Override
    public List<HistoryEntry> history(String key) {
        return new ArrayList<>();
    }

    @Override
    public void close() {
    }
}
