package vn.academicledger.core.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Everything above the ledger talks to it through this port. An instance is bound to one
 * {@link ClientIdentity}: the contract authorises every write against that identity, so a school's
 * port can anchor and revoke only for that school.
 *
 * <p>Two implementations run the same contract: the embedded ledger (in-process, hash-chained
 * block log on disk) and the Fabric gateway adapter. Writes are submitted and committed before
 * they return; reads are evaluated on one peer. Refusals and failures are
 * {@link LedgerException}s carrying a {@link LedgerErrorCode}.
 */
public interface LedgerPort extends AutoCloseable {

    /** The identity this port submits as. */
    ClientIdentity identity();

    // ---- issuer registry (department administrators) ----

    /** Accredits a school: registers its code, name, DID and signing keys. */
    IssuerRecord accreditIssuer(String schoolCode, String name, String did, List<String> publicKeysMultibase);

    /** Replaces the signing keys of an accredited school (key rotation). */
    IssuerRecord updateIssuerKeys(String schoolCode, List<String> publicKeysMultibase);

    /** Suspends a school: it can no longer anchor or revoke; credentials it issued before stay valid. */
    IssuerRecord suspendIssuer(String schoolCode, String reason);

    /** Lifts a suspension. */
    IssuerRecord reinstateIssuer(String schoolCode, String reason);

    Optional<IssuerRecord> findIssuer(String schoolCode);

    Optional<IssuerRecord> findIssuerByDid(String did);

    /** Every version of the school's registry entry, oldest first. */
    List<IssuerRecord> issuerHistory(String schoolCode);

    // ---- batch anchors (school issuers, for their own school) ----

    /**
     * Anchors a batch root. Idempotent: the same batch id with the same root, issuer and count
     * returns the existing anchor; with different values it fails with {@link LedgerErrorCode#BATCH_CONFLICT}.
     */
    BatchAnchor anchorBatch(AnchorRequest request);

    Optional<BatchAnchor> findBatch(String batchId);

    // ---- revocations (school issuers for their own school; department admins for any) ----

    Revocation revoke(String credentialDigestHex, String issuerCode, String reasonCode);

    Optional<Revocation> findRevocation(String credentialDigestHex);

    /** The raw history of any contract key (see the contract's key layout). */
    List<HistoryEntry> history(String key);

    @Override
    void close();
}
