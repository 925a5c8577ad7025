package vn.academicledger.issuer.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the service is killed ({@code kill -9}, a power cut of the JVM) its embedded PostgreSQL
 * child lives on, holding the data folder. On the next start that orphan is asked to shut down
 * (SIGTERM: "smart" shutdown would wait for clients; the orphan has none once its parent is gone,
 * and SIGINT is PostgreSQL's "fast" shutdown, which rolls back open transactions and checkpoints).
 */
final class OrphanPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostgres.class);

    private OrphanPostgres() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()
                || !process.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
            return;
        }
        LOG.warn("An earlier embedded PostgreSQL (pid {}) still holds {}; stopping it", pid, dataDir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (process.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (process.get().isAlive()) {
                process.get().destroyForcibly();
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphan PostgreSQL " + pid, e);
        }
    }
}
