package vn.academicledger.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class StatusIndexPermutationTest {
    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new java.util.Random(seed).nextBytes(key);
        return key;
    }

    @Test
    void every_position_of_a_full_list_gets_its_own_index() {
        StatusIndexPermutation p = new StatusIndexPermutation(key(1), StatusIndexes.LIST_SIZE);
        BitSet seen = new BitSet(StatusIndexes.LIST_SIZE);
        for (int i = 0; i < StatusIndexes.LIST_SIZE; i++) {
            int index = p.apply(i);
            assertThat(index).isBetween(0, StatusIndexes.LIST_SIZE - 1);
            assertThat(seen.get(index)).as("index %d twice", index).isFalse();
            seen.set(index);
        }
        assertThat(seen.cardinality()).isEqualTo(StatusIndexes.LIST_SIZE);
    }

    @Test
    void sizes_that_are_not_powers_of_two_are_covered_exactly() {
        for (int size : new int[]{2, 3, 7, 1000, 4097}) {
            StatusIndexPermutation p = new StatusIndexPermutation(key(size), size);
            BitSet seen = new BitSet(size);
            for (int i = 0; i < size; i++) {
                seen.set(p.apply(i));
            }
            assertThat(seen.cardinality()).as("size %d", size).isEqualTo(size);
            assertThat(seen.length()).isEqualTo(size);
        }
    }

    @Test
    void the_order_depends_on_the_key_and_does_not_follow_the_counter() {
        StatusIndexPermutation a = new StatusIndexPermutation(key(1), StatusIndexes.LIST_SIZE);
        StatusIndexPermutation again = new StatusIndexPermutation(key(1), StatusIndexes.LIST_SIZE);
        StatusIndexPermutation b = new StatusIndexPermutation(key(2), StatusIndexes.LIST_SIZE);
        int same = 0;
        int ascending = 0;
        int previous = -1;
        for (int i = 0; i < 1000; i++) {
            assertThat(a.apply(i)).isEqualTo(again.apply(i));
            same += a.apply(i) == b.apply(i) ? 1 : 0;
            ascending += a.apply(i) > previous ? 1 : 0;
            previous = a.apply(i);
        }
        assertThat(same).isLessThan(5);
        // A random order rises about half the time; consecutive counters must not map to a run.
        assertThat(ascending).isBetween(400, 600);
    }

    @Test
    void refuses_short_keys_and_positions_outside_the_list() {
        assertThatThrownBy(() -> new StatusIndexPermutation(new byte[8], 100)).isInstanceOf(IllegalArgumentException.class);
        StatusIndexPermutation p = new StatusIndexPermutation(key(3), 100);
        assertThatThrownBy(() -> p.apply(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.apply(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
