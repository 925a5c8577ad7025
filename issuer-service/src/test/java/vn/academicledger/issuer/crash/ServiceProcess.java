package vn.academicledger.issuer.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The issuer service as an operating-system process of its own: a child JVM started from this test's
 * class path, with its data folder, port and demo password given on the command line, its output in
 * a log file. {@link #kill()} is {@code kill -9}: the JVM dies at once and its embedded PostgreSQL
 * (started by {@code pg_ctl}, not a thread of the JVM) lives on, as after a real crash.
 */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on a free loopback port; {@code settings} are more {@code --name=value} arguments. */
    static ServiceProcess start(Path dataDir, String password, Path log, List<String> settings) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                "vn.academicledger.issuer.IssuerApplication",
                "--server.port=" + port,
                "--issuer.data-dir=" + dataDir,
                "--issuer.demo.password=" + password,
                // readiness comes after the application runners (demo seed, schools on the ledger), health before
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(process, port, log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200: started, seeded, accepting traffic.
     * Fails with the log's tail if the process ends first.
     */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting:\n" + logTail(60));
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not come up in " + timeout + ":\n" + logTail(60));
    }

    /** {@code kill -9}: SIGKILL to the JVM alone; its PostgreSQL is left running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service (pid " + process.pid() + ") did not die of SIGKILL");
        }
    }

    /** SIGTERM, as an operator stops it: graceful shutdown, PostgreSQL stopped. SIGKILL after {@code timeout}. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the service did not stop in " + timeout + " after SIGTERM; killed it:\n" + logTail(40));
        }
        return process.exitValue();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Ends the JVM if it still runs (for finally blocks). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The PostgreSQL server that holds {@code postgresDir}, if one runs (from its {@code postmaster.pid}). */
    static Optional<ProcessHandle> postgresOf(Path postgresDir) {
        Path pidFile = postgresDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the PostgreSQL server of {@code postgresDir} if one is left (SIGINT, fast shutdown; SIGKILL after 30 s). */
    static void stopPostgres(Path postgresDir) throws InterruptedException {
        Optional<ProcessHandle> postgres = postgresOf(postgresDir);
        if (postgres.isEmpty()) {
            return;
        }
        ProcessHandle p = postgres.get();
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            p.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
