package vn.academicledger.verifier.system;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;

/**
 * A read-only view of a ledger port whose answers about issuers and revocations may be reused for a
 * stated time ({@code ttl}); with a zero ttl every call goes to the ledger. Anchors pass through
 * (core's {@code CredentialVerifier} caches them itself: they never change). Every write is refused:
 * the public verifier never writes.
 */
final class RecentLedgerReads implements LedgerPort {
    /** Above this many remembered answers the memory is dropped whole (a flood of unknown digests). */
    private static final int MAX_ENTRIES = 200_000;

    private final LedgerPort ledger;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Timed> answers = new ConcurrentHashMap<>();

    private record Timed(Object value, long expiresAt) {
    }

    private RecentLedgerReads(LedgerPort ledger, Duration ttl) {
        this.ledger = ledger;
        this.ttlNanos = ttl.toNanos();
    }

    /** The port itself, read-only, when {@code ttl} is zero; else a view reusing answers for {@code ttl}. */
    static LedgerPort of(LedgerPort ledger, Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("verifier.ledger.status-ttl must not be negative: " + ttl);
        }
        return new RecentLedgerReads(ledger, ttl);
    }

    @SuppressWarnings("unchecked")
    private <T> T recent(String key, Supplier<T> read) {
        if (ttlNanos == 0) {
            return read.get();
        }
        long now = System.nanoTime();
        Timed timed = answers.get(key);
        if (timed != null && now - timed.expiresAt < 0) {
            return (T) timed.value;
        }
        T value = read.get();
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(key, new Timed(value, now + ttlNanos));
        return value;
    }

    @Override
    public ClientIdentity identity() {
        return ledger.identity();
    }

    @Override
    public Optional<IssuerRecord> findIssuer(String schoolCode) {
        return recent("issuer " + schoolCode, () -> ledger.findIssuer(schoolCode));
    }

    @Override
    public Optional<IssuerRecord> findIssuerByDid(String did) {
        return recent("did " + did, () -> ledger.findIssuerByDid(did));
    }

    @Override
    public List<IssuerRecord> issuerHistory(String schoolCode) {
        return recent("history " + schoolCode, () -> ledger.issuerHistory(schoolCode));
    }

    @Override
    public Optional<BatchAnchor> findBatch(String batchId) {
        return ledger.findBatch(batchId);
    }

    @Override
    public Optional<Revocation> findRevocation(String credentialDigestHex) {
        return recent("revocation " + credentialDigestHex, () -> ledger.findRevocation(credentialDigestHex));
    }

    @Override
    public List<HistoryEntry> history(String key) {
        return ledger.history(key);
    }

    @Override
    public IssuerRecord accreditIssuer(String schoolCode, String name, String did, List<String> publicKeysMultibase) {
        throw readOnly("AccreditIssuer");
    }

    @Override
    public IssuerRecord updateIssuerKeys(String schoolCode, List<String> publicKeysMultibase) {
        throw readOnly("UpdateIssuerKeys");
    }

    @Override
    public IssuerRecord suspendIssuer(String schoolCode, String reason) {
        throw readOnly("SuspendIssuer");
    }

    @Override
    public IssuerRecord reinstateIssuer(String schoolCode, String reason) {
        throw readOnly("ReinstateIssuer");
    }

    @Override
    public BatchAnchor anchorBatch(AnchorRequest request) {
        throw readOnly("AnchorBatch");
    }

    @Override
    public Revocation revoke(String credentialDigestHex, String issuerCode, String reasonCode) {
        throw readOnly("Revoke");
    }

    private static LedgerException readOnly(String function) {
        return new LedgerException(LedgerErrorCode.NOT_AUTHORIZED, LedgerException.Stage.SUBMIT, null,
                "the public verifier reads the ledger only; " + function + " is not allowed");
    }

    @Override
    public void close() {
        ledger.close();
    }
}
