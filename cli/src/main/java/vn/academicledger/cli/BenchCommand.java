package vn.academicledger.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./ledger bench …}: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Đo hiệu năng / Benchmarks: core, pdf, fabric", subcommands = {CoreBench.class, PdfBench.class, FabricBench.class})
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("Choose a benchmark: ./ledger bench core | ./ledger bench fabric");
        return 2;
    }
}
