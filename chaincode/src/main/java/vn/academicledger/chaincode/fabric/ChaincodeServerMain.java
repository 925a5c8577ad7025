package vn.academicledger.chaincode.fabric;

import org.hyperledger.fabric.contract.ContractRouter;

/**
 * Starts the chaincode. With {@code CHAINCODE_SERVER_ADDRESS=host:port} set, the shim (2.5.x)
 * runs its own gRPC server there and the peer connects to it (chaincode-as-a-service); the
 * package id comes from {@code CORE_CHAINCODE_ID_NAME} (e.g. {@code academic:abc…}) and
 * {@code CORE_PEER_TLS_ENABLED=true} switches the server to TLS
 * ({@code CORE_TLS_CLIENT_KEY_FILE}, {@code CORE_TLS_CLIENT_CERT_FILE},
 * {@code CORE_PEER_TLS_ROOTCERT_FILE}). Without it, the shim dials the peer at
 * {@code CORE_PEER_ADDRESS} as classic chaincode does.
 *
 * <p>The shim finds {@link AcademicLedgerChaincode} by its {@code @Contract} annotation.
 */
public final class ChaincodeServerMain {
    private ChaincodeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ContractRouter.main(args);
    }
}
