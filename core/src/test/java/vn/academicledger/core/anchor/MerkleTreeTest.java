package vn.academicledger.core.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.academicledger.core.error.InvalidInputException;

class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The leaves and roots published with Certificate Transparency's reference Merkle tree tests (RFC 6962 hashing). */
    private static final List<byte[]> CT_LEAVES = List.of(
            HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"), HEX.parseHex("3031"),
            HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
    private static final String[] CT_ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    @Test
    void reproduces_the_published_roots_for_one_to_eight_leaves() {
        for (int n = 1; n <= 8; n++) {
            MerkleTree tree = MerkleTree.overLeafData(CT_LEAVES.subList(0, n));
            assertThat(HEX.formatHex(tree.root())).as("root of %d leaves", n).isEqualTo(CT_ROOTS[n - 1]);
        }
    }

    @Test
    void every_published_leaf_proves_its_inclusion_in_every_tree_size() {
        for (int n = 1; n <= 8; n++) {
            MerkleTree tree = MerkleTree.overLeafData(CT_LEAVES.subList(0, n));
            for (int i = 0; i < n; i++) {
                assertThat(tree.proof(i).verify(CT_LEAVES.get(i), HEX.parseHex(CT_ROOTS[n - 1])))
                        .as("leaf %d of %d", i, n).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 100, 1000, 1025})
    void every_leaf_of_a_batch_proves_its_inclusion_and_no_other_digest_does(int size) {
        List<byte[]> digests = randomDigests(size, size);
        MerkleTree tree = MerkleTree.build(digests);
        byte[] root = tree.root();
        byte[] stranger = randomDigests(1, -size).get(0);
        for (int i = 0; i < size; i++) {
            InclusionProof proof = tree.proof(i);
            assertThat(proof.verify(digests.get(i), root)).isTrue();
            assertThat(proof.verify(stranger, root)).isFalse();
        }
    }

    @Test
    void a_proof_moved_to_another_position_fails() {
        List<byte[]> digests = randomDigests(10, 1);
        MerkleTree tree = MerkleTree.build(digests);
        InclusionProof p = tree.proof(3);
        InclusionProof moved = new InclusionProof(4, p.treeSize(), p.path());
        assertThat(moved.verify(digests.get(3), tree.root())).isFalse();
    }

    @Test
    void a_proof_from_another_batch_fails_against_this_root() {
        List<byte[]> a = randomDigests(16, 2);
        List<byte[]> b = new ArrayList<>(randomDigests(16, 3));
        b.set(5, a.get(5));
        MerkleTree ta = MerkleTree.build(a);
        MerkleTree tb = MerkleTree.build(b);
        assertThat(tb.proof(5).verify(a.get(5), tb.root())).isTrue();
        assertThat(tb.proof(5).verify(a.get(5), ta.root())).isFalse();
    }

    @Test
    void a_path_of_the_wrong_length_fails_instead_of_throwing() {
        List<byte[]> digests = randomDigests(8, 4);
        MerkleTree tree = MerkleTree.build(digests);
        InclusionProof p = tree.proof(2);
        List<byte[]> shorter = p.path().subList(0, 2);
        List<byte[]> longer = new ArrayList<>(p.path());
        longer.add(new byte[32]);
        assertThat(new InclusionProof(2, 8, shorter).verify(digests.get(2), tree.root())).isFalse();
        assertThat(new InclusionProof(2, 8, longer).verify(digests.get(2), tree.root())).isFalse();
    }

    @Test
    void a_leaf_cannot_pose_as_an_interior_node() {
        List<byte[]> digests = randomDigests(2, 5);
        MerkleTree tree = MerkleTree.build(digests);
        // Without domain separation the concatenation of two leaf hashes would hash to the root.
        assertThat(MerkleTree.build(List.of(tree.root())).root()).isNotEqualTo(tree.root());
    }

    @Test
    void rejects_an_empty_batch_and_digests_of_the_wrong_size() {
        assertThatThrownBy(() -> MerkleTree.build(List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> MerkleTree.build(List.of(new byte[31]))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes");
    }

    private static List<byte[]> randomDigests(int n, long seed) {
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[32];
            r.nextBytes(d);
            out.add(d);
        }
        return out;
    }
}
