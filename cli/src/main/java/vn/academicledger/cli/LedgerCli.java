package vn.academicledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./ledger} command line. */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "Academic Ledger 0.1.0",
        description = {"Sổ cái học vụ — Academic Ledger: signed, ledger-anchored school records."},
        subcommands = {DemoCommand.class, VerifyCommand.class, BenchCommand.class})
public final class LedgerCli implements Runnable {

    public static void main(String[] args) {
        // EU DSS logs every validation step at INFO; a command line shows warnings only unless asked.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new LedgerCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Lỗi / Error: " + e.getMessage());
            if (System.getenv("LEDGER_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
