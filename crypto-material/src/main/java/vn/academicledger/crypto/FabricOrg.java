package vn.academicledger.crypto;

import java.util.List;

/**
 * One organisation of the Fabric network.
 *
 * @param mspId       the MSP id the channel configuration and the contract use
 * @param domain      DNS-style name; node host names end with it
 * @param displayName the organisation's real name, written into its CA certificates
 * @param orderer     true for the ordering-service organisation, false for a peer organisation
 * @param nodes       host labels of its orderers or peers, e.g. {@code peer0}
 */
public record FabricOrg(String mspId, String domain, String displayName, boolean orderer, List<String> nodes) {
    public static final FabricOrg ORDERER = new FabricOrg(
            "OrdererMSP", "orderer.academicledger.test", "Academic Ledger ordering service", true, List.of("orderer0"));
    public static final FabricOrg DEPARTMENT = new FabricOrg(
            "DepartmentMSP", "department.academicledger.test", "Sở Giáo dục và Đào tạo TP.HCM (Sở GDĐT)", false, List.of("peer0"));
    public static final FabricOrg MINISTRY = new FabricOrg(
            "MinistryMSP", "ministry.academicledger.test", "Bộ Giáo dục và Đào tạo (Bộ GDĐT)", false, List.of("peer0"));

    public FabricOrg {
        nodes = List.copyOf(nodes);
    }

    public static List<FabricOrg> all() {
        return List.of(ORDERER, DEPARTMENT, MINISTRY);
    }

    /** Folder of this org below the generated {@code fabric/} folder, as cryptogen lays it out. */
    public String folder() {
        return (orderer ? "ordererOrganizations/" : "peerOrganizations/") + domain;
    }

    /** Folder holding the org's nodes: {@code orderers} or {@code peers}. */
    public String nodesFolder() {
        return orderer ? "orderers" : "peers";
    }

    /** The NodeOU a node of this org carries: {@code orderer} or {@code peer}. */
    public String nodeOu() {
        return orderer ? "orderer" : "peer";
    }

    public String host(String node) {
        return node + "." + domain;
    }

    /** Folder name of a user identity, as cryptogen names them: {@code name@domain}. */
    public String user(String name) {
        return name + "@" + domain;
    }
}
