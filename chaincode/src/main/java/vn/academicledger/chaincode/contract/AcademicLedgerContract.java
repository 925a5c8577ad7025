package vn.academicledger.chaincode.contract;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.IssuerStatus;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.Revocation;

/**
 * The Academic Ledger contract's rules: the issuer registry, batch anchors, revocations and
 * history. It knows nothing of Fabric's shim; it reads and writes through a
 * {@link TransactionContext}, so the Fabric chaincode and the embedded ledger run exactly this
 * code.
 *
 * <p>Every transaction checks, in this order: who the caller is (MSP and role), the form of the
 * arguments, whether the caller may act for the school named, and finally the ledger's state.
 * A refusal is a {@link LedgerException} carrying a {@link LedgerErrorCode}; nothing is written
 * then. Writes carry only school codes, school names, DIDs, public keys, digests, roots and
 * reason codes: never personal data. Times come from the transaction, never from a clock.
 *
 * <p>Transactions (the Fabric names; arguments in this order):
 * <pre>
 * AccreditIssuer(schoolCode, name, did, publicKeysJson)        department admin
 * UpdateIssuerKeys(schoolCode, publicKeysJson)                  department admin
 * SuspendIssuer(schoolCode, reasonCode)                         department admin
 * ReinstateIssuer(schoolCode, reasonCode)                       department admin
 * AnchorBatch(batchId, merkleRootHex, issuerCode, credentialCount, credentialType)
 *                                                               the school's issuer
 * Revoke(credentialDigestHex, issuerCode, reasonCode)           the school's issuer, or a department admin
 * GetIssuer(schoolCode) · GetIssuerByDid(did) · GetIssuerHistory(schoolCode)
 * GetBatch(batchId) · GetRevocation(credentialDigestHex) · GetHistory(key)
 *                                                               any DepartmentMSP or MinistryMSP client
 * </pre>
 */
public final class AcademicLedgerContract {
    /** The {@code role} attribute of department administrators. */
    public static final String ROLE_ADMIN = "admin";
    /** The {@code role} attribute of a school's issuing client. */
    public static final String ROLE_ISSUER = "issuer";
    /** The largest batch one anchor may cover. */
    public static final long MAX_CREDENTIAL_COUNT = 10_000_000L;

    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:(?:[A-Za-z0-9._%-]*:)*[A-Za-z0-9._%-]+");
    private static final int MAX_DID_LENGTH = 512;
    private static final Pattern MULTIBASE_BASE58 = Pattern.compile("z[1-9A-HJ-NP-Za-km-z]{8,256}");
    private static final int MAX_KEYS = 16;
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Pattern CREDENTIAL_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_KEY_LENGTH = 600;

    // ---------------------------------------------------------------- issuer registry

    /** AccreditIssuer: registers a school under a code and a DID that are both new. */
    public IssuerRecord accreditIssuer(TransactionContext tx, String schoolCode, String name, String did,
            List<String> publicKeysMultibase) {
        requireDepartmentAdmin(tx, "accredit a school");
        requireSchoolCode(tx, schoolCode);
        String schoolName = requireName(tx, name);
        requireDid(tx, did);
        List<String> keys = requireKeys(tx, publicKeysMultibase);

        if (tx.getState(LedgerKeys.issuer(schoolCode)).isPresent()) {
            throw refusal(tx, LedgerErrorCode.ISSUER_ALREADY_EXISTS, "school " + schoolCode + " is registered already");
        }
        Optional<byte[]> didOwner = tx.getState(LedgerKeys.issuerDid(did));
        if (didOwner.isPresent()) {
            throw refusal(tx, LedgerErrorCode.ISSUER_ALREADY_EXISTS,
                    did + " is registered already, to school " + LedgerJson.decodeDidIndex(didOwner.get()));
        }
        IssuerRecord issuer = new IssuerRecord(schoolCode, schoolName, did, keys, IssuerStatus.ACCREDITED, null,
                tx.timestamp(), tx.txId());
        tx.putState(LedgerKeys.issuer(schoolCode), LedgerJson.encode(issuer));
        tx.putState(LedgerKeys.issuerDid(did), LedgerJson.encodeDidIndex(schoolCode));
        return issuer;
    }

    /** UpdateIssuerKeys: replaces a registered school's signing keys (rotation); status unchanged. */
    public IssuerRecord updateIssuerKeys(TransactionContext tx, String schoolCode, List<String> publicKeysMultibase) {
        requireDepartmentAdmin(tx, "change a school's keys");
        requireSchoolCode(tx, schoolCode);
        List<String> keys = requireKeys(tx, publicKeysMultibase);
        IssuerRecord current = requireIssuer(tx, schoolCode);
        IssuerRecord updated = new IssuerRecord(schoolCode, current.name(), current.did(), keys, current.status(),
                current.reason(), tx.timestamp(), tx.txId());
        tx.putState(LedgerKeys.issuer(schoolCode), LedgerJson.encode(updated));
        return updated;
    }

    /**
     * SuspendIssuer: the school may no longer anchor or revoke. Suspending a suspended school
     * changes nothing and returns its current record, so a retried call is harmless.
     */
    public IssuerRecord suspendIssuer(TransactionContext tx, String schoolCode, String reasonCode) {
        return changeStatus(tx, schoolCode, reasonCode, IssuerStatus.SUSPENDED, "suspend a school");
    }

    /** ReinstateIssuer: lifts a suspension. Reinstating an accredited school changes nothing. */
    public IssuerRecord reinstateIssuer(TransactionContext tx, String schoolCode, String reasonCode) {
        return changeStatus(tx, schoolCode, reasonCode, IssuerStatus.ACCREDITED, "reinstate a school");
    }

    private IssuerRecord changeStatus(TransactionContext tx, String schoolCode, String reasonCode,
            IssuerStatus status, String action) {
        requireDepartmentAdmin(tx, action);
        requireSchoolCode(tx, schoolCode);
        requireReasonCode(tx, reasonCode);
        IssuerRecord current = requireIssuer(tx, schoolCode);
        if (current.status() == status) {
            return current;
        }
        IssuerRecord changed = new IssuerRecord(schoolCode, current.name(), current.did(),
                current.publicKeysMultibase(), status, reasonCode, tx.timestamp(), tx.txId());
        tx.putState(LedgerKeys.issuer(schoolCode), LedgerJson.encode(changed));
        return changed;
    }

    // ---------------------------------------------------------------- batch anchors

    /**
     * AnchorBatch: records a batch's Merkle root for the caller's own, accredited school.
     * Anchoring the same batch again (same id, root, issuer, count and type) returns the
     * existing anchor and writes nothing; any difference is {@link LedgerErrorCode#BATCH_CONFLICT}.
     */
    public BatchAnchor anchorBatch(TransactionContext tx, AnchorRequest request) {
        ClientIdentity caller = tx.caller();
        if (!isDepartment(caller) || !hasRole(caller, ROLE_ISSUER)) {
            throw refusal(tx, LedgerErrorCode.NOT_AUTHORIZED,
                    "only a school's issuing client (" + ClientIdentity.DEPARTMENT_MSP + ", role=issuer) may anchor batches");
        }
        if (request == null) {
            throw refusal(tx, LedgerErrorCode.INVALID_ARGUMENT, "an anchor request is required");
        }
        requireBatchId(tx, request.batchId());
        String root = requireHex256(tx, request.merkleRootHex(), "merkleRootHex");
        requireSchoolCode(tx, request.issuerCode());
        requireCount(tx, request.credentialCount());
        requireCredentialType(tx, request.credentialType());
        requireActsFor(tx, request.issuerCode(), "anchor batches");
        requireAccredited(tx, request.issuerCode());

        Optional<byte[]> existing = tx.getState(LedgerKeys.batch(request.batchId()));
        if (existing.isPresent()) {
            BatchAnchor anchored = LedgerJson.decodeBatch(existing.get());
            if (anchored.merkleRootHex().equals(root)
                    && anchored.issuerCode().equals(request.issuerCode())
                    && anchored.credentialCount() == request.credentialCount()
                    && Objects.equals(anchored.credentialType(), request.credentialType())) {
                return anchored;
            }
            throw refusal(tx, LedgerErrorCode.BATCH_CONFLICT, "batch " + request.batchId()
                    + " is anchored already with different values (transaction " + anchored.txId() + ")");
        }
        BatchAnchor anchor = new BatchAnchor(request.batchId(), root, request.issuerCode(),
                request.credentialCount(), request.credentialType(), tx.timestamp(), tx.txId(), -1);
        tx.putState(LedgerKeys.batch(request.batchId()), LedgerJson.encode(anchor));
        return anchor;
    }

    // ---------------------------------------------------------------- revocations

    /**
     * Revoke: a school's issuer revokes its own school's credential, or a department admin any
     * school's (a suspended school can no longer revoke, the department still can).
     */
    public Revocation revoke(TransactionContext tx, String credentialDigestHex, String issuerCode, String reasonCode) {
        ClientIdentity caller = tx.caller();
        boolean admin = isDepartmentAdmin(caller);
        if (!admin && !(isDepartment(caller) && hasRole(caller, ROLE_ISSUER))) {
            throw refusal(tx, LedgerErrorCode.NOT_AUTHORIZED, "only the school's issuing client or a department "
                    + "administrator may revoke");
        }
        String digest = requireHex256(tx, credentialDigestHex, "credentialDigestHex");
        requireSchoolCode(tx, issuerCode);
        requireReasonCode(tx, reasonCode);
        if (admin) {
            requireIssuer(tx, issuerCode);
        } else {
            requireActsFor(tx, issuerCode, "revoke");
            requireAccredited(tx, issuerCode);
        }
        Optional<byte[]> existing = tx.getState(LedgerKeys.revocation(digest));
        if (existing.isPresent()) {
            Revocation earlier = LedgerJson.decodeRevocation(existing.get());
            throw refusal(tx, LedgerErrorCode.ALREADY_REVOKED, "credential " + digest + " was revoked at "
                    + earlier.revokedAt() + " (transaction " + earlier.txId() + ")");
        }
        Revocation revocation = new Revocation(digest, issuerCode, reasonCode, tx.timestamp(), actor(caller), tx.txId());
        tx.putState(LedgerKeys.revocation(digest), LedgerJson.encode(revocation));
        return revocation;
    }

    // ---------------------------------------------------------------- queries

    /** GetIssuer. */
    public Optional<IssuerRecord> getIssuer(TransactionContext tx, String schoolCode) {
        requireReader(tx);
        requireSchoolCode(tx, schoolCode);
        return tx.getState(LedgerKeys.issuer(schoolCode)).map(LedgerJson::decodeIssuer);
    }

    /** GetIssuerByDid: through the {@code issuerdid~} index. */
    public Optional<IssuerRecord> getIssuerByDid(TransactionContext tx, String did) {
        requireReader(tx);
        requireDid(tx, did);
        return tx.getState(LedgerKeys.issuerDid(did))
                .map(LedgerJson::decodeDidIndex)
                .flatMap(code -> tx.getState(LedgerKeys.issuer(code)))
                .map(LedgerJson::decodeIssuer);
    }

    /** GetIssuerHistory: every version of the school's registry entry, oldest first. */
    public List<IssuerRecord> getIssuerHistory(TransactionContext tx, String schoolCode) {
        requireReader(tx);
        requireSchoolCode(tx, schoolCode);
        return tx.history(LedgerKeys.issuer(schoolCode)).stream()
                .filter(version -> !version.deleted())
                .map(version -> LedgerJson.decodeIssuer(version.value()))
                .toList();
    }

    /** GetBatch. */
    public Optional<BatchAnchor> getBatch(TransactionContext tx, String batchId) {
        requireReader(tx);
        requireBatchId(tx, batchId);
        return tx.getState(LedgerKeys.batch(batchId)).map(LedgerJson::decodeBatch);
    }

    /** GetRevocation: by the credential's digest (either hex case). */
    public Optional<Revocation> getRevocation(TransactionContext tx, String credentialDigestHex) {
        requireReader(tx);
        String digest = requireHex256(tx, credentialDigestHex, "credentialDigestHex");
        return tx.getState(LedgerKeys.revocation(digest)).map(LedgerJson::decodeRevocation);
    }

    /** GetHistory: the raw versions of any key of the layout in {@link LedgerKeys}, oldest first. */
    public List<HistoryEntry> getHistory(TransactionContext tx, String key) {
        requireReader(tx);
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH || key.indexOf('\u0000') >= 0) {
            throw refusal(tx, LedgerErrorCode.INVALID_ARGUMENT, "a ledger key of 1 to " + MAX_KEY_LENGTH
                    + " characters is required");
        }
        return tx.history(key).stream()
                .map(version -> new HistoryEntry(version.txId(), version.timestamp(), version.deleted(),
                        version.deleted() ? null : new String(version.value(), StandardCharsets.UTF_8)))
                .toList();
    }

    // ---------------------------------------------------------------- who may do what

    private static boolean isDepartment(ClientIdentity caller) {
        return ClientIdentity.DEPARTMENT_MSP.equals(caller.mspId());
    }

    private static boolean hasRole(ClientIdentity caller, String role) {
        return caller.attribute(ClientIdentity.ROLE).filter(role::equals).isPresent();
    }

    private static boolean isDepartmentAdmin(ClientIdentity caller) {
        return isDepartment(caller) && hasRole(caller, ROLE_ADMIN);
    }

    private static void requireDepartmentAdmin(TransactionContext tx, String action) {
        if (!isDepartmentAdmin(tx.caller())) {
            throw refusal(tx, LedgerErrorCode.NOT_AUTHORIZED, "only a department administrator ("
                    + ClientIdentity.DEPARTMENT_MSP + ", role=admin) may " + action + "; caller is "
                    + describe(tx.caller()));
        }
    }

    private static void requireReader(TransactionContext tx) {
        String msp = tx.caller().mspId();
        if (!ClientIdentity.DEPARTMENT_MSP.equals(msp) && !ClientIdentity.MINISTRY_MSP.equals(msp)) {
            throw refusal(tx, LedgerErrorCode.NOT_AUTHORIZED, "clients of " + msp + " may not read the ledger");
        }
    }

    private static void requireActsFor(TransactionContext tx, String schoolCode, String action) {
        Optional<String> own = tx.caller().attribute(ClientIdentity.SCHOOL_CODE);
        if (own.isEmpty() || !own.get().equals(schoolCode)) {
            throw refusal(tx, LedgerErrorCode.NOT_AUTHORIZED, "a client of school " + own.orElse("(none)")
                    + " may not " + action + " for school " + schoolCode);
        }
    }

    private static IssuerRecord requireIssuer(TransactionContext tx, String schoolCode) {
        return tx.getState(LedgerKeys.issuer(schoolCode))
                .map(LedgerJson::decodeIssuer)
                .orElseThrow(() -> refusal(tx, LedgerErrorCode.ISSUER_NOT_FOUND,
                        "no school is registered under " + schoolCode));
    }

    private static void requireAccredited(TransactionContext tx, String schoolCode) {
        IssuerRecord issuer = requireIssuer(tx, schoolCode);
        if (!issuer.accredited()) {
            throw refusal(tx, LedgerErrorCode.ISSUER_SUSPENDED, "school " + schoolCode + " is suspended ("
                    + issuer.reason() + ")");
        }
    }

    /** Who acted, by organisation and role, never by name: the block names the certificate. */
    private static String actor(ClientIdentity caller) {
        String role = caller.attribute(ClientIdentity.ROLE).orElse("client");
        return caller.mspId() + "/" + role
                + caller.attribute(ClientIdentity.SCHOOL_CODE).filter(code -> ROLE_ISSUER.equals(role))
                        .map(code -> "/" + code).orElse("");
    }

    private static String describe(ClientIdentity caller) {
        return caller.mspId() + " role=" + caller.attribute(ClientIdentity.ROLE).orElse("(none)");
    }

    // ---------------------------------------------------------------- argument rules

    private static void requireSchoolCode(TransactionContext tx, String schoolCode) {
        require(tx, schoolCode != null && SCHOOL_CODE.matcher(schoolCode).matches(),
                "a school code is 2 to 32 of A-Z, 0-9, '-' and '_', starting with a letter or digit; got " + quoted(schoolCode));
    }

    private static String requireName(TransactionContext tx, String name) {
        String stripped = name == null ? "" : name.strip();
        require(tx, !stripped.isEmpty() && stripped.length() <= MAX_NAME_LENGTH
                && stripped.codePoints().noneMatch(Character::isISOControl),
                "a school name of 1 to " + MAX_NAME_LENGTH + " printable characters is required");
        return stripped;
    }

    private static void requireDid(TransactionContext tx, String did) {
        require(tx, did != null && did.length() <= MAX_DID_LENGTH && DID.matcher(did).matches(),
                "a DID (did:<method>:<id>) is required; got " + quoted(did));
    }

    private static List<String> requireKeys(TransactionContext tx, List<String> keys) {
        require(tx, keys != null && !keys.isEmpty() && keys.size() <= MAX_KEYS,
                "between 1 and " + MAX_KEYS + " public keys are required");
        for (String key : keys) {
            require(tx, key != null && MULTIBASE_BASE58.matcher(key).matches(),
                    "a public key must be multibase base58btc ('z…'); got " + quoted(key));
        }
        require(tx, new HashSet<>(keys).size() == keys.size(), "the public keys must differ from each other");
        return List.copyOf(keys);
    }

    private static void requireReasonCode(TransactionContext tx, String reasonCode) {
        require(tx, reasonCode != null && REASON_CODE.matcher(reasonCode).matches(),
                "a reason code is 2 to 64 of A-Z, 0-9 and '_' (e.g. ISSUED_IN_ERROR); got " + quoted(reasonCode));
    }

    private static void requireBatchId(TransactionContext tx, String batchId) {
        require(tx, batchId != null && BATCH_ID.matcher(batchId).matches(),
                "a batch id is 1 to 128 of letters, digits, '.', '_', ':' and '-'; got " + quoted(batchId));
    }

    private static String requireHex256(TransactionContext tx, String hex, String what) {
        require(tx, hex != null && HEX_256.matcher(hex).matches(), what + " must be 64 hex digits; got " + quoted(hex));
        return hex.toLowerCase(Locale.ROOT);
    }

    private static void requireCount(TransactionContext tx, long count) {
        require(tx, count > 0 && count <= MAX_CREDENTIAL_COUNT,
                "credentialCount must be between 1 and " + MAX_CREDENTIAL_COUNT + "; got " + count);
    }

    private static void requireCredentialType(TransactionContext tx, String type) {
        require(tx, type != null && CREDENTIAL_TYPE.matcher(type).matches(),
                "a credential type is 1 to 64 of letters, digits, '-' and '_'; got " + quoted(type));
    }

    private static void require(TransactionContext tx, boolean condition, String message) {
        if (!condition) {
            throw refusal(tx, LedgerErrorCode.INVALID_ARGUMENT, message);
        }
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        return "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
    }

    private static LedgerException refusal(TransactionContext tx, LedgerErrorCode code, String message) {
        return new LedgerException(code, LedgerException.Stage.ENDORSE, tx.txId(), message);
    }
}
