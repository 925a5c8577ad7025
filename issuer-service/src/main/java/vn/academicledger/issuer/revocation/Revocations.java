package vn.academicledger.issuer.revocation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.Revocation;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * Revokes a school's credential: on the ledger first, then in the database, in that order.
 *
 * <p>The credential's row is locked ({@code select … for update}) for the whole revocation, so two
 * requests for the same credential are served one after the other. Then:
 * <ol>
 *   <li>the ledger records the revocation under the credential's salted digest (only the reason
 *       code goes on chain, never the note);</li>
 *   <li>the row gets {@code revoked_at} (the ledger's time), {@code revoked_by} and the reason, with
 *       its audit entry, in the same transaction; once that commits the status list is rebuilt.</li>
 * </ol>
 * If the ledger fails (unavailable, school suspended) nothing was written anywhere and the request
 * can be repeated. If the ledger succeeded but the database did not commit, the ledger already holds
 * the revocation; repeating the request finds it there ({@code ALREADY_REVOKED}) and completes the
 * database side with what the ledger recorded. So a revocation is never half-done for long and never
 * lost: the ledger, which verifiers read, is always first.
 */
@Service
class Revocations {
    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);
    static final int MAX_NOTE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LedgerAccess ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Revocations(JdbcClient jdbc, TransactionTemplate transactions, LedgerAccess ledger, AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a revocation recorded.
     *
     * @param ledgerTxId          the ledger transaction that revoked it
     * @param completedFromLedger true when the ledger already held the revocation (an earlier request
     *                            reached the ledger but not the database) and this request completed it
     */
    record Revoked(UUID credentialId, String schoolCode, String reasonCode, String reasonVi, String reasonEn,
                   Instant revokedAt, String revokedBy, String ledgerTxId, int statusList, int statusIndex,
                   boolean completedFromLedger) {
    }

    private record Row(UUID id, byte[] digest, int statusList, int statusIndex, Instant revokedAt, String reason,
                       String revokedBy) {
    }

    Revoked revoke(Caller caller, String school, UUID id, RevocationReason reason, String note) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE_LENGTH) {
            throw IssuerException.invalid("NOTE_TOO_LONG", "Ghi chú tối đa " + MAX_NOTE_LENGTH + " ký tự / the note is at most "
                    + MAX_NOTE_LENGTH + " characters.");
        }
        try {
            return transactions.execute(tx -> revokeLocked(caller, school, id, reason, cleanNote));
        } catch (IssuerException e) {
            if (e.code().equals("ALREADY_REVOKED")) {
                audit.record(caller, AuditLog.Action.CREDENTIAL_REVOKED, school, id.toString(), AuditLog.Outcome.DENIED,
                        details(reason, cleanNote));
            }
            throw e;
        } catch (LedgerException e) {
            // The transaction rolled back: nothing is in the database; the ledger refused or was unreachable.
            LOG.warn("Revocation of {} ({}) failed on the ledger at {}: {} {}", id, school, e.stage(), e.errorCode(), e.getMessage());
            Map<String, Object> details = details(reason, cleanNote);
            details.put("ledgerError", e.errorCode().name());
            details.put("retryable", e.retryable());
            audit.record(caller, AuditLog.Action.CREDENTIAL_REVOKED, school, id.toString(), AuditLog.Outcome.FAILED, details);
            throw e;
        }
    }

    private Revoked revokeLocked(Caller caller, String school, UUID id, RevocationReason reason, String note) {
        Row row = jdbc.sql("""
                        select id, digest, status_list, status_index, revoked_at, revocation_reason, revoked_by
                        from credentials where school_code = ? and id = ? for update""")
                .params(school, id)
                .query((rs, n) -> {
                    Timestamp revoked = rs.getTimestamp(5);
                    return new Row((UUID) rs.getObject(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4),
                            revoked == null ? null : revoked.toInstant(), rs.getString(6), rs.getString(7));
                })
                .optional()
                .orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
        if (row.revokedAt() != null) {
            throw IssuerException.conflict("ALREADY_REVOKED", "Văn bằng/học bạ " + id + " đã bị thu hồi lúc " + row.revokedAt()
                    + " (lý do " + row.reason() + ", bởi " + row.revokedBy() + ") / credential " + id + " was already revoked at "
                    + row.revokedAt() + " by " + row.revokedBy() + " (reason " + row.reason() + "); a revocation is final.");
        }
        String digestHex = HexFormat.of().formatHex(row.digest());
        Revocation onLedger;
        boolean completed = false;
        try {
            onLedger = ledger.school(school).revoke(digestHex, school, reason.code());
        } catch (LedgerException e) {
            if (e.errorCode() != LedgerErrorCode.ALREADY_REVOKED) {
                throw e;
            }
            Optional<Revocation> earlier = ledger.school(school).findRevocation(digestHex);
            if (earlier.isEmpty()) {
                throw e;
            }
            onLedger = earlier.get();
            completed = true;
            LOG.info("Credential {} was revoked on the ledger already (tx {}); completing the database record", id,
                    onLedger.txId());
        }
        Instant revokedAt = onLedger.revokedAt() != null ? onLedger.revokedAt() : clock.instant();
        RevocationReason recorded = recordedReason(onLedger.reasonCode(), reason);
        jdbc.sql("update credentials set revoked_at = ?, revoked_by = ?, revocation_reason = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(revokedAt), caller.username(), onLedger.reasonCode(), id)
                .update();
        Map<String, Object> details = details(reason, note);
        details.put("recordedReason", onLedger.reasonCode());
        details.put("credentialDigest", digestHex);
        details.put("ledgerTxId", onLedger.txId() == null ? "" : onLedger.txId());
        details.put("statusList", row.statusList());
        details.put("statusIndex", row.statusIndex());
        details.put("completedFromLedger", completed);
        audit.record(caller, AuditLog.Action.CREDENTIAL_REVOKED, school, id.toString(), AuditLog.Outcome.SUCCESS, details);
        events.publishEvent(new CredentialRevoked(id, school, row.statusList(), row.statusIndex()));
        return new Revoked(id, school, onLedger.reasonCode(), recorded == null ? onLedger.reasonCode() : recorded.vietnamese(),
                recorded == null ? onLedger.reasonCode() : recorded.english(), revokedAt, caller.username(), onLedger.txId(),
                row.statusList(), row.statusIndex(), completed);
    }

    /** The reason the ledger holds (an earlier request's, when completing), if it is one of ours. */
    private static RevocationReason recordedReason(String code, RevocationReason requested) {
        if (requested.code().equals(code)) {
            return requested;
        }
        for (RevocationReason r : RevocationReason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        return null;
    }

    private static Map<String, Object> details(RevocationReason reason, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reasonCode", reason.code());
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }
}
