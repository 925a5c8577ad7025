package vn.academicledger.cli;

/**
 * Which ledger a command works on, and the name its receipts carry so a verifier knows which
 * ledger to ask ({@code "ledger"} of a {@code MerkleInclusionProof}).
 */
enum LedgerKind {
    /** The embedded ledger in the data folder: the same contract in-process, no setup. */
    EMBEDDED("embedded"),
    /** The local Fabric network of network-config/: channel {@code academic}, chaincode {@code academic-ledger}. */
    FABRIC("fabric:academic/academic-ledger");

    private final String receiptName;

    LedgerKind(String receiptName) {
        this.receiptName = receiptName;
    }

    /** The {@code ledger} value of the receipts anchored on this ledger. */
    String receiptName() {
        return receiptName;
    }
}
