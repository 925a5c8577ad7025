package vn.academicledger.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.issuer.support.IssuerServiceTest;

/**
 * Several jobs reach the end of a full status list at once (found by the issue bench: the second job
 * to open list 2 failed on a duplicate key and lost its whole class). Every caller must get its slots,
 * exactly one next list must be opened, and no slot may be handed out twice.
 */
class StatusIndexesRolloverTest extends IssuerServiceTest {
    private static final String SCHOOL = "79999901";

    @Autowired
    StatusIndexes statusIndexes;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void jobs_that_meet_at_a_full_list_all_get_distinct_slots_and_one_next_list() throws Exception {
        jdbc.sql("insert into schools (code, name, did) values (?, 'Trường thử danh sách trạng thái', ?) on conflict do nothing")
                .params(SCHOOL, "did:web:rollover.test:" + SCHOOL).update();
        // A list with 10 free slots left: six callers of 40 each overflow it together.
        transactions.executeWithoutResult(tx -> statusIndexes.allocate(SCHOOL, 1));
        jdbc.sql("update status_lists set next_index = size - 10 where school_code = ? and list_number = 1").param(SCHOOL).update();

        int callers = 6;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CredentialFactory.StatusSlot>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return transactions.execute(tx -> statusIndexes.allocate(SCHOOL, each));
                }));
            }
            start.countDown();
            Set<CredentialFactory.StatusSlot> all = new HashSet<>();
            for (Future<List<CredentialFactory.StatusSlot>> f : results) {
                List<CredentialFactory.StatusSlot> slots = f.get();
                assertThat(slots).hasSize(each);
                all.addAll(slots);
            }
            assertThat(all).as("no slot handed out twice").hasSize(callers * each);
            assertThat(all.stream().filter(s -> s.listNumber() == 1)).hasSize(10);
            assertThat(all.stream().filter(s -> s.listNumber() == 2)).hasSize(callers * each - 10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select list_number from status_lists where school_code = ? order by list_number")
                .param(SCHOOL).query(Integer.class).list()).containsExactly(1, 2);
        assertThat(jdbc.sql("select next_index from status_lists where school_code = ? and list_number = 2")
                .param(SCHOOL).query(Integer.class).single()).isEqualTo(callers * each - 10);
    }
}
