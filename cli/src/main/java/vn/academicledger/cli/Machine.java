package vn.academicledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine a benchmark ran on, for the figures it prints. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        long gib = Runtime.getRuntime().maxMemory() >> 30;
        return "Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + " (heap max " + gib + " GiB)";
    }
}
