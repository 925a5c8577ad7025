package vn.academicledger.core.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields quoted with {@code "} when needed, UTF-8 with or without
 * a byte order mark, records ending with CRLF, LF or CR (what spreadsheets and school management
 * software export). A quoted field may span lines; the row number of a record is the one a
 * spreadsheet shows, not the physical line.
 */
final class Csv {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    /**
     * Short cells (scores, codes, Đ/CĐ, semesters) repeat on every row; one copy of each saves memory
     * on big files. Looked up from the field's characters, so a repeated cell makes no new string.
     */
    private static final int SHARED_LENGTH = 8;
    private static final int SHARED_SLOTS = 4096;

    private Csv() {
    }

    /** Reads a whole file; entirely blank records are left out (their numbers are not reused). */
    static GradebookTable table(String name, Reader reader) {
        List<GradebookTable.Row> rows = new ArrayList<>();
        String[] shared = new String[SHARED_SLOTS];
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int state = FIELD_START;
        int record = 1;
        int quoteOpenedAt = 0;
        boolean afterCr = false;
        boolean start = true;
        char[] buf = new char[1 << 16];
        try {
            int n;
            while ((n = reader.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (start) {
                        start = false;
                        if (c == '\uFEFF') {
                            continue;
                        }
                    }
                    if (afterCr) {
                        afterCr = false;
                        if (c == '\n') {
                            continue;
                        }
                    }
                    switch (state) {
                        case QUOTED -> {
                            if (c == '"') {
                                state = QUOTE_IN_QUOTED;
                            } else {
                                field.append(c);
                            }
                        }
                        case QUOTE_IN_QUOTED -> {
                            if (c == '"') {
                                field.append('"');
                                state = QUOTED;
                            } else {
                                state = separator(c, field, cells, shared) ? FIELD_START : UNQUOTED;
                            }
                        }
                        case FIELD_START -> {
                            if (c == '"') {
                                state = QUOTED;
                                quoteOpenedAt = record;
                            } else {
                                state = separator(c, field, cells, shared) ? FIELD_START : UNQUOTED;
                            }
                        }
                        default -> state = separator(c, field, cells, shared) ? FIELD_START : UNQUOTED;
                    }
                    if ((c == '\r' || c == '\n') && state == FIELD_START) {
                        addRow(rows, record, cells);
                        cells.clear();
                        record++;
                        afterCr = c == '\r';
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (state == QUOTED) {
            return new GradebookTable(name, rows, List.of(new ImportProblem(name, quoteOpenedAt, null,
                    "dấu ngoặc kép mở ở dòng này không được đóng, nên không đọc được phần còn lại của tệp: "
                            + "thêm dấu \" ở cuối ô, hoặc bỏ dấu \" ở đầu ô.")), false);
        }
        if (state != FIELD_START || !cells.isEmpty()) {
            cells.add(take(field, shared));
            addRow(rows, record, cells);
        }
        return new GradebookTable(name, rows);
    }

    /**
     * Handles a character outside quotes: a comma or line break ends the field (returns true),
     * anything else is part of it.
     */
    private static boolean separator(char c, StringBuilder field, List<String> cells, String[] shared) {
        if (c == ',' || c == '\r' || c == '\n') {
            cells.add(take(field, shared));
            return true;
        }
        field.append(c);
        return false;
    }

    private static String take(StringBuilder field, String[] shared) {
        int length = field.length();
        String value;
        if (length == 0) {
            value = "";
        } else if (length <= SHARED_LENGTH) {
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + field.charAt(i);
            }
            int slot = (hash ^ (hash >>> 12)) & (SHARED_SLOTS - 1);
            String known = shared[slot];
            if (known != null && known.contentEquals(field)) {
                value = known;
            } else {
                value = field.toString();
                shared[slot] = value; // a collision replaces the older cell: only memory is at stake
            }
        } else {
            value = field.toString();
        }
        field.setLength(0);
        return value;
    }

    private static void addRow(List<GradebookTable.Row> rows, int number, List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                rows.add(new GradebookTable.Row(number, cells));
                return;
            }
        }
    }

    /** Writes one record, quoting where needed; lines end with CRLF as RFC 4180 says. */
    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        append(sb, cells);
        return sb.toString();
    }

    /** Appends one record to {@code out}, quoting where needed, ending with CRLF. */
    static void append(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendCell(out, cells.get(i));
        }
        out.append("\r\n");
    }

    static void appendCell(StringBuilder out, String cell) {
        String v = cell == null ? "" : cell;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(v);
            return;
        }
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
