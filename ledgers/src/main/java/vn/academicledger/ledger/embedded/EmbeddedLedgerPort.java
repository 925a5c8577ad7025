package vn.academicledger.ledger.embedded;

import java.util.List;
import java.util.Optional;
import vn.academicledger.chaincode.contract.AcademicLedgerContract;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;

/** A {@link LedgerPort} onto an {@link EmbeddedLedger}, bound to one client identity. */
final class EmbeddedLedgerPort implements LedgerPort {
    private final EmbeddedLedger ledger;
    private final ClientIdentity identity;
    private final AcademicLedgerContract contract = new AcademicLedgerContract();
    private volatile boolean closed;

    EmbeddedLedgerPort(EmbeddedLedger ledger, ClientIdentity identity) {
        this.ledger = ledger;
        this.identity = identity;
    }

    @Override
    public ClientIdentity identity() {
        return identity;
    }

    @Override
    public IssuerRecord accreditIssuer(String schoolCode, String name, String did, List<String> publicKeysMultibase) {
        requireOpen();
        return ledger.submit(identity, "AccreditIssuer",
                tx -> contract.accreditIssuer(tx, schoolCode, name, did, publicKeysMultibase));
    }

    @Override
    public IssuerRecord updateIssuerKeys(String schoolCode, List<String> publicKeysMultibase) {
        requireOpen();
        return ledger.submit(identity, "UpdateIssuerKeys",
                tx -> contract.updateIssuerKeys(tx, schoolCode, publicKeysMultibase));
    }

    @Override
    public IssuerRecord suspendIssuer(String schoolCode, String reason) {
        requireOpen();
        return ledger.submit(identity, "SuspendIssuer", tx -> contract.suspendIssuer(tx, schoolCode, reason));
    }

    @Override
    public IssuerRecord reinstateIssuer(String schoolCode, String reason) {
        requireOpen();
        return ledger.submit(identity, "ReinstateIssuer", tx -> contract.reinstateIssuer(tx, schoolCode, reason));
    }

    @Override
    public Optional<IssuerRecord> findIssuer(String schoolCode) {
        requireOpen();
        return ledger.evaluate(identity, tx -> contract.getIssuer(tx, schoolCode));
    }

    @Override
    public Optional<IssuerRecord> findIssuerByDid(String did) {
        requireOpen();
        return ledger.evaluate(identity, tx -> contract.getIssuerByDid(tx, did));
    }

    @Override
    public List<IssuerRecord> issuerHistory(String schoolCode) {
        requireOpen();
        return ledger.evaluate(identity, tx -> contract.getIssuerHistory(tx, schoolCode));
    }

    @Override
    public BatchAnchor anchorBatch(AnchorRequest request) {
        requireOpen();
        return withBlock(ledger.submit(identity, "AnchorBatch", tx -> contract.anchorBatch(tx, request)));
    }

    @Override
    public Optional<BatchAnchor> findBatch(String batchId) {
        requireOpen();
        return ledger.evaluate(identity, tx -> contract.getBatch(tx, batchId)).map(this::withBlock);
    }

    @Override
    public Revocation revoke(String credentialDigestHex, String issuerCode, String reasonCode) {
        requireOpen();
        return ledger.submit(identity, "Revoke", tx -> contract.revoke(tx, credentialDigestHex, issuerCode, reasonCode));
    }

    @Override
    public Optional<Revocation> findRevocation(String credentialDigestHex) {
        requireOpen();
        return ledger.evaluate(identity, tx -> contract.getRevocation(tx, credentialDigestHex));
    }

    @Override
    public List<HistoryEntry> history(String key) {
        requireOpen();
        return ledger.evaluate(identity, tx -> contract.getHistory(tx, key));
    }

    /** Closes this port only; the ledger stays open for its other ports. */
    @Override
    public void close() {
        closed = true;
    }

    private BatchAnchor withBlock(BatchAnchor anchor) {
        return new BatchAnchor(anchor.batchId(), anchor.merkleRootHex(), anchor.issuerCode(), anchor.credentialCount(),
                anchor.credentialType(), anchor.anchoredAt(), anchor.txId(), ledger.blockOf(anchor.txId()));
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.SUBMIT, null,
                    "this ledger port (" + identity.mspId() + ", " + identity.subject() + ") is closed");
        }
    }
}
