package vn.academicledger.core.grading;

import java.io.Reader;
import java.util.List;
import java.util.Objects;

/**
 * One table of a class gradebook as a file holds it, before any validation: a CSV file or one
 * sheet of a spreadsheet. Each source (CSV, XLSX, …) turns its file into rows of text cells;
 * {@link GradebookImport#read} then validates the three tables of a class the same way whatever
 * they came from.
 *
 * @param name     the file or sheet name problems are reported against, e.g. {@code "diem.csv"}
 * @param rows     the rows in file order, header first, each with its spreadsheet row number;
 *                 entirely blank rows may be left out
 * @param problems what the source itself could not read (an unclosed quote, a formula error, a
 *                 sheet that is too long), each naming its row and, for a cell, its column; the
 *                 import reports them and no other problem for the same cell
 * @param complete {@code false} when the source stopped before the end of the file (see
 *                 {@code problems}); checks that need every row, such as a student without
 *                 scores, are then skipped
 */
public record GradebookTable(String name, List<Row> rows, List<ImportProblem> problems, boolean complete) {
    public GradebookTable {
        Objects.requireNonNull(name, "name");
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** A table read in full with nothing the source could not read. */
    public GradebookTable(String name, List<Row> rows) {
        this(name, rows, List.of(), true);
    }

    /**
     * Reads a CSV file: UTF-8 text with or without a byte order mark, comma separated, RFC 4180
     * quoting, CRLF, LF or CR line endings.
     *
     * @param name the file name problems are reported against
     */
    public static GradebookTable fromCsv(String name, Reader csv) {
        return Csv.table(name, csv);
    }

    /**
     * The table as CSV text ({@link GradebookCsv}'s format, CRLF line endings), each row on the line
     * of its row number (blank lines stand for the rows left out), so a CSV reader numbers the rows as
     * the source did. The import reads the text back to the same gradebook.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        int line = 1;
        for (Row r : rows) {
            for (; line < r.number(); line++) {
                out.append("\r\n");
            }
            Csv.append(out, r.cells());
            line++;
        }
        return out.toString();
    }

    /**
     * One row.
     *
     * @param number the row number a spreadsheet shows (1 for the first line of a CSV file)
     * @param cells  the cells left to right as text; a missing cell is {@code ""}; no {@code null}; cells past
     *               the end of the list count as empty
     */
    public record Row(int number, List<String> cells) {
        public Row {
            if (number < 1) {
                throw new IllegalArgumentException("row number " + number + " < 1");
            }
            cells = List.copyOf(cells);
        }

        /** The cell at this position (0-based), or {@code ""} past the end. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        /** Whether every cell is blank. */
        public boolean isBlank() {
            for (String c : cells) {
                if (!c.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }
}
