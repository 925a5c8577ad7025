package vn.academicledger.cli;

import java.util.Locale;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Option;

/**
 * What every {@code ./ledger bench} over JMH shares: the options (threads, --quick), one fork with a
 * fixed heap, and the closing lines {@code label: N/s (± error)} after the machine's description.
 */
final class JmhRun {
    @Option(names = "--threads", description = "benchmark threads (default: the number of cores)")
    Integer threads;

    @Option(names = "--quick", description = "shorter warm-up and measurement (less precise)")
    boolean quick;

    /**
     * Runs {@code benchmark} with warm-up and measurement iterations of the given lengths (halved-ish in
     * --quick mode) and prints one line per result, labelled by {@code label}.
     */
    void runAndPrint(Class<?> benchmark, int warmupSeconds, int measureSeconds, String format,
                     Function<RunResult, String> label, String... jvmArgs) throws RunnerException {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmark.getName())
                .threads(t)
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? Math.max(2, warmupSeconds / 2) : warmupSeconds))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? Math.max(2, measureSeconds / 2) : measureSeconds))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .jvmArgsAppend(jvmArgs);
        var results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(Machine.describe() + ", " + t + " benchmark threads");
        for (RunResult r : results) {
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "%s: " + format + "/s (± " + format + ")%n", label.apply(r),
                    r.getPrimaryResult().getScore(), Double.isNaN(error) ? 0 : error);
        }
    }

    /** The benchmark method's name, e.g. {@code issue}. */
    static String method(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
