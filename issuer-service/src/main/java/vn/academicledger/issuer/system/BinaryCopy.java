package vn.academicledger.issuer.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}, written into one buffer and
 * sent on the transaction's connection. Bulk issuance stores each chunk of credentials, and a class
 * import its students, this way:
 * no statement to parse, plan and evaluate per row or per batch of rows, and the signed JSON goes
 * to the server as the bytes it already is. Constraints, foreign keys and indexes apply exactly as
 * for an INSERT, and the rows are part of the surrounding transaction.
 *
 * <p>Each row must give every column named in {@link #into}, in that order.
 */
public final class BinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in microseconds after the Unix epoch. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    /** 2000-01-01 in days after 1970-01-01. */
    private static final long POSTGRES_EPOCH_DAYS = 10_957L;

    private final String table;
    private final int columns;
    private byte[] buffer;
    private int length;
    private int rows;
    private int fieldsLeft;

    private BinaryCopy(String table, int columns, int expectedBytes) {
        this.table = table;
        this.columns = columns;
        this.buffer = new byte[Math.max(64, expectedBytes)];
        write(SIGNATURE, 0, SIGNATURE.length);
        int32(0); // flags: no OIDs
        int32(0); // header extension length
    }

    /**
     * @param target        the table and its columns, as in {@code COPY <target> FROM STDIN}, e.g. {@code t (a, b)}
     * @param columns       how many columns each row gives
     * @param expectedBytes a guess at the total size, to size the buffer once
     */
    public static BinaryCopy into(String target, int columns, int expectedBytes) {
        return new BinaryCopy(target, columns, expectedBytes);
    }

    public BinaryCopy row() {
        if (fieldsLeft != 0) {
            throw new IllegalStateException("row " + rows + " has " + (columns - fieldsLeft) + " of " + columns + " columns");
        }
        int16(columns);
        fieldsLeft = columns;
        rows++;
        return this;
    }

    public BinaryCopy uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        field(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    /** text or varchar, sent as UTF-8 (the connection's client encoding). */
    public BinaryCopy text(String value) {
        return value == null ? nul() : utf8(value.getBytes(StandardCharsets.UTF_8));
    }

    /** text or varchar already encoded as UTF-8; the server still checks the encoding. */
    public BinaryCopy utf8(byte[] value) {
        return bytes(value);
    }

    public BinaryCopy bytea(byte[] value) {
        return bytes(value);
    }

    public BinaryCopy int4(int value) {
        field(4);
        int32(value);
        return this;
    }

    public BinaryCopy int8(long value) {
        field(8);
        int64(value);
        return this;
    }

    /** timestamptz, to the microsecond. */
    public BinaryCopy timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        field(8);
        int64(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000) - POSTGRES_EPOCH_MICROS);
        return this;
    }

    /** date: days since 2000-01-01. */
    public BinaryCopy date(java.time.LocalDate value) {
        if (value == null) {
            return nul();
        }
        field(4);
        int32(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAYS));
        return this;
    }

    public BinaryCopy nul() {
        field(-1);
        return this;
    }

    public int rows() {
        return rows;
    }

    /**
     * Sends the rows on the connection of the current transaction ({@code template}'s data source)
     * and returns how many the server stored. A failure (a constraint, a bad value) is translated as
     * JdbcTemplate translates it (e.g. a {@code DuplicateKeyException}); in a transaction, it rolls back.
     */
    public long send(JdbcTemplate template) {
        if (fieldsLeft != 0) {
            throw new IllegalStateException("the last row has " + (columns - fieldsLeft) + " of " + columns + " columns");
        }
        int16(-1); // trailer
        String sql = "copy " + table + " from stdin (format binary)";
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                copy.writeToCopy(buffer, 0, length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw template.getExceptionTranslator().translate("COPY " + table, sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private BinaryCopy bytes(byte[] value) {
        if (value == null) {
            return nul();
        }
        field(value.length);
        write(value, 0, value.length);
        return this;
    }

    private void field(int size) {
        if (fieldsLeft <= 0) {
            throw new IllegalStateException("row " + rows + " already has its " + columns + " columns (or row() was not called)");
        }
        fieldsLeft--;
        int32(size);
    }

    private void int16(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void write(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
