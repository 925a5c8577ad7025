package vn.academicledger.ledger.fabric;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.suite.LedgerContractSuite;

/**
 * The shared contract suite against the live local Fabric network, through the gateway adapter.
 * Runs only with {@code -Dfabric.it=true}; brings the network up and deploys the contract with
 * {@code network-config/scripts/fabric.sh} first (and leaves it running: {@code fabric.sh down}).
 */
@EnabledIfSystemProperty(named = "fabric.it", matches = "true")
class FabricLedgerContractTest extends LedgerContractSuite {
    private static FabricConnection connection;

    @BeforeAll
    static void network() {
        LocalFabricNetwork.ensureDeployed();
        connection = FabricConnection.open(LocalFabricNetwork.settings());
    }

    @AfterAll
    static void closeConnection() {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    protected LedgerPort connect(ClientIdentity identity) {
        return connection.connect(LocalFabricNetwork.enrolled(identity));
    }
}
