package vn.academicledger.core.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A class gradebook that cannot be imported, with every problem found (up to {@link #MAX_PROBLEMS}),
 * so the school can correct the whole file at once. Nothing of the class is imported.
 *
 * <p>The message is a Vietnamese summary: the number of problems per file and the first few.
 */
public final class GradebookImportException extends InvalidInputException {
    /** At most this many problems are kept; {@link #problemCount()} still counts them all. */
    public static final int MAX_PROBLEMS = 500;
    /** How many problems the message spells out. */
    static final int IN_MESSAGE = 5;

    private final transient List<ImportProblem> problems;
    private final int problemCount;

    /** A failed import with these problems (all of them: none were left out). */
    public GradebookImportException(List<ImportProblem> problems) {
        this(problems, problems.size(), countByFile(problems));
    }

    GradebookImportException(List<ImportProblem> problems, int problemCount, Map<String, Integer> countByFile) {
        super(summary(problems, problemCount, countByFile));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** The problems in file, row and column order; the first {@link #MAX_PROBLEMS} when there were more. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** How many problems were found, including any beyond {@link #MAX_PROBLEMS}. */
    public int problemCount() {
        return problemCount;
    }

    /** Whether problems were found beyond those {@link #problems()} lists. */
    public boolean truncated() {
        return problemCount > problems.size();
    }

    private static Map<String, Integer> countByFile(List<ImportProblem> problems) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ImportProblem p : problems) {
            counts.merge(p.file(), 1, Integer::sum);
        }
        return counts;
    }

    private static String summary(List<ImportProblem> problems, int count, Map<String, Integer> countByFile) {
        StringBuilder sb = new StringBuilder("Không nhập được lớp, chưa có dữ liệu nào được nhập: ");
        if (countByFile.size() == 1) {
            sb.append(countByFile.keySet().iterator().next()).append(": ").append(count).append(" lỗi");
        } else {
            sb.append(count).append(" lỗi (");
            countByFile.forEach((file, n) -> sb.append(file).append(": ").append(n).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        sb.append(". ");
        int shown = Math.min(IN_MESSAGE, problems.size());
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : " ").append(problems.get(i).describe());
        }
        if (count > shown) {
            sb.append(" … và ").append(count - shown).append(" lỗi khác.");
        }
        return sb.toString();
    }
}
