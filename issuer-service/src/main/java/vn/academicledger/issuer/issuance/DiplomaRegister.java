package vn.academicledger.issuer.issuance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.academicledger.core.domain.DiplomaNumbering;
import vn.academicledger.core.domain.DiplomaNumbers;

/**
 * Số hiệu and số vào sổ gốc for diplomas (Circular 21/2019/TT-BGDĐT): serial numbers never repeat
 * for an issuer; register numbers run 1, 2, 3… per issuer and year. The counters are row-locked and
 * advanced in the transaction that stores the diplomas: a rollback returns them, so there are no
 * gaps, and two jobs can never take the same number.
 */
@Component
public class DiplomaRegister {
    static final String SERIAL_PREFIX = "TN";
    static final long FIRST_SERIAL = 1L;
    private final JdbcClient jdbc;

    DiplomaRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DiplomaNumbers> allocate(String issuerCode, int year, int count) {
        jdbc.sql("insert into diploma_serials (issuer_code, prefix, next_serial) values (?, ?, ?) on conflict do nothing")
                .params(issuerCode, SERIAL_PREFIX, FIRST_SERIAL).update();
        jdbc.sql("insert into diploma_registers (issuer_code, year, next_register) values (?, ?, 1) on conflict do nothing")
                .params(issuerCode, year).update();
        record Serial(String prefix, long next) {
        }
        Serial serial = jdbc.sql("update diploma_serials set next_serial = next_serial + ? where issuer_code = ? returning prefix, next_serial - ?")
                .params(count, issuerCode, count).query((rs, n) -> new Serial(rs.getString(1), rs.getLong(2))).single();
        int register = jdbc.sql("update diploma_registers set next_register = next_register + ? where issuer_code = ? and year = ? returning next_register - ?")
                .params(count, issuerCode, year, count).query(Integer.class).single();
        List<DiplomaNumbers> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(new DiplomaNumbers(DiplomaNumbering.serialNumber(serial.prefix(), serial.next() + i),
                    DiplomaNumbering.registerNumber(register + i, year)));
        }
        return numbers;
    }
}
