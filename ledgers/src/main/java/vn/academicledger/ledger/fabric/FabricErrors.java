package vn.academicledger.ledger.fabric;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.TransactionException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerException.Stage;

/**
 * Turns the gateway's failures into {@link LedgerException}s that say at which stage a call
 * failed, for which transaction, and why.
 *
 * <p>The contract refuses with a {@code ChaincodeException} whose message starts with a
 * {@link LedgerErrorCode} name and a colon; the gateway passes on that message (in the status
 * description for an evaluation, in the per-peer error details for an endorsement) but not the
 * payload, so the code is read from the message. Failures without such a code are classified by
 * their gRPC status.
 */
final class FabricErrors {
    private static final Pattern CONTRACT_CODE;

    static {
        List<String> names = new ArrayList<>();
        for (LedgerErrorCode code : LedgerErrorCode.values()) {
            names.add(code.name());
        }
        CONTRACT_CODE = Pattern.compile("\\b(" + String.join("|", names) + "):");
    }

    private FabricErrors() {
    }

    static LedgerException of(GatewayException failure, Stage stage) {
        String transactionId = failure instanceof TransactionException transaction ? transaction.getTransactionId() : null;
        String text = describe(failure);
        Optional<LedgerErrorCode> contractCode = contractCode(text);
        LedgerErrorCode code = contractCode.orElseGet(() -> classify(failure.getStatus(), text));
        return new LedgerException(code, stage, transactionId, stage.name().toLowerCase(java.util.Locale.ROOT)
                + " failed" + (transactionId == null ? "" : " (transaction " + transactionId + ")") + ": " + text, failure);
    }

    /** A transaction that was ordered but that the peers marked invalid. */
    static LedgerException invalidTransaction(String transactionId, long blockNumber, TxValidationCode validationCode) {
        LedgerErrorCode code = switch (validationCode) {
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT, DUPLICATE_TXID -> LedgerErrorCode.UNAVAILABLE;
            case ENDORSEMENT_POLICY_FAILURE, BAD_CREATOR_SIGNATURE, INVALID_ENDORSER_TRANSACTION,
                 BAD_PROPOSAL_TXID, UNSUPPORTED_TX_PAYLOAD, BAD_HEADER_EXTENSION, INVALID_CHAINCODE,
                 ILLEGAL_WRITESET, EXPIRED_CHAINCODE -> LedgerErrorCode.NOT_AUTHORIZED;
            default -> LedgerErrorCode.UNAVAILABLE;
        };
        return new LedgerException(code, Stage.COMMIT, transactionId, "commit failed (transaction " + transactionId
                + ", block " + blockNumber + "): the peers marked it invalid: " + validationCode);
    }

    static boolean unreachable(GatewayException failure) {
        Status.Code code = failure.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE
                || (code == Status.Code.DEADLINE_EXCEEDED && contractCode(describe(failure)).isEmpty());
    }

    static Optional<LedgerErrorCode> contractCode(String text) {
        Matcher matcher = CONTRACT_CODE.matcher(text);
        return matcher.find() ? Optional.of(LedgerErrorCode.valueOf(matcher.group(1))) : Optional.empty();
    }

    private static LedgerErrorCode classify(Status status, String text) {
        return switch (status.getCode()) {
            case PERMISSION_DENIED, UNAUTHENTICATED -> LedgerErrorCode.NOT_AUTHORIZED;
            case INVALID_ARGUMENT -> LedgerErrorCode.INVALID_ARGUMENT;
            default -> text.contains("access denied") || text.contains("creator org unknown")
                    || text.contains("creator certificate is not valid")
                    ? LedgerErrorCode.NOT_AUTHORIZED : LedgerErrorCode.UNAVAILABLE;
        };
    }

    /** The status and every peer's own error message, in one line. */
    static String describe(GatewayException failure) {
        StringBuilder text = new StringBuilder(failure.getStatus().getCode().name());
        if (failure.getStatus().getDescription() != null) {
            text.append(' ').append(failure.getStatus().getDescription());
        }
        for (ErrorDetail detail : details(failure)) {
            text.append(" [").append(detail.getMspId()).append(' ').append(detail.getAddress()).append(": ")
                    .append(detail.getMessage()).append(']');
        }
        return text.toString();
    }

    private static List<ErrorDetail> details(GatewayException failure) {
        try {
            return failure.getDetails();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
