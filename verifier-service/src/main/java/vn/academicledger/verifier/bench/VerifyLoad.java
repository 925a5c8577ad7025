package vn.academicledger.verifier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for {@code ./ledger bench verify}: drives a running verifier over HTTP from its own
 * process with a mix of valid credentials and tampered copies (a changed grade), checks every answer
 * (a tampered credential reported VALID counts as a wrong verdict) and prints verifications per
 * second and latency percentiles.
 *
 * <p>Two runs: closed loop ({@code --connections} clients, each sending its next request as soon as
 * the last is answered: the maximum rate), then open loop at a fixed {@code --rate}, where latency
 * is measured from when each request was due, so a stalled server is not hidden (no coordinated
 * omission). HTTP/1.1 keep-alive over plain sockets with pre-built requests keeps the generator's own
 * CPU small: it shares the machine with the server.
 *
 * <pre>
 * java -cp academic-ledger-verifier.jar -Dloader.main=vn.academicledger.verifier.bench.VerifyLoad \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --url http://127.0.0.1:8080 --credentials out/demo --suite eddsa-jcs-2022 \
 *      --warmup 60s --duration 15s --connections 8 --rate 2000 --invalid 0.1
 * </pre>
 */
public final class VerifyLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Request(byte[] bytes, boolean valid) {
    }

    private record Options(URI url, Path credentials, String suite, Duration warmup, Duration duration, int connections,
                           int rate, double invalid, String path, long serverPid) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        List<Request> requests = requests(o);
        long valid = requests.stream().filter(Request::valid).count();
        System.out.printf(Locale.ROOT, "bench verify: %s%s, %d credentials (%s) + %d tampered copies, %d connections%n",
                o.url(), o.path(), valid, o.suite(), requests.size() - valid, o.connections());
        System.out.println("machine: " + Machine.describe());

        if (!o.warmup().isZero()) {
            Result warm = closedLoop(o, requests, o.warmup());
            System.out.printf(Locale.ROOT, "warm-up   %6.0f verifications/s over %.0f s%n", warm.perSecond(), warm.seconds());
        }
        Cpu before = Cpu.now(o.serverPid());
        Result max = closedLoop(o, requests, o.duration());
        max.print("max rate ");
        Cpu.now(o.serverPid()).since(before, max.sortedLatencies().length);
        if (o.rate() > 0) {
            before = Cpu.now(o.serverPid());
            Result fixed = openLoop(o, requests, o.duration(), o.rate());
            fixed.print("at " + o.rate() + "/s");
            Cpu.now(o.serverPid()).since(before, fixed.sortedLatencies().length);
        }
        System.out.println("machine: " + Machine.describe());
    }

    // ---- the two runs -----------------------------------------------------------------------

    private static Result closedLoop(Options o, List<Request> requests, Duration duration) throws Exception {
        Recorder recorder = new Recorder();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.connections(); c++) {
            threads.add(started(() -> {
                try (Connection connection = new Connection(o.url())) {
                    while (System.nanoTime() < end) {
                        Request r = requests.get((int) (next.getAndIncrement() % requests.size()));
                        long start = System.nanoTime();
                        connection.exchange(r, recorder, start);
                    }
                } catch (IOException e) {
                    recorder.failure(e);
                }
            }));
        }
        long started = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        return recorder.result((System.nanoTime() - started) / 1e9);
    }

    private static Result openLoop(Options o, List<Request> requests, Duration duration, int rate) throws Exception {
        Recorder recorder = new Recorder();
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(rate * 10 + 1000);
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        int connections = Math.max(o.connections(), 4);
        for (int c = 0; c < connections; c++) {
            threads.add(started(() -> {
                try (Connection connection = new Connection(o.url())) {
                    while (true) {
                        Long at = due.poll(200, TimeUnit.MILLISECONDS);
                        if (at == null) {
                            if (System.nanoTime() > end) {
                                return;
                            }
                            continue;
                        }
                        if (at < 0) {
                            return;
                        }
                        Request r = requests.get((int) (next.getAndIncrement() % requests.size()));
                        connection.exchange(r, recorder, at);
                    }
                } catch (IOException e) {
                    recorder.failure(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long interval = 1_000_000_000L / rate;
        long dropped = 0;
        for (long at = started; at < end; at += interval) {
            long wait = at - System.nanoTime();
            if (wait > 50_000) {
                TimeUnit.NANOSECONDS.sleep(wait - 20_000);
            }
            while (System.nanoTime() < at) {
                Thread.onSpinWait();
            }
            if (!due.offer(at)) {
                dropped++;
            }
        }
        for (int c = 0; c < connections; c++) {
            due.put(-1L);
        }
        for (Thread t : threads) {
            t.join();
        }
        Result result = recorder.result((System.nanoTime() - started) / 1e9);
        if (dropped > 0) {
            System.out.printf("  (the server fell behind: %d requests could not even be queued)%n", dropped);
        }
        return result;
    }

    private static Thread started(Runnable body) {
        Thread thread = new Thread(body, "verify-load");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    // ---- one keep-alive HTTP/1.1 connection ----------------------------------------------------

    private static final class Connection implements AutoCloseable {
        private final URI url;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private final byte[] buffer = new byte[64 * 1024];

        Connection(URI url) throws IOException {
            this.url = url;
            open();
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        void exchange(Request request, Recorder recorder, long dueAt) throws IOException {
            out.write(request.bytes());
            out.flush();
            int status = -1;
            int length = -1;
            boolean close = false;
            String line;
            while (!(line = readLine()).isEmpty()) {
                if (status < 0) {
                    status = Integer.parseInt(line.substring(9, 12));
                } else {
                    int colon = line.indexOf(':');
                    String name = line.substring(0, colon).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Integer.parseInt(line.substring(colon + 1).trim());
                    } else if (name.equalsIgnoreCase("Connection") && line.toLowerCase(Locale.ROOT).contains("close")) {
                        close = true;
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        length = -2;
                    }
                }
            }
            String verdict = length == -2 ? readChunked() : readBody(length);
            long latency = System.nanoTime() - dueAt;
            boolean right = status == 200 && (request.valid() ? verdict.contains("\"verdict\":\"VALID\"")
                    : verdict.contains("\"verdict\":\"NOT_VALID\""));
            recorder.record(latency, status, right, request.valid() && status == 200 && !right,
                    !request.valid() && verdict.contains("\"verdict\":\"VALID\""));
            if (close) {
                socket.close();
                open();
            }
        }

        private String readBody(int length) throws IOException {
            if (length < 0) {
                throw new IOException("response without Content-Length");
            }
            byte[] body = length <= buffer.length ? buffer : new byte[length];
            int read = 0;
            while (read < length) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    throw new IOException("connection closed mid-body");
                }
                read += n;
            }
            return new String(body, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
        }

        private String readChunked() throws IOException {
            StringBuilder head = new StringBuilder();
            while (true) {
                int size = Integer.parseInt(readLine().trim(), 16);
                if (size == 0) {
                    readLine();
                    return head.toString();
                }
                byte[] chunk = new byte[size];
                int read = 0;
                while (read < size) {
                    int n = in.read(chunk, read, size - read);
                    if (n < 0) {
                        throw new IOException("connection closed mid-chunk");
                    }
                    read += n;
                }
                if (head.length() < 200) {
                    head.append(new String(chunk, 0, Math.min(size, 200), StandardCharsets.ISO_8859_1));
                }
                readLine();
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int len = line.length();
                    return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
                }
                line.append((char) b);
            }
            throw new IOException("connection closed");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- counting ------------------------------------------------------------------------------

    private static final class Recorder {
        private final LongAdder ok = new LongAdder();
        private final LongAdder wrong = new LongAdder();
        private final LongAdder falseValid = new LongAdder();
        private final LongAdder rateLimited = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final List<long[][]> all = new ArrayList<>();
        private final ThreadLocal<long[][]> mine = ThreadLocal.withInitial(() -> {
            long[][] holder = {new long[1 << 16], {0}};
            synchronized (all) {
                all.add(holder);
            }
            return holder;
        });
        private volatile String firstFailure;

        void record(long latencyNanos, int status, boolean right, boolean validRefused, boolean tamperedAccepted) {
            long[][] h = mine.get();
            int n = (int) h[1][0];
            if (n == h[0].length) {
                h[0] = Arrays.copyOf(h[0], n * 2);
            }
            h[0][n] = latencyNanos;
            h[1][0] = n + 1;
            if (status == 429) {
                rateLimited.increment();
            } else if (right) {
                ok.increment();
            } else {
                wrong.increment();
            }
            if (tamperedAccepted) {
                falseValid.increment();
            }
        }

        void failure(Exception e) {
            failed.increment();
            if (firstFailure == null) {
                firstFailure = e.toString();
            }
        }

        Result result(double seconds) {
            int count = 0;
            synchronized (all) {
                for (long[][] h : all) {
                    count += (int) h[1][0];
                }
                long[] merged = new long[count];
                int at = 0;
                for (long[][] h : all) {
                    System.arraycopy(h[0], 0, merged, at, (int) h[1][0]);
                    at += (int) h[1][0];
                }
                Arrays.sort(merged);
                return new Result(seconds, merged, ok.sum(), wrong.sum(), falseValid.sum(), rateLimited.sum(), failed.sum(),
                        firstFailure);
            }
        }
    }

    private record Result(double seconds, long[] sortedLatencies, long ok, long wrong, long falseValid, long rateLimited,
                          long failed, String firstFailure) {
        double perSecond() {
            return sortedLatencies.length / seconds;
        }

        double percentileMillis(double p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sortedLatencies.length - 1, Math.ceil(p / 100 * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, i)] / 1e6;
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "%-9s %6.0f verifications/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  max %7.2f ms"
                            + "  (%d answers in %.1f s: %d right, %d wrong, %d rate-limited, %d connection failures)%n",
                    label, perSecond(), percentileMillis(50), percentileMillis(99), percentileMillis(99.9),
                    percentileMillis(100), sortedLatencies.length, seconds, ok, wrong, rateLimited, failed);
            if (falseValid > 0) {
                System.out.printf("  !! %d tampered credentials were reported VALID%n", falseValid);
            }
            if (rateLimited > 0) {
                System.out.println("  !! the service rate-limited the load: run it with --verifier.rate-limit.enabled=false");
            }
            if (firstFailure != null) {
                System.out.println("  !! " + firstFailure);
            }
        }
    }

    // ---- input ---------------------------------------------------------------------------------

    private static List<Request> requests(Options o) throws IOException {
        List<ObjectNode> credentials = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(o.credentials(), "*.json")) {
            for (Path file : files) {
                JsonNode json = JSON.readTree(file.toFile());
                if (json instanceof ObjectNode object && suiteOf(object).equals(o.suite())) {
                    credentials.add(object);
                }
            }
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("no " + o.suite() + " credentials in " + o.credentials()
                    + "; run ./ledger demo --out " + o.credentials() + " first");
        }
        credentials.sort((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()));
        List<Request> valid = new ArrayList<>();
        List<Request> tampered = new ArrayList<>();
        for (ObjectNode credential : credentials) {
            valid.add(request(o, credential, true));
            tampered.add(request(o, changed(credential), false));
        }
        // Spread the tampered ones through the sequence at the requested share.
        List<Request> mix = new ArrayList<>();
        int total = Math.max(valid.size(), (int) Math.ceil(valid.size() / Math.max(1e-9, 1 - o.invalid())));
        double carry = 0;
        for (int i = 0, v = 0, t = 0; i < total; i++) {
            carry += o.invalid();
            if (carry >= 1 && o.invalid() > 0) {
                carry -= 1;
                mix.add(tampered.get(t++ % tampered.size()));
            } else {
                mix.add(valid.get(v++ % valid.size()));
            }
        }
        return mix;
    }

    private static String suiteOf(ObjectNode credential) {
        JsonNode proof = credential.path("proof");
        JsonNode first = proof.isArray() ? proof.path(0) : proof;
        return first.path("cryptosuite").asText("");
    }

    /** A changed grade, or for a diploma a changed name: the signature no longer matches. */
    private static ObjectNode changed(ObjectNode credential) {
        ObjectNode copy = credential.deepCopy();
        JsonNode subject = copy.at("/credentialSubject/reportCard/subjectResults/1");
        if (subject instanceof ObjectNode s && s.has("averageYear")) {
            s.put("averageYear", "9.9");
        } else {
            ((ObjectNode) copy.get("credentialSubject")).put("fullName", "Nguyễn Văn Giả");
        }
        return copy;
    }

    private static Request request(Options o, ObjectNode credential, boolean valid) throws IOException {
        byte[] body = JSON.writeValueAsBytes(credential);
        String head = "POST " + o.path() + " HTTP/1.1\r\nHost: " + o.url().getHost() + ":" + o.url().getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return new Request(all, valid);
    }

    private static Options parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:8080");
        Path credentials = Path.of("out/demo");
        String suite = "eddsa-jcs-2022";
        Duration warmup = Duration.ofSeconds(60);
        Duration duration = Duration.ofSeconds(15);
        int connections = 8;
        int rate = 2000;
        double invalid = 0.1;
        long serverPid = -1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--url" -> url = URI.create(value);
                case "--credentials" -> credentials = Path.of(value);
                case "--suite" -> suite = value;
                case "--warmup" -> warmup = seconds(value);
                case "--duration" -> duration = seconds(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--invalid" -> invalid = Double.parseDouble(value);
                case "--server-pid" -> serverPid = Long.parseLong(value);
                case "-h", "--help" -> {
                    System.out.println("VerifyLoad --url URL --credentials DIR --suite eddsa-jcs-2022|eddsa-rdfc-2022 --warmup 60s"
                            + " --duration 15s --connections 8 --rate 2000 (0: skip the fixed-rate run) --invalid 0.1");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        if (duration.compareTo(Duration.ofMinutes(5)) > 0 || warmup.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("runs are bounded: at most 5 minutes each");
        }
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost()) && !"[::1]".equals(url.getHost())) {
            throw new IllegalArgumentException("the load generator only targets this machine (127.0.0.1, localhost)");
        }
        return new Options(url, credentials, suite, warmup, duration, connections, rate, invalid, "/api/v1/verify", serverPid);
    }

    private static Duration seconds(String text) {
        return Duration.ofMillis((long) (Double.parseDouble(text.replace("s", "")) * 1000));
    }

    /**
     * CPU time used by the server process (from /proc, when its pid is given) and by this generator:
     * per verification it does not depend on what else runs on the machine.
     */
    private record Cpu(long serverNanos, long selfNanos) {
        static Cpu now(long serverPid) {
            long server = -1;
            if (serverPid > 0) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    server = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // USER_HZ = 100
                } catch (IOException | RuntimeException e) {
                    server = -1;
                }
            }
            long self = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            return new Cpu(server, self);
        }

        void since(Cpu before, long verifications) {
            if (verifications == 0) {
                return;
            }
            double self = (selfNanos - before.selfNanos) / 1e3 / verifications;
            if (serverNanos >= 0 && before.serverNanos >= 0) {
                double server = (serverNanos - before.serverNanos) / 1e3 / verifications;
                System.out.printf(Locale.ROOT, "          CPU per verification: server %.0f us (%.0f verifications per server CPU-second),"
                        + " load generator %.0f us%n", server, 1e6 / server, self);
            } else {
                System.out.printf(Locale.ROOT, "          CPU per verification: load generator %.0f us%n", self);
            }
        }
    }

    /** The machine, as the figures need saying: cores and load averages. */
    static final class Machine {
        static String describe() {
            String load = "";
            try {
                load = Files.readString(Path.of("/proc/loadavg")).trim();
                load = String.join(" ", Arrays.copyOf(load.split(" "), 3));
            } catch (IOException | RuntimeException e) {
                load = "unknown";
            }
            return Runtime.getRuntime().availableProcessors() + " cores, load average " + load + ", Java "
                    + System.getProperty("java.version");
        }
    }
}
