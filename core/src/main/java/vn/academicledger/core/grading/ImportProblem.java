package vn.academicledger.core.grading;

import java.util.Objects;

/**
 * One thing wrong in an imported gradebook, located the way the person who prepared the file
 * finds it: the file (or spreadsheet sheet), the row as a spreadsheet numbers it and the column's
 * header.
 *
 * @param file   the file or sheet name, e.g. {@code "diem.csv"} or the sheet {@code "Điểm"}
 * @param row    the row number a spreadsheet shows: the header is row 1 of a CSV file, the first
 *               data row is 2; {@code 0} when the problem is about the whole file
 * @param column the header of the column, e.g. {@code "TX1"}; {@code null} when the problem is
 *               about the whole row or the whole file
 * @param reason in Vietnamese, what is wrong and what to change
 */
public record ImportProblem(String file, int row, String column, String reason) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (row < 0) {
            throw new IllegalArgumentException("row " + row + " < 0");
        }
    }

    /** Where, in Vietnamese: {@code "diem.csv dòng 7, cột 'TX1'"}, {@code "diem.csv dòng 7"} or {@code "diem.csv"}. */
    public String where() {
        String where = row == 0 ? file : file + " dòng " + row;
        return column == null ? where : where + ", cột '" + column + "'";
    }

    /** The problem as one line: {@code "diem.csv dòng 7, cột 'TX1': '7.25' không phải điểm hợp lệ: …"}. */
    public String describe() {
        return where() + ": " + reason;
    }
}
