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
        char[] text;
        int n;
        try {
            text = new char[1 << 16];
            n = 0;
            int r;
            while ((r = reader.read(text, n, text.length - n)) >= 0) {
                n += r;
                if (n == text.length) {
                    text = java.util.Arrays.copyOf(text, text.length * 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GradebookTable.Row> rows = new ArrayList<>();
        String[] shared = new String[SHARED_SLOTS];
        List<String> cells = new ArrayList<>();
        StringBuilder quoted = new StringBuilder();
        int record = 1;
        int i = n > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < n) {
            // At the start of a field.
            String value;
            if (text[i] == '"') {
                int openedAt = record;
                quoted.setLength(0);
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text[i++];
                    if (d != '"') {
                        quoted.append(d);
                    } else if (i < n && text[i] == '"') {
                        quoted.append('"');
                        i++;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    return new GradebookTable(name, rows, List.of(new ImportProblem(name, openedAt, null,
                            "dấu ngoặc kép mở ở dòng này không được đóng, nên không đọc được phần còn lại của tệp: "
                                    + "thêm dấu \" ở cuối ô, hoặc bỏ dấu \" ở đầu ô.")), false);
                }
                // Text after the closing quote, up to the separator, belongs to the field as it is.
                while (i < n && !separator(text[i])) {
                    quoted.append(text[i++]);
                }
                value = quoted.length() == 0 ? "" : quoted.toString(); // quoted cells are rare: not shared
            } else {
                int start = i;
                while (i < n && !separator(text[i])) {
                    i++;
                }
                value = share(text, start, i - start, shared);
            }
            cells.add(value);
            if (i >= n) {
                break;
            }
            char c = text[i++];
            if (c == ',') {
                if (i >= n) {
                    cells.add(""); // a comma at the very end: one more, empty, field
                }
                continue;
            }
            addRow(rows, record, cells);
            cells.clear();
            record++;
            if (c == '\r' && i < n && text[i] == '\n') {
                i++;
            }
        }
        if (!cells.isEmpty()) {
            addRow(rows, record, cells);
        }
        return new GradebookTable(name, rows);
    }

    private static boolean separator(char c) {
        return c == ',' || c == '\r' || c == '\n';
    }

    /** The cell {@code text[start, start + length)}, one shared copy when it is short. */
    private static String share(char[] text, int start, int length, String[] shared) {
        if (length == 0) {
            return "";
        }
        if (length > SHARED_LENGTH) {
            return new String(text, start, length);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + text[i];
        }
        int slot = (hash ^ (hash >>> 12)) & (SHARED_SLOTS - 1);
        String known = shared[slot];
        if (known != null && known.length() == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = known.charAt(i) == text[start + i];
            }
            if (same) {
                return known;
            }
        }
        String value = new String(text, start, length);
        shared[slot] = value; // a collision replaces the older cell: only memory is at stake
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
