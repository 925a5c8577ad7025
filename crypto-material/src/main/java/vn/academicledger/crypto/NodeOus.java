package vn.academicledger.crypto;

/**
 * The {@code config.yaml} of an MSP folder that turns on Node OUs: the OU in a certificate's
 * subject (client, peer, admin, orderer) says what role its holder plays, so no admincerts are needed.
 */
final class NodeOus {
    static final String CA_CERT_FILE = "ca-cert.pem";

    private NodeOus() {
    }

    static String configYaml() {
        StringBuilder yaml = new StringBuilder("# Written by the Academic Ledger crypto-material generator.\nNodeOUs:\n  Enable: true\n");
        for (String[] ou : new String[][] {
                {"ClientOUIdentifier", "client"}, {"PeerOUIdentifier", "peer"},
                {"AdminOUIdentifier", "admin"}, {"OrdererOUIdentifier", "orderer"}}) {
            yaml.append("  ").append(ou[0]).append(":\n")
                    .append("    Certificate: cacerts/").append(CA_CERT_FILE).append('\n')
                    .append("    OrganizationalUnitIdentifier: ").append(ou[1]).append('\n');
        }
        return yaml.toString();
    }
}
