package vn.academicledger.ledger.fabric;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import vn.academicledger.chaincode.contract.LedgerJson;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.HistoryEntry;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerException.Stage;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;

/**
 * {@link LedgerPort} over Fabric's gateway (fabric-gateway 1.10): each write is endorsed (by the
 * peers the chaincode's endorsement policy needs: Department and Ministry), submitted to the
 * orderer and waited for until committed; each read is evaluated on the gateway peer, a peer of
 * the caller's own organisation.
 *
 * <p>Failures are {@link LedgerException}s whose stage is where the call failed (EVALUATE,
 * ENDORSE, SUBMIT, COMMIT) and which keep the transaction id once one exists. An evaluation or
 * endorsement that finds its peer unreachable is retried (nothing was ordered yet); a submission
 * is not, since the orderer may already have it: the caller sees UNAVAILABLE with the
 * transaction id, and the contract's writes are idempotent where a retry matters (anchoring).
 *
 * <p>Obtained from {@link FabricConnection#connect(FabricIdentity)}; closing it leaves the shared
 * gRPC channel open.
 */
public final class FabricLedger implements LedgerPort {
    private final FabricLedgerSettings settings;
    private final ClientIdentity identity;
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Contract contract;

    FabricLedger(FabricLedgerSettings settings, FabricIdentity identity, ManagedChannel channel) {
        this.settings = settings;
        this.identity = identity.clientIdentity();
        this.channel = channel;
        FabricLedgerSettings.Deadlines deadlines = settings.deadlines();
        this.gateway = Gateway.newInstance()
                .identity(new X509Identity(identity.mspId(), identity.certificate()))
                .signer(Signers.newPrivateKeySigner(identity.privateKey()))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(deadline(deadlines.evaluate()))
                .endorseOptions(deadline(deadlines.endorse()))
                .submitOptions(deadline(deadlines.submit()))
                .commitStatusOptions(deadline(deadlines.commitStatus()))
                .connect();
        Network network = gateway.getNetwork(settings.channelName());
        this.contract = settings.contractName() == null
                ? network.getContract(settings.chaincodeName())
                : network.getContract(settings.chaincodeName(), settings.contractName());
    }

    private static UnaryOperator<CallOptions> deadline(Duration duration) {
        long millis = duration.toMillis();
        return options -> options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public ClientIdentity identity() {
        return identity;
    }

    // ---------------------------------------------------------------- issuer registry

    @Override
    public IssuerRecord accreditIssuer(String schoolCode, String name, String did, List<String> publicKeysMultibase) {
        return LedgerJson.decodeIssuer(submit("AccreditIssuer", schoolCode, name, did, keysJson(publicKeysMultibase)));
    }

    @Override
    public IssuerRecord updateIssuerKeys(String schoolCode, List<String> publicKeysMultibase) {
        return LedgerJson.decodeIssuer(submit("UpdateIssuerKeys", schoolCode, keysJson(publicKeysMultibase)));
    }

    @Override
    public IssuerRecord suspendIssuer(String schoolCode, String reason) {
        return LedgerJson.decodeIssuer(submit("SuspendIssuer", schoolCode, reason));
    }

    @Override
    public IssuerRecord reinstateIssuer(String schoolCode, String reason) {
        return LedgerJson.decodeIssuer(submit("ReinstateIssuer", schoolCode, reason));
    }

    @Override
    public Optional<IssuerRecord> findIssuer(String schoolCode) {
        return optional(evaluate("GetIssuer", schoolCode), LedgerJson::decodeIssuer);
    }

    @Override
    public Optional<IssuerRecord> findIssuerByDid(String did) {
        return optional(evaluate("GetIssuerByDid", did), LedgerJson::decodeIssuer);
    }

    @Override
    public List<IssuerRecord> issuerHistory(String schoolCode) {
        return LedgerJson.decodeIssuers(evaluate("GetIssuerHistory", schoolCode));
    }

    // ---------------------------------------------------------------- anchors and revocations

    /** The anchor as the contract stored it; its block number is -1, as {@link #findBatch} gives it. */
    @Override
    public BatchAnchor anchorBatch(AnchorRequest request) {
        return LedgerJson.decodeBatch(submit("AnchorBatch", request.batchId(), request.merkleRootHex(),
                request.issuerCode(), Long.toString(request.credentialCount()), request.credentialType()));
    }

    @Override
    public Optional<BatchAnchor> findBatch(String batchId) {
        return optional(evaluate("GetBatch", batchId), LedgerJson::decodeBatch);
    }

    @Override
    public Revocation revoke(String credentialDigestHex, String issuerCode, String reasonCode) {
        return LedgerJson.decodeRevocation(submit("Revoke", credentialDigestHex, issuerCode, reasonCode));
    }

    @Override
    public Optional<Revocation> findRevocation(String credentialDigestHex) {
        return optional(evaluate("GetRevocation", credentialDigestHex), LedgerJson::decodeRevocation);
    }

    @Override
    public List<HistoryEntry> history(String key) {
        return LedgerJson.decodeHistory(evaluate("GetHistory", key));
    }

    @Override
    public void close() {
        gateway.close();
    }

    // ---------------------------------------------------------------- gateway calls

    byte[] evaluate(String transaction, String... arguments) {
        String[] args = nonNull(arguments);
        for (int attempt = 1; ; attempt++) {
            try {
                return contract.newProposal(transaction).addArguments(args).build().evaluate();
            } catch (GatewayException e) {
                if (attempt < settings.attempts() && FabricErrors.unreachable(e)) {
                    reconnect(attempt, Stage.EVALUATE);
                    continue;
                }
                throw FabricErrors.of(e, Stage.EVALUATE);
            } catch (GatewayRuntimeException e) {
                throw clientFailure(e, Stage.EVALUATE, null);
            }
        }
    }

    byte[] submit(String transaction, String... arguments) {
        return submitEndorsedBy(null, transaction, arguments);
    }

    /**
     * Endorses, submits and waits for the commit. {@code endorsingOrganizations} restricts who
     * endorses (null: whoever the endorsement policy needs, as the gateway finds them).
     */
    byte[] submitEndorsedBy(String[] endorsingOrganizations, String transaction, String... arguments) {
        Transaction endorsed = endorse(endorsingOrganizations, transaction, nonNull(arguments));
        String transactionId = endorsed.getTransactionId();
        SubmittedTransaction submitted;
        try {
            submitted = endorsed.submitAsync();
        } catch (SubmitException e) {
            throw FabricErrors.of(e, Stage.SUBMIT);
        } catch (GatewayRuntimeException e) {
            throw clientFailure(e, Stage.SUBMIT, transactionId);
        }
        Status status;
        try {
            status = submitted.getStatus();
        } catch (CommitStatusException e) {
            throw FabricErrors.of(e, Stage.COMMIT);
        } catch (GatewayRuntimeException e) {
            throw clientFailure(e, Stage.COMMIT, transactionId);
        }
        if (!status.isSuccessful()) {
            throw FabricErrors.invalidTransaction(transactionId, status.getBlockNumber(), status.getCode());
        }
        return submitted.getResult();
    }

    private Transaction endorse(String[] endorsingOrganizations, String transaction, String[] args) {
        for (int attempt = 1; ; attempt++) {
            Proposal.Builder builder = contract.newProposal(transaction).addArguments(args);
            if (endorsingOrganizations != null) {
                builder.setEndorsingOrganizations(endorsingOrganizations);
            }
            Proposal proposal = builder.build();
            try {
                return proposal.endorse();
            } catch (EndorseException e) {
                if (attempt < settings.attempts() && FabricErrors.unreachable(e)) {
                    reconnect(attempt, Stage.ENDORSE);
                    continue;
                }
                throw FabricErrors.of(e, Stage.ENDORSE);
            } catch (GatewayRuntimeException e) {
                throw clientFailure(e, Stage.ENDORSE, proposal.getTransactionId());
            }
        }
    }

    /** The peer was unreachable: reconnect now rather than after gRPC's back-off, then wait a little. */
    private void reconnect(int attempt, Stage stage) {
        channel.resetConnectBackoff();
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, stage, null, "interrupted while reconnecting", e);
        }
    }

    private static LedgerException clientFailure(GatewayRuntimeException e, Stage stage, String transactionId) {
        return new LedgerException(LedgerErrorCode.UNAVAILABLE, stage, transactionId,
                stage.name().toLowerCase(java.util.Locale.ROOT) + " failed: " + e.getStatus(), e);
    }

    private static <T> Optional<T> optional(byte[] response, Function<byte[], T> decoder) {
        return response == null || response.length == 0 ? Optional.empty() : Optional.of(decoder.apply(response));
    }

    private static String keysJson(List<String> keys) {
        return new String(LedgerJson.encodeStrings(keys == null ? List.of() : keys), StandardCharsets.UTF_8);
    }

    /** The gateway cannot send a null argument; the contract refuses the empty string instead. */
    private static String[] nonNull(String[] arguments) {
        return Arrays.stream(arguments).map(argument -> argument == null ? "" : argument).toArray(String[]::new);
    }
}
