package vn.academicledger.cli;

import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.academicledger.cli.bench.PdfBenchmarks;

/** {@code ./ledger bench pdf}: JMH over rendering and signing; prints {@code pdf-signed-bt: N/s} lines. */
@Command(name = "pdf", mixinStandardHelpOptions = true,
        description = "Signed PDF report cards per second (render, attach, sign, write), all cores, JMH.")
final class PdfBench implements Callable<Integer> {
    @Mixin
    JmhRun jmh;

    @Override
    public Integer call() throws RunnerException {
        jmh.runAndPrint(PdfBenchmarks.class, 5, 6, "%.1f",
                r -> JmhRun.method(r).equals("signedBt") ? "pdf-signed-bt" : "pdf-report-card-two-signatures-lt",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        return 0;
    }
}
