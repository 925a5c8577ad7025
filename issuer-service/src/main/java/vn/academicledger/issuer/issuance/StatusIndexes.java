package vn.academicledger.issuer.issuance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out Bitstring Status List slots: each school's credentials take the next indexes of its
 * current list; a full list (131,072 entries, the spec's minimum for herd privacy) opens the next.
 * Run inside the transaction that stores the credentials, so a rollback hands nothing out.
 */
@Component
public class StatusIndexes {
    public static final int LIST_SIZE = 131_072;
    private final JdbcClient jdbc;

    StatusIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CredentialFactory.StatusSlot> allocate(String schoolCode, int count) {
        List<CredentialFactory.StatusSlot> slots = new ArrayList<>(count);
        while (slots.size() < count) {
            jdbc.sql("""
                            insert into status_lists (school_code, list_number, size, next_index)
                            select ?, 1, ?, 0 where not exists (select 1 from status_lists where school_code = ?)
                            on conflict do nothing""")
                    .params(schoolCode, LIST_SIZE, schoolCode).update();
            // Lock the school's newest list row and take as many indexes as fit.
            record Current(int list, int size, int next) {
            }
            Current current = jdbc.sql("""
                            select list_number, size, next_index from status_lists where school_code = ?
                            order by list_number desc limit 1 for update""")
                    .param(schoolCode)
                    .query((rs, n) -> new Current(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
            int free = current.size() - current.next();
            if (free == 0) {
                jdbc.sql("insert into status_lists (school_code, list_number, size, next_index) values (?, ?, ?, 0)")
                        .params(schoolCode, current.list() + 1, LIST_SIZE).update();
                continue;
            }
            int take = Math.min(free, count - slots.size());
            jdbc.sql("update status_lists set next_index = next_index + ? where school_code = ? and list_number = ?")
                    .params(take, schoolCode, current.list()).update();
            for (int i = 0; i < take; i++) {
                slots.add(new CredentialFactory.StatusSlot(current.list(), current.next() + i));
            }
        }
        return slots;
    }
}
