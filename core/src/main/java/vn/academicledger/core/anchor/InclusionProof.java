package vn.academicledger.core.anchor;

import java.security.MessageDigest;
import java.util.List;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Proof that one credential digest is leaf {@code leafIndex} of a Merkle tree of {@code treeSize}
 * leaves (RFC 9162 section 2.1.3). Checking it needs only the digest and the anchored root.
 */
public record InclusionProof(int leafIndex, int treeSize, List<byte[]> path) {
    public InclusionProof {
        if (treeSize < 1) {
            throw new InvalidInputException("An inclusion proof's tree size must be at least 1, not " + treeSize);
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new InvalidInputException("Leaf index " + leafIndex + " is outside a tree of " + treeSize);
        }
        path = path.stream().map(h -> {
            if (h == null || h.length != MerkleTree.HASH_LENGTH) {
                throw new InvalidInputException("Every hash in an inclusion path must be 32 bytes");
            }
            return h.clone();
        }).toList();
    }

    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    /** The root this proof leads to from {@code digest}, or throws when the path has the wrong length. */
    public byte[] rootFor(byte[] digest) {
        MessageDigest sha = MerkleTree.sha256();
        long fn = leafIndex;
        long sn = treeSize - 1L;
        byte[] r = MerkleTree.leafHash(sha, digest);
        for (byte[] p : path) {
            if (sn == 0) {
                throw new InvalidInputException("The inclusion path is longer than a tree of " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(sha, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleTree.nodeHash(sha, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidInputException("The inclusion path is shorter than a tree of " + treeSize + " needs");
        }
        return r;
    }

    /** True when {@code digest} at this proof's position leads to {@code root}. */
    public boolean verify(byte[] digest, byte[] root) {
        try {
            return MessageDigest.isEqual(rootFor(digest), root);
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
