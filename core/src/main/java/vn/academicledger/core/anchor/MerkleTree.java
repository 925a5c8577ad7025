package vn.academicledger.core.anchor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A Merkle tree over one batch of credential digests, shaped and hashed as in RFC 9162 (Certificate
 * Transparency v2) section 2.1: leaf hash {@code SHA-256(0x00 || digest)}, interior node hash
 * {@code SHA-256(0x01 || left || right)}. The domain separation makes a leaf impossible to pass off
 * as an interior node, and the RFC's split (a lone last node is carried up unpaired, never
 * duplicated) rules out the duplicate-leaf ambiguity of Bitcoin-style trees.
 *
 * <p>Built bottom-up in {@code O(n)} hashes; every level is kept so inclusion proofs cost
 * {@code O(log n)} lookups.
 */
public final class MerkleTree {
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;
    public static final int HASH_LENGTH = 32;

    /** levels.get(0) are the leaf hashes; the last level holds the root alone. */
    private final List<byte[][]> levels;

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    /** Builds the tree over the given 32-byte credential digests, in order. */
    public static MerkleTree build(List<byte[]> digests) {
        if (digests.isEmpty()) {
            throw new InvalidInputException("A Merkle batch needs at least one credential digest");
        }
        for (int i = 0; i < digests.size(); i++) {
            byte[] d = digests.get(i);
            if (d == null || d.length != HASH_LENGTH) {
                throw new InvalidInputException("Credential digest " + i + " must be 32 bytes (SHA-256)");
            }
        }
        return overLeafData(digests);
    }

    /** The tree over arbitrary leaf data (RFC 9162's test vectors use leaves of any length). */
    static MerkleTree overLeafData(List<byte[]> leaves) {
        MessageDigest sha = sha256();
        byte[][] level = new byte[leaves.size()][];
        for (int i = 0; i < level.length; i++) {
            level[i] = leafHash(sha, leaves.get(i));
        }
        List<byte[][]> levels = new ArrayList<>();
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i + 1 < level.length; i += 2) {
                up[i / 2] = nodeHash(sha, level[i], level[i + 1]);
            }
            if ((level.length & 1) == 1) {
                up[up.length - 1] = level[level.length - 1];
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels);
    }

    public int size() {
        return levels.get(0).length;
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    /** The audit path for leaf {@code index}: sibling hashes from the leaf up to the root. */
    public InclusionProof proof(int index) {
        int n = size();
        if (index < 0 || index >= n) {
            throw new InvalidInputException("Leaf index " + index + " is outside a batch of " + n);
        }
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            i >>= 1;
        }
        return new InclusionProof(index, n, path);
    }

    static byte[] leafHash(MessageDigest sha, byte[] digest) {
        sha.update(LEAF_PREFIX);
        return sha.digest(digest);
    }

    static byte[] nodeHash(MessageDigest sha, byte[] left, byte[] right) {
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
