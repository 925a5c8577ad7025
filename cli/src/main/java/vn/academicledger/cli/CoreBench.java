package vn.academicledger.cli;

import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.academicledger.cli.bench.CoreBenchmarks;

/** {@code ./ledger bench core}: JMH over the credential core; prints {@code core-issue-jcs: N/s} lines. */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "Credentials issued and verified per second for each cryptosuite (JMH, all cores).")
final class CoreBench implements Callable<Integer> {
    @Mixin
    JmhRun jmh;

    @Override
    public Integer call() throws RunnerException {
        jmh.runAndPrint(CoreBenchmarks.class, 3, 4, "%.0f", r -> "core-" + JmhRun.method(r) + "-"
                + (r.getParams().getParam("suite").contains("jcs") ? "jcs" : "rdfc"));
        return 0;
    }
}
