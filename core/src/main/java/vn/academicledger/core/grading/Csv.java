package vn.academicledger.core.grading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.academicledger.core.error.InvalidInputException;

/** RFC 4180 CSV: comma separated, fields quoted with {@code "} when needed, UTF-8 with or without BOM. */
final class Csv {
    /** One data row with its line number in the file (the header is line 1). */
    record Row(String file, int line, List<String> header, List<String> cells) {
        String get(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalStateException("no column " + column);
            }
            return i < cells.size() ? cells.get(i).strip() : "";
        }

        String where(String column) {
            return file + " dòng " + line + ", cột '" + column + "'";
        }
    }

    private Csv() {
    }

    /** Reads the file, checks that the header is exactly {@code columns}, returns the non-empty rows. */
    static List<Row> read(String file, Reader reader, List<String> columns) {
        List<List<String>> records = parse(file, slurp(reader));
        if (records.isEmpty()) {
            throw new InvalidInputException(file + ": tệp rỗng, cần dòng tiêu đề " + String.join(",", columns) + ".");
        }
        List<String> header = records.get(0).stream().map(h -> Normalizer.normalize(h.strip(), Normalizer.Form.NFC))
                .toList();
        if (!header.equals(columns)) {
            throw new InvalidInputException(file + " dòng 1: tiêu đề phải là '" + String.join(",", columns)
                    + "' nhưng là '" + String.join(",", header) + "'.");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i).stream().map(c -> Normalizer.normalize(c, Normalizer.Form.NFC)).toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (cells.size() > columns.size()) {
                throw new InvalidInputException(file + " dòng " + (i + 1) + ": có " + cells.size() + " cột, tiêu đề chỉ có "
                        + columns.size() + " (ô có dấu phẩy phải đặt trong ngoặc kép).");
            }
            rows.add(new Row(file, i + 1, header, cells));
        }
        return rows;
    }

    /** Writes one record, quoting where needed; lines end with CRLF as RFC 4180 says. */
    static String line(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            String v = c == null ? "" : c;
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            out.add(v);
        }
        return String.join(",", out) + "\r\n";
    }

    private static String slurp(Reader reader) {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = reader.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            if (sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
                sb.deleteCharAt(0);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> parse(String file, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(file + " dòng " + line + ": ngoặc kép mở mà không đóng.");
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
