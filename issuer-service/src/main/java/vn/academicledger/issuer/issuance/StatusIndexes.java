package vn.academicledger.issuer.issuance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out Bitstring Status List slots: each school's credentials take the next positions of its
 * current list's counter; a full list (131,072 entries, the spec's minimum for herd privacy) opens
 * the next. A position becomes the credential's index through the list's keyed permutation
 * ({@link StatusIndexPermutation}; the key is made with the list and never leaves the database), so
 * indexes are unique and gap-free but say nothing about issue order. Lists made before keys existed
 * hand out their positions as indexes. Jobs allocate side by side: when a list fills while several
 * wait for it, exactly one opens the next and the others take from it.
 */
@Component
public class StatusIndexes {
    public static final int LIST_SIZE = 131_072;
    private final JdbcClient jdbc;

    StatusIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public List<CredentialFactory.StatusSlot> allocate(String schoolCode, int count) {
        List<CredentialFactory.StatusSlot> slots = new ArrayList<>(count);
        while (slots.size() < count) {
            jdbc.sql("""
                            insert into status_lists (school_code, list_number, size, next_index, index_key)
                            select ?, 1, ?, 0, ? where not exists (select 1 from status_lists where school_code = ?)
                            on conflict do nothing""")
                    .params(schoolCode, LIST_SIZE, newKey(), schoolCode).update();
            // Lock the school's newest list row and take as many indexes as fit.
            record Current(int list, int size, int next, byte[] key) {
            }
            Current current = jdbc.sql("""
                            select list_number, size, next_index, index_key from status_lists where school_code = ?
                            order by list_number desc limit 1 for update""")
                    .param(schoolCode)
                    .query((rs, n) -> new Current(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBytes(4))).single();
            int free = current.size() - current.next();
            if (free == 0) {
                // Another job may be opening the same next list: it waited on the full list's lock and
                // read it before that job's new list was committed. Whoever comes second keeps the first
                // one's list (and key), and the next pass takes slots from it.
                jdbc.sql("""
                                insert into status_lists (school_code, list_number, size, next_index, index_key)
                                values (?, ?, ?, 0, ?) on conflict do nothing""")
                        .params(schoolCode, current.list() + 1, LIST_SIZE, newKey()).update();
                continue;
            }
            int take = Math.min(free, count - slots.size());
            jdbc.sql("update status_lists set next_index = next_index + ? where school_code = ? and list_number = ?")
                    .params(take, schoolCode, current.list()).update();
            StatusIndexPermutation permutation = current.key() == null ? null
                    : new StatusIndexPermutation(current.key(), current.size());
            for (int i = 0; i < take; i++) {
                int position = current.next() + i;
                slots.add(new CredentialFactory.StatusSlot(current.list(),
                        permutation == null ? position : permutation.apply(position)));
            }
        }
        return slots;
    }
}
