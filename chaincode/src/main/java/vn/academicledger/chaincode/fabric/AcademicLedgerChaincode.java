package vn.academicledger.chaincode.fabric;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import vn.academicledger.chaincode.contract.AcademicLedgerContract;
import vn.academicledger.chaincode.contract.LedgerJson;
import vn.academicledger.chaincode.contract.TransactionContext;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;

/**
 * The Fabric face of {@link AcademicLedgerContract}: every argument is a string, every answer
 * the contract's JSON (sorted keys). A query that finds nothing answers with an empty payload.
 *
 * <p>A refusal becomes a {@link ChaincodeException} whose payload is the
 * {@link LedgerErrorCode}'s name and whose message starts with that name and a colon
 * ({@code "ISSUER_NOT_FOUND: no school is registered under …"}), because Fabric's gateway hands
 * clients the message of a failed endorsement but not its payload.
 */
@Contract(name = AcademicLedgerChaincode.NAME, info = @Info(
        title = "Academic Ledger",
        description = "Issuer registry, credential batch anchors and revocations of the city's schools",
        version = "0.1.0"))
@Default
public final class AcademicLedgerChaincode implements ContractInterface {
    /** The contract's name; being the default contract, its transactions may be called without it. */
    public static final String NAME = "AcademicLedger";

    private final AcademicLedgerContract contract = new AcademicLedgerContract();

    // ---- issuer registry ----

    /** @param publicKeysJson JSON array of multibase public keys, e.g. {@code ["z6Mk…"]} */
    @Transaction(name = "AccreditIssuer", intent = Transaction.TYPE.SUBMIT)
    public String accreditIssuer(Context ctx, String schoolCode, String name, String did, String publicKeysJson) {
        return run(ctx, tx -> LedgerJson.encode(contract.accreditIssuer(tx, schoolCode, name, did,
                LedgerJson.decodeStrings(publicKeysJson, "publicKeysJson"))));
    }

    @Transaction(name = "UpdateIssuerKeys", intent = Transaction.TYPE.SUBMIT)
    public String updateIssuerKeys(Context ctx, String schoolCode, String publicKeysJson) {
        return run(ctx, tx -> LedgerJson.encode(contract.updateIssuerKeys(tx, schoolCode,
                LedgerJson.decodeStrings(publicKeysJson, "publicKeysJson"))));
    }

    @Transaction(name = "SuspendIssuer", intent = Transaction.TYPE.SUBMIT)
    public String suspendIssuer(Context ctx, String schoolCode, String reasonCode) {
        return run(ctx, tx -> LedgerJson.encode(contract.suspendIssuer(tx, schoolCode, reasonCode)));
    }

    @Transaction(name = "ReinstateIssuer", intent = Transaction.TYPE.SUBMIT)
    public String reinstateIssuer(Context ctx, String schoolCode, String reasonCode) {
        return run(ctx, tx -> LedgerJson.encode(contract.reinstateIssuer(tx, schoolCode, reasonCode)));
    }

    // ---- anchors and revocations ----

    /** @param credentialCount a decimal whole number */
    @Transaction(name = "AnchorBatch", intent = Transaction.TYPE.SUBMIT)
    public String anchorBatch(Context ctx, String batchId, String merkleRootHex, String issuerCode,
            String credentialCount, String credentialType) {
        return run(ctx, tx -> LedgerJson.encode(contract.anchorBatch(tx, new AnchorRequest(
                nonNull(batchId), nonNull(merkleRootHex), nonNull(issuerCode), count(tx, credentialCount),
                nonNull(credentialType)))));
    }

    @Transaction(name = "Revoke", intent = Transaction.TYPE.SUBMIT)
    public String revoke(Context ctx, String credentialDigestHex, String issuerCode, String reasonCode) {
        return run(ctx, tx -> LedgerJson.encode(contract.revoke(tx, credentialDigestHex, issuerCode, reasonCode)));
    }

    // ---- queries ----

    @Transaction(name = "GetIssuer", intent = Transaction.TYPE.EVALUATE)
    public String getIssuer(Context ctx, String schoolCode) {
        return run(ctx, tx -> orEmpty(contract.getIssuer(tx, schoolCode).map(LedgerJson::encode)));
    }

    @Transaction(name = "GetIssuerByDid", intent = Transaction.TYPE.EVALUATE)
    public String getIssuerByDid(Context ctx, String did) {
        return run(ctx, tx -> orEmpty(contract.getIssuerByDid(tx, did).map(LedgerJson::encode)));
    }

    @Transaction(name = "GetIssuerHistory", intent = Transaction.TYPE.EVALUATE)
    public String getIssuerHistory(Context ctx, String schoolCode) {
        return run(ctx, tx -> LedgerJson.encodeIssuers(contract.getIssuerHistory(tx, schoolCode)));
    }

    @Transaction(name = "GetBatch", intent = Transaction.TYPE.EVALUATE)
    public String getBatch(Context ctx, String batchId) {
        return run(ctx, tx -> orEmpty(contract.getBatch(tx, batchId).map(LedgerJson::encode)));
    }

    @Transaction(name = "GetRevocation", intent = Transaction.TYPE.EVALUATE)
    public String getRevocation(Context ctx, String credentialDigestHex) {
        return run(ctx, tx -> orEmpty(contract.getRevocation(tx, credentialDigestHex).map(LedgerJson::encode)));
    }

    @Transaction(name = "GetHistory", intent = Transaction.TYPE.EVALUATE)
    public String getHistory(Context ctx, String key) {
        return run(ctx, tx -> LedgerJson.encodeHistory(contract.getHistory(tx, key)));
    }

    // ---- plumbing ----

    private static String run(Context ctx, Function<TransactionContext, byte[]> transaction) {
        TransactionContext tx;
        try {
            tx = new ShimTransactionContext(ctx);
        } catch (RuntimeException e) {
            throw new ChaincodeException(LedgerErrorCode.NOT_AUTHORIZED.name()
                    + ": the caller's identity cannot be read: " + e.getMessage(), LedgerErrorCode.NOT_AUTHORIZED.name());
        }
        try {
            return new String(transaction.apply(tx), StandardCharsets.UTF_8);
        } catch (LedgerException e) {
            throw new ChaincodeException(e.errorCode().name() + ": " + e.getMessage(), e.errorCode().name());
        }
    }

    private static String nonNull(String argument) {
        return argument == null ? "" : argument;
    }

    private static long count(TransactionContext tx, String credentialCount) {
        try {
            return Long.parseLong(nonNull(credentialCount).strip());
        } catch (NumberFormatException e) {
            throw new LedgerException(LedgerErrorCode.INVALID_ARGUMENT, LedgerException.Stage.ENDORSE, tx.txId(),
                    "credentialCount must be a whole number; got \"" + credentialCount + "\"");
        }
    }

    private static byte[] orEmpty(Optional<byte[]> value) {
        return value.orElse(new byte[0]);
    }
}
