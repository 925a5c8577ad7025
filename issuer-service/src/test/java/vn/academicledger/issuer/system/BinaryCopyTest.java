package vn.academicledger.issuer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.issuer.support.IssuerServiceTest;

/** Rows written with {@link BinaryCopy} read back as written, on the real (embedded) PostgreSQL. */
class BinaryCopyTest extends IssuerServiceTest {
    @Autowired
    JdbcTemplate template;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void table() {
        template.execute("drop table if exists copy_probe");
        template.execute("""
                create table copy_probe (id uuid primary key, name varchar(64) not null, body text, n int, big bigint,
                    raw bytea, at timestamptz, born date, check (n is null or n >= 0))""");
    }

    @Test
    void every_type_reads_back_as_written() {
        UUID id = UUID.fromString("018f2a6c-1d2e-7abc-8def-0123456789ab");
        Instant at = Instant.parse("2026-12-07T01:02:03.456789Z");
        String body = "{\"tên\":\"Nguyễn Thị Ánh Tuyết\",\"ghi chú\":\"dòng 1\\ndòng 2\\t\\\\\"}";
        long sent = BinaryCopy.into("copy_probe (id, name, body, n, big, raw, at, born)", 8, 256)
                .row().uuid(id).text("Lớp 12A1").utf8(body.getBytes(StandardCharsets.UTF_8)).int4(42).int8(-7_000_000_000L)
                .bytea(new byte[]{0, (byte) 0xff, '\\', '\n'}).timestamptz(at).date(java.time.LocalDate.of(1999, 12, 31))
                .row().uuid(UUID.randomUUID()).text("trống").nul().nul().nul().nul().timestamptz(null).date(java.time.LocalDate.of(2008, 2, 29))
                .send(template);
        assertThat(sent).isEqualTo(2);

        Map<String, Object> row = template.queryForMap("select * from copy_probe where id = ?", id);
        assertThat(row.get("name")).isEqualTo("Lớp 12A1");
        assertThat(row.get("body")).isEqualTo(body);
        assertThat(row.get("n")).isEqualTo(42);
        assertThat(row.get("big")).isEqualTo(-7_000_000_000L);
        assertThat((byte[]) row.get("raw")).containsExactly(0, 0xff, '\\', '\n');
        assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at);
        assertThat(((java.sql.Date) row.get("born")).toLocalDate()).isEqualTo(java.time.LocalDate.of(1999, 12, 31));
        assertThat(template.queryForObject("select born::text from copy_probe where name = 'trống'", String.class)).isEqualTo("2008-02-29");
        assertThat(template.queryForObject("select count(*) from copy_probe where body is null and n is null and at is null",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void a_constraint_is_enforced_and_the_transaction_keeps_nothing() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            template.update("insert into copy_probe (id, name) values (?, 'before the copy')", UUID.randomUUID());
            BinaryCopy.into("copy_probe (id, name)", 2, 64)
                    .row().uuid(id).text("a")
                    .row().uuid(id).text("the same id again")
                    .send(template);
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(template.queryForObject("select count(*) from copy_probe", Integer.class)).isZero();

        assertThatThrownBy(() -> BinaryCopy.into("copy_probe (id, name, n)", 3, 64)
                .row().uuid(UUID.randomUUID()).text("negative").int4(-1).send(template))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void invalid_utf8_is_refused_by_the_server() {
        assertThatThrownBy(() -> BinaryCopy.into("copy_probe (id, name)", 2, 64)
                .row().uuid(UUID.randomUUID()).utf8(new byte[]{'a', (byte) 0xc3}).send(template))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(template.queryForObject("select count(*) from copy_probe", Integer.class)).isZero();
    }

    @Test
    void a_row_with_the_wrong_number_of_columns_is_refused_before_sending() {
        BinaryCopy copy = BinaryCopy.into("copy_probe (id, name)", 2, 64).row().uuid(UUID.randomUUID());
        assertThatThrownBy(copy::row).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2");
        BinaryCopy full = BinaryCopy.into("copy_probe (id, name)", 2, 64).row().uuid(UUID.randomUUID()).text("x");
        assertThatThrownBy(() -> full.text("one too many")).isInstanceOf(IllegalStateException.class);
    }
}
