package vn.academicledger.issuer.issuance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.academicledger.core.anchor.CredentialDigest;

/** Stored credentials, always read within one school. */
@Repository
public class Credentials {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A credential's record; {@code anchorStatus} is PENDING until its batch is on the ledger. */
    public record StoredCredential(UUID id, String schoolCode, String type, UUID studentId, UUID jobId,
                                   int statusList, int statusIndex, String digestHex, String serialNumber,
                                   String registerNumber, String issuedBy, Instant issuedAt, String anchorStatus,
                                   String batchId, Instant revokedAt, String revocationReason) {
    }

    private static final String SELECT = """
            select c.id, c.school_code, c.credential_type, c.student_id, c.job_id, c.status_list, c.status_index, c.digest,
                   c.serial_number, c.register_number, c.issued_by, c.issued_at,
                   case when b.status = 'ANCHORED' then 'ANCHORED' else 'PENDING' end,
                   case when b.status = 'ANCHORED' then b.id end,
                   c.revoked_at, c.revocation_reason
            from credentials c left join anchor_chunks k on k.seq = c.anchor_chunk
            left join anchor_batches b on b.id = k.batch_id""";

    private final JdbcClient jdbc;
    private final vn.academicledger.issuer.anchoring.Receipts receipts;

    Credentials(JdbcClient jdbc, vn.academicledger.issuer.anchoring.Receipts receipts) {
        this.jdbc = jdbc;
        this.receipts = receipts;
    }

    public Optional<StoredCredential> find(String school, UUID id) {
        return jdbc.sql(SELECT + " where c.school_code = ? and c.id = ?").params(school, id).query(Credentials::row).optional();
    }

    public List<StoredCredential> list(String school, UUID studentId, UUID jobId, int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.school_code = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(school));
        if (studentId != null) {
            sql.append(" and c.student_id = ?");
            params.add(studentId);
        }
        if (jobId != null) {
            sql.append(" and c.job_id = ?");
            params.add(jobId);
        }
        sql.append(" order by c.issued_at desc, c.id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(Credentials::row).list();
    }

    /** The signed credential, with its anchoring receipt in the proof set once anchored. */
    public Optional<ObjectNode> document(String school, UUID id) {
        record Row(String json, Long chunk, byte[] salt) {
        }
        return jdbc.sql("select credential_json, anchor_chunk, salt from credentials where school_code = ? and id = ?")
                .params(school, id)
                .query((rs, n) -> new Row(rs.getString(1), (Long) rs.getObject(2), rs.getBytes(3)))
                .optional()
                .map(r -> {
                    ObjectNode credential;
                    try {
                        credential = (ObjectNode) JSON.readTree(r.json());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored credential " + id + " is not JSON", e);
                    }
                    return receipts.of(id, r.chunk(), r.salt())
                            .map(receipt -> CredentialDigest.withReceipt(credential, receipt))
                            .orElse(credential);
                });
    }

    static StoredCredential row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp revoked = rs.getTimestamp(15);
        return new StoredCredential((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), (UUID) rs.getObject(4),
                (UUID) rs.getObject(5), rs.getInt(6), rs.getInt(7), HexFormat.of().formatHex(rs.getBytes(8)), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getString(14),
                revoked == null ? null : revoked.toInstant(), rs.getString(16));
    }
}
