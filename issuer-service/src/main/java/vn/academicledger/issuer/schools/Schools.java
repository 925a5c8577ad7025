package vn.academicledger.issuer.schools;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.system.IssuerException;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * The department's register of schools: accreditation creates the school, its signing key and its
 * entry on the ledger (DID and public key), so verifiers can check the school's signatures.
 */
@Service
public class Schools {
    private static final String SELECT = """
            select s.code, s.name, s.did, s.address, s.ward, s.district, s.province, s.status,
                   k.public_key_multibase, s.created_at
            from schools s left join school_keys k on k.school_code = s.code and k.active""";

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final LedgerAccess ledger;
    private final AuditLog audit;

    Schools(JdbcClient jdbc, SigningKeys keys, LedgerAccess ledger, AuditLog audit) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.ledger = ledger;
        this.audit = audit;
    }

    public Optional<SchoolRecord> find(String code) {
        return jdbc.sql(SELECT + " where s.code = ?").param(code).query(Schools::row).optional();
    }

    /** The school, or 404 when it does not exist. */
    public SchoolRecord get(String code) {
        return find(code).orElseThrow(() -> IssuerException.notFound("school", code));
    }

    public List<SchoolRecord> all() {
        return jdbc.sql(SELECT + " order by s.code").query(Schools::row).list();
    }

    /**
     * Accredits a school: stores it, makes its signing key, registers both on the ledger. Safe to
     * repeat: an existing ledger entry is brought up to date with the school's key.
     */
    @Transactional
    public SchoolRecord accredit(Caller caller, School school) {
        if (find(school.code()).isPresent()) {
            throw IssuerException.conflict("SCHOOL_EXISTS", "Trường " + school.code() + " đã được công nhận / school "
                    + school.code() + " is already accredited; use its key rotation endpoint to change its key.");
        }
        jdbc.sql("""
                        insert into schools (code, name, did, address, ward, district, province)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(school.code(), school.name(), school.did(), school.address(), school.ward(),
                        school.district() == null ? "" : school.district(), school.province())
                .update();
        SigningKey key = keys.signingKey(school.code());
        String multibase = key.publicKey().multibase();
        jdbc.sql("insert into school_keys (school_code, public_key_multibase, active, registered_on_ledger) values (?, ?, true, true)")
                .params(school.code(), multibase).update();
        registerOnLedger(school, multibase);
        audit.record(caller, AuditLog.Action.SCHOOL_ACCREDITED, school.code(), school.did(), AuditLog.Outcome.SUCCESS,
                Map.of("publicKeyMultibase", multibase));
        return get(school.code());
    }

    /** Makes sure the school and its active key are on the ledger (used at start for seeded schools). */
    public void ensureOnLedger(SchoolRecord school) {
        registerOnLedger(school.toSchool(), school.publicKeyMultibase());
    }

    /** A new signing key for the school, registered on the ledger in place of the old one. */
    @Transactional
    public SchoolRecord rotateKey(Caller caller, String code) {
        SchoolRecord school = get(code);
        SigningKey key = keys.rotate(code);
        String multibase = key.publicKey().multibase();
        jdbc.sql("update school_keys set active = false where school_code = ? and active").param(code).update();
        jdbc.sql("insert into school_keys (school_code, public_key_multibase, active, registered_on_ledger) values (?, ?, true, true)")
                .params(code, multibase).update();
        // Credentials signed with the old key stay valid: the ledger keeps the key history and the
        // verifier checks the key registered when the proof was created.
        ledger.department().updateIssuerKeys(code, List.of(multibase));
        audit.record(caller, AuditLog.Action.SCHOOL_KEY_ROTATED, code, school.publicKeyMultibase() + " -> " + multibase,
                AuditLog.Outcome.SUCCESS, Map.of());
        return get(code);
    }

    private void registerOnLedger(School school, String multibase) {
        LedgerPort department = ledger.department();
        Optional<IssuerRecord> existing = department.findIssuer(school.code());
        if (existing.isEmpty()) {
            department.accreditIssuer(school.code(), school.name(), school.did(), List.of(multibase));
        } else if (!existing.get().publicKeysMultibase().contains(multibase)) {
            department.updateIssuerKeys(school.code(), List.of(multibase));
        }
    }

    private static SchoolRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SchoolRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
