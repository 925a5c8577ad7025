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
import vn.academicledger.cli.bench.PdfBenchmarks;

/** {@code ./ledger bench pdf}: JMH over rendering and signing; prints {@code pdf-signed-bt: N/s} lines. */
@Command(name = "pdf", mixinStandardHelpOptions = true,
        description = "Signed PDF report cards per second (render, attach, sign, write), all cores, JMH.")
final class PdfBench implements Callable<Integer> {
    @Option(names = "--threads", description = "benchmark threads (default: the number of cores)")
    Integer threads;

    @Option(names = "--quick", description = "shorter warm-up and measurement (less precise)")
    boolean quick;

    @Override
    public Integer call() throws RunnerException {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Options options = new OptionsBuilder()
                .include(PdfBenchmarks.class.getName())
                .threads(t)
                .forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 3 : 5))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 3 : 6))
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Djava.awt.headless=true",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println(Machine.describe() + ", " + t + " benchmark threads");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String op = name.substring(name.lastIndexOf('.') + 1);
            String label = op.equals("signedBt") ? "pdf-signed-bt" : "pdf-report-card-two-signatures-lt";
            double error = r.getPrimaryResult().getScoreError();
            System.out.printf(Locale.ROOT, "%s: %.1f/s (± %.1f)%n", label, r.getPrimaryResult().getScore(),
                    Double.isNaN(error) ? 0 : error);
        }
        return 0;
    }
}
