package vn.academicledger.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerException.Stage;

class FabricErrorsTest {
    static final String TX = "0f".repeat(32);

    /**
     * fabric-gateway 1.10.0's protos (fabric-protos 0.3.7) are generated for protobuf-java 4.x, but
     * grpc-protobuf 1.76 puts 3.25.8 on the class path unless the build declares protobuf-java 4.33.0.
     * Without it nothing of the gateway works; this test then reports that instead of erroring.
     */
    @BeforeAll
    static void protobuf4IsOnTheClassPath() {
        boolean protobuf4;
        try {
            Class.forName("com.google.protobuf.RuntimeVersion");
            protobuf4 = true;
        } catch (ClassNotFoundException e) {
            protobuf4 = false;
        }
        assumeTrue(protobuf4, "protobuf-java 4.x is missing from ledger's class path: ledgers/pom.xml must declare "
                + "com.google.protobuf:protobuf-java:4.33.0 (and io.grpc:grpc-netty-shaded:1.76.0 at run time) for the "
                + "Fabric gateway adapter; network-config/scripts/ledger-it.sh adds both meanwhile");
    }

    static StatusRuntimeException status(Status.Code code, String message, String... peerMessages) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message);
        for (String peerMessage : peerMessages) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("127.0.0.1:9051").setMspId("MinistryMSP")
                    .setMessage(peerMessage).build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    @Test
    void an_endorsement_refused_by_the_contract_keeps_its_code_stage_and_transaction_id() {
        EndorseException failure = new EndorseException(TX, status(Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                "chaincode response 500, ISSUER_SUSPENDED: school 79000701 is suspended"));

        LedgerException mapped = FabricErrors.of(failure, Stage.ENDORSE);

        assertThat(mapped.errorCode()).isEqualTo(LedgerErrorCode.ISSUER_SUSPENDED);
        assertThat(mapped.stage()).isEqualTo(Stage.ENDORSE);
        assertThat(mapped.transactionId()).contains(TX);
        assertThat(mapped.getMessage()).contains("MinistryMSP").contains("school 79000701 is suspended");
        assertThat(mapped.getCause()).isSameAs(failure);
    }

    @Test
    void an_evaluation_refused_by_the_contract_reads_the_code_from_the_status() {
        GatewayException failure = new GatewayException(status(Status.Code.UNKNOWN,
                "evaluate call to endorser returned error: chaincode response 500, INVALID_ARGUMENT: bad school code"));

        LedgerException mapped = FabricErrors.of(failure, Stage.EVALUATE);

        assertThat(mapped.errorCode()).isEqualTo(LedgerErrorCode.INVALID_ARGUMENT);
        assertThat(mapped.stage()).isEqualTo(Stage.EVALUATE);
        assertThat(mapped.transactionId()).isEmpty();
    }

    @Test
    void an_unreachable_orderer_is_retryable_and_keeps_the_transaction_id() {
        SubmitException failure = new SubmitException(TX, status(Status.Code.UNAVAILABLE, "no orderers available"));

        LedgerException mapped = FabricErrors.of(failure, Stage.SUBMIT);

        assertThat(mapped.errorCode()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
        assertThat(mapped.retryable()).isTrue();
        assertThat(mapped.stage()).isEqualTo(Stage.SUBMIT);
        assertThat(mapped.transactionId()).contains(TX);
        assertThat(FabricErrors.unreachable(failure)).isTrue();
    }

    @Test
    void a_lost_commit_status_is_a_commit_stage_failure() {
        CommitStatusException failure = new CommitStatusException(TX, status(Status.Code.DEADLINE_EXCEEDED, "deadline exceeded"));

        LedgerException mapped = FabricErrors.of(failure, Stage.COMMIT);

        assertThat(mapped.stage()).isEqualTo(Stage.COMMIT);
        assertThat(mapped.errorCode()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
        assertThat(mapped.transactionId()).contains(TX);
    }

    @Test
    void a_client_the_channel_does_not_know_is_not_authorized() {
        GatewayException failure = new GatewayException(status(Status.Code.UNKNOWN,
                "evaluate call to endorser returned error: error validating proposal: access denied: channel [academic] creator org unknown, creator is malformed"));

        assertThat(FabricErrors.of(failure, Stage.EVALUATE).errorCode()).isEqualTo(LedgerErrorCode.NOT_AUTHORIZED);
        assertThat(FabricErrors.unreachable(failure)).isFalse();
    }

    @Test
    void an_invalid_transaction_is_a_commit_failure_with_its_validation_code() {
        LedgerException policy = FabricErrors.invalidTransaction(TX, 12, TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        LedgerException conflict = FabricErrors.invalidTransaction(TX, 13, TxValidationCode.MVCC_READ_CONFLICT);

        assertThat(policy.stage()).isEqualTo(Stage.COMMIT);
        assertThat(policy.errorCode()).isEqualTo(LedgerErrorCode.NOT_AUTHORIZED);
        assertThat(policy.getMessage()).contains("ENDORSEMENT_POLICY_FAILURE").contains("block 12");
        assertThat(conflict.retryable()).isTrue();
        assertThat(conflict.transactionId()).contains(TX);
    }

    @Test
    void a_word_that_merely_contains_a_code_name_is_not_a_code() {
        assertThat(FabricErrors.contractCode("XNOT_AUTHORIZED: nope")).isEmpty();
        assertThat(FabricErrors.contractCode("chaincode response 500, BATCH_CONFLICT: batch b1")).contains(LedgerErrorCode.BATCH_CONFLICT);
    }
}
