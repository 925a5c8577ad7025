package vn.academicledger.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.academicledger.cli.bench.CoreBenchmarks;

/** {@code ./ledger bench core}: JMH over the credential core; prints {@code core-issue-jcs: N/s} lines. */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "Credentials issued and verified per second for each cryptosuite (JMH, all cores).")
final class CoreBench implements Callable<Integer> {
    @Option(names = "--threads", description = "benchmark threads (default: the number of cores)")
    Integer threads;

    @Option(names = "--quick", description = "shorter warm-up and measurement (less precise)")
    boolean quick;

    @Override
    public Integer call() throws RunnerException {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Options options = new OptionsBuilder()
                .include(CoreBenchmarks.class.getName())
                .threads(t)
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 2 : 3))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 2 : 4))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(Machine.describe() + ", " + t + " benchmark threads");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String op = name.substring(name.lastIndexOf('.') + 1);
            String suite = r.getParams().getParam("suite").contains("jcs") ? "jcs" : "rdfc";
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "core-%s-%s: %.0f/s (± %.0f)%n", op, suite, score, Double.isNaN(error) ? 0 : error);
        }
        return 0;
    }
}
