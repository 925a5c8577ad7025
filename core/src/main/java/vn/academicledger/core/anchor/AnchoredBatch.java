package vn.academicledger.core.anchor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * One issuer's batch of signed credentials, digested, put in a Merkle tree and anchored through a
 * {@link LedgerPort}. Each credential comes back with its receipt.
 */
public record AnchoredBatch(BatchAnchor anchor, List<ObjectNode> credentials, List<byte[]> digests) {

    public AnchoredBatch {
        credentials = List.copyOf(credentials);
        digests = digests.stream().map(byte[]::clone).toList();
    }

    /** A signed credential with the salt and digest it will be anchored under. */
    public record Entry(ObjectNode credential, byte[] salt, byte[] digest) {
        public Entry {
            Objects.requireNonNull(credential, "credential");
            salt = salt.clone();
            digest = digest.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        /** Salts and digests a signed credential. */
        public static Entry of(ObjectNode signedCredential) {
            byte[] salt = CredentialDigest.newSalt();
            return new Entry(signedCredential, salt, CredentialDigest.of(signedCredential, salt));
        }
    }

    /**
     * Builds the tree over the entries, anchors its root (idempotent for the same batch id and root)
     * and returns every credential with its receipt attached, in the entries' order.
     */
    public static AnchoredBatch anchor(LedgerPort ledger, String ledgerName, String batchId, String issuerCode,
                                       String credentialType, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new InvalidInputException("Batch " + batchId + " has no credentials to anchor");
        }
        List<byte[]> digests = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            digests.add(e.digest);
        }
        MerkleTree tree = MerkleTree.build(digests);
        byte[] root = tree.root();
        BatchAnchor anchor = ledger.anchorBatch(new AnchorRequest(batchId, HexFormat.of().formatHex(root), issuerCode,
                entries.size(), credentialType));
        List<ObjectNode> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            AnchorReceipt receipt = AnchorReceipt.of(ledgerName, batchId, root, tree.proof(i), e.salt);
            out.add(CredentialDigest.withReceipt(e.credential, receipt));
        }
        return new AnchoredBatch(anchor, out, digests);
    }
}
