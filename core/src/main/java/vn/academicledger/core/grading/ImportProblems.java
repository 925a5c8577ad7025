package vn.academicledger.core.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Collects the problems of one import: counts them all, keeps the first {@link
 * GradebookImportException#MAX_PROBLEMS} in file, row and column order (whatever order they are
 * found in), and drops a problem about a cell the source already reported.
 */
final class ImportProblems {
    private record Entry(int file, int row, int column, long seq, ImportProblem problem) {
    }

    private static final Comparator<Entry> POSITION = Comparator.comparingInt(Entry::file)
            .thenComparingInt(Entry::row).thenComparingInt(Entry::column).thenComparingLong(Entry::seq);

    private final int limit;
    private final Map<String, Integer> fileOrder = new HashMap<>();
    private final Map<String, List<String>> columnsOf = new HashMap<>();
    private final Map<String, Integer> countByFile = new LinkedHashMap<>();
    /** The kept problems, the one furthest down the files at the head, so it is the one dropped. */
    private final PriorityQueue<Entry> kept;
    private final Set<String> reportedCells = new HashSet<>();
    private int count;
    private int marks;
    private long seq;

    ImportProblems(int limit) {
        this.limit = limit;
        this.kept = new PriorityQueue<>(POSITION.reversed());
    }

    /** Declares a file, in the order problems are listed; its columns order problems within a row. */
    void file(String name, List<String> columns) {
        fileOrder.putIfAbsent(name, fileOrder.size());
        columnsOf.putIfAbsent(name, columns);
        countByFile.putIfAbsent(name, 0);
    }

    /** A problem the source of a table found; no other problem is reported for the same cell. */
    void fromSource(ImportProblem p) {
        marks++;
        if (p.column() != null) {
            reportedCells.add(key(p.file(), p.row(), p.column()));
        }
        keep(p);
    }

    void add(String file, int row, String column, String reason) {
        marks++;
        if (column != null && !reportedCells.isEmpty() && reportedCells.contains(key(file, row, column))) {
            return;
        }
        keep(new ImportProblem(file, row, column, reason));
    }

    boolean any() {
        return count > 0;
    }

    /**
     * Grows with every problem raised, including one dropped because the source already reported
     * its cell: compare before and after reading a row to know whether the row is valid.
     */
    int marks() {
        return marks;
    }

    GradebookImportException exception() {
        List<Entry> entries = new ArrayList<>(kept);
        entries.sort(POSITION);
        Map<String, Integer> counts = new LinkedHashMap<>();
        countByFile.forEach((file, n) -> {
            if (n > 0) {
                counts.put(file, n);
            }
        });
        return new GradebookImportException(entries.stream().map(Entry::problem).toList(), count, counts);
    }

    private void keep(ImportProblem p) {
        count++;
        countByFile.merge(p.file(), 1, Integer::sum);
        int file = fileOrder.computeIfAbsent(p.file(), f -> fileOrder.size());
        List<String> columns = columnsOf.getOrDefault(p.file(), List.of());
        int column = p.column() == null ? -1 : columns.indexOf(p.column());
        Entry e = new Entry(file, p.row(), column < 0 && p.column() != null ? columns.size() : column, seq++, p);
        if (kept.size() < limit) {
            kept.add(e);
        } else if (POSITION.compare(e, kept.peek()) < 0) {
            kept.poll();
            kept.add(e);
        }
    }

    private static String key(String file, int row, String column) {
        return file + '\u0000' + row + '\u0000' + column;
    }
}
