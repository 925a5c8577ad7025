package vn.academicledger.issuer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.grading.SyntheticClasses;

/**
 * {@code ./ledger bench issue}: issues report cards through the issuer service's HTTP API end to end,
 * from a separate process. Imports synthetic classes (CSV uploads, as a school would), creates one job
 * per class as the principal, and waits until every credential is signed, stored, batched and
 * anchored (its receipt stored). Prints the import rate, the issuance rate (first job created → last
 * credential anchored) and the whole run's rate.
 *
 * <pre>IssueLoad --url http://127.0.0.1:8081 --password P [--students 100000] [--class-size 500]
 *           [--school 79000701] [--import-threads 2] [--suite eddsa-jcs-2022] [--server-pid N] [--postgres-dir DIR]</pre>
 */
public final class IssueLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String password;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private IssueLoad(String url, String password) {
        this.url = url;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = a.getOrDefault("url", "http://127.0.0.1:8081");
        int students = Integer.parseInt(a.getOrDefault("students", "100000"));
        int classSize = Integer.parseInt(a.getOrDefault("class-size", "500"));
        int threads = Integer.parseInt(a.getOrDefault("import-threads", "2"));
        String school = a.getOrDefault("school", "79000701");
        String suite = a.getOrDefault("suite", "eddsa-jcs-2022");
        String password = a.get("password");
        if (password == null) {
            throw new IllegalArgumentException("--password is required (the demo accounts' password)");
        }
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20000"));
        IssueLoad load = new IssueLoad(url, password);
        if (warmup > 0) {
            System.out.printf("Warm-up (not timed): %,d report cards through the same path, so the timed run measures a running"
                    + " service, not the JIT compiling it%n", warmup);
            load.run(warmup, classSize, threads, school, suite, a.get("server-pid"), a.get("postgres-dir"), "warm-up ");
            System.out.println();
        }
        load.run(students, classSize, threads, school, suite, a.get("server-pid"), a.get("postgres-dir"), "");
    }

    private void run(int students, int classSize, int threads, String schoolCode, String suite, String serverPid,
                     String postgresDir, String label) throws Exception {
        String issuer = schoolCode.equals("79000701") ? "bennghe.issuer" : "thuthiem.issuer";
        String principal = schoolCode.equals("79000701") ? "bennghe.principal" : "thuthiem.principal";
        JsonNode schoolJson = send(principal, get("/api/v1/schools/" + schoolCode), 200);
        School school = SyntheticClasses.school(schoolCode, schoolJson.get("name").asText(), schoolJson.get("did").asText());
        int classes = (students + classSize - 1) / classSize;
        String runTag = Long.toString(System.currentTimeMillis() % 100000, 36).toUpperCase();
        System.out.printf(label + "Bench issue: %,d report cards in %d classes of %d, school %s, %s, import threads %d%n",
                students, classes, classSize, schoolCode, suite, threads);
        System.out.println(Machine.describe(serverPid));

        // The schools' exports exist before they are uploaded: made first, outside the timed run, as the
        // bodies of their upload requests (the three files of a class as multipart/form-data).
        List<Upload> exports = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            int size = Math.min(classSize, students - c * classSize);
            SyntheticClasses.ClassFiles files = SyntheticClasses.generate(school, SchoolYear.parse("2025-2026"),
                    "12B" + runTag + "-" + c, size, 7_000L + c);
            exports.add(Upload.of(Map.of("lop", files.classCsv().getBytes(StandardCharsets.UTF_8),
                    "hocSinh", files.studentsCsv().getBytes(StandardCharsets.UTF_8),
                    "diem", files.scoresCsv().getBytes(StandardCharsets.UTF_8))));
        }
        System.out.printf("%d class exports ready (%,d MB of CSV)%n", classes,
                exports.stream().mapToLong(u -> u.csvBytes()).sum() >> 20);

        // Each class is imported and its job created at once (as schools do it, one class after
        // another), so the service imports, signs, stores and anchors at the same time.
        long anchoredBefore = send("so.admin", get("/api/v1/anchoring"), 200).path("anchored").path("credentials").asLong();
        long cpu0 = processCpuNanos();
        long[] service0 = Machine.serviceTicks(serverPid, postgresDir);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> uploads = new ArrayList<>();
        java.util.Set<String> ours = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger imported = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong importNanos = new java.util.concurrent.atomic.AtomicLong();
        for (int c = 0; c < classes; c++) {
            int index = c;
            int size = Math.min(classSize, students - c * classSize);
            uploads.add(pool.submit(() -> {
                long start = System.nanoTime();
                JsonNode created = send(issuer, exports.get(index).request(url + "/api/v1/schools/" + schoolCode + "/classes"), 201);
                exports.set(index, null);
                importNanos.addAndGet(System.nanoTime() - start);
                imported.addAndGet(size);
                JsonNode job = send(principal, post("/api/v1/schools/" + schoolCode + "/jobs",
                        Map.of("type", "REPORT_CARD", "classId", created.get("id").asText(), "cryptosuite", suite)), 202);
                ours.add(job.get("id").asText());
                return job.get("id").asText();
            }));
        }
        pool.shutdown();
        long issuedAll = 0;
        long anchoredAll = 0;
        double importedAt = 0;
        double issuedAt = 0;
        long done = 0;
        long failed = 0;
        long nextJobPoll = 0;
        while (true) {
            // Twice a second the school's job list (done, failed) and the anchoring status; once every
            // upload is in and most credentials are anchored, the anchoring status (a few small rows) ten
            // times a second, so the end is seen within 0.1 s rather than 0.5 s.
            boolean jobPoll = System.nanoTime() >= nextJobPoll;
            if (jobPoll) {
                nextJobPoll = System.nanoTime() + 500_000_000L;
                done = 0;
                failed = 0;
            }
            for (JsonNode j : jobPoll ? send(principal, get("/api/v1/schools/" + schoolCode + "/jobs"), 200)
                    : com.fasterxml.jackson.databind.node.MissingNode.getInstance()) {
                if (!ours.contains(j.get("id").asText())) {
                    continue;
                }
                done += j.get("done").asLong();
                failed += j.get("failed").asLong();
                if (j.get("status").asText().equals("FAILED")) {
                    throw new IllegalStateException("job " + j.get("id").asText() + " failed: " + j);
                }
            }
            for (Future<String> f : uploads) {
                if (f.isDone()) {
                    f.get(); // an upload that failed ends the run with its error
                }
            }
            long anchored = send("so.admin", get("/api/v1/anchoring"), 200).path("anchored").path("credentials").asLong()
                    - anchoredBefore;
            double now = (System.nanoTime() - t0) / 1e9;
            if (imported.get() >= students && importedAt == 0) {
                importedAt = now;
            }
            if (done + failed >= students && issuedAt == 0) {
                issuedAt = now;
            }
            issuedAll = done;
            anchoredAll = anchored;
            boolean finished = anchored + failed >= students;
            if (jobPoll || finished) {
                System.out.printf("\r  imported %,d, issued %,d, anchored %,d / %,d  %.1f s   ", imported.get(), done, anchored,
                        students, now);
                System.out.flush();
            }
            if (finished) {
                break;
            }
            boolean closing = imported.get() >= students && anchored >= students * 9L / 10;
            Thread.sleep(closing ? 100 : 500);
        }
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.println();
        System.out.printf(label + "imports: %,d students in %d classes; all uploaded after %.1f s (%,.0f students/s; %.0f ms per class upload)%n",
                imported.get(), classes, importedAt, imported.get() / importedAt, importNanos.get() / 1e6 / classes);
        System.out.printf(label + "signed and stored: %,d report cards after %.1f s%n", issuedAll, issuedAt);
        System.out.printf((label.isEmpty() ? "" : label.strip() + " ") + "issue-end-to-end: %,d report cards imported, signed, stored, batched, anchored with receipts in %.1f s = %,.0f credentials/s%n",
                anchoredAll, total, anchoredAll / total);
        System.out.printf(label + "this load generator used %.1f s of processor time during the run (it shares the machine)%n",
                (processCpuNanos() - cpu0) / 1e9);
        long[] service1 = Machine.serviceTicks(serverPid, postgresDir);
        if (service0 != null && service1 != null && anchoredAll > 0) {
            double jvm = (service1[0] - service0[0]) / Machine.TICKS_PER_SECOND;
            double postgres = (service1[1] - service0[1]) / Machine.TICKS_PER_SECOND;
            System.out.printf(label + "the service used %.1f s of processor time (its JVM %.1f s, its PostgreSQL %.1f s) = %.0f µs"
                    + " per credential%n", jvm + postgres, jvm, postgres, (jvm + postgres) * 1e6 / anchoredAll);
        }
        if (label.isEmpty()) {
            System.out.println(Machine.reference());
        }
        System.out.println(Machine.describe(serverPid));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private String token(String account) throws IOException, InterruptedException {
        synchronized (tokens) {
            String t = tokens.get(account);
            if (t != null) {
                return t;
            }
            String basic = Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("cannot sign in as " + account + ": " + r.statusCode() + " " + r.body());
            }
            t = JSON.readTree(r.body()).get("access_token").asText();
            tokens.put(account, t);
            return t;
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).GET();
    }

    private HttpRequest.Builder post(String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    /** A class's three CSV files as the body of a multipart/form-data upload. */
    private record Upload(String boundary, byte[] body, long csvBytes) {
        static Upload of(Map<String, byte[]> parts) throws IOException {
            String boundary = "----bench" + UUID.randomUUID();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long csv = 0;
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\""
                        + p.getKey() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(p.getValue());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                csv += p.getValue().length;
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Upload(boundary, out.toByteArray(), csv);
        }

        HttpRequest.Builder request(String uri) {
            return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
    }

    private JsonNode send(String account, HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token(account))
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode()
                    + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The machine and load, printed with every figure. */
    static final class Machine {
        /** Linux's USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every mainstream architecture. */
        static final double TICKS_PER_SECOND = 100.0;

        /**
         * Processor time so far of the service's JVM and of its embedded PostgreSQL (the postmaster
         * named in the data folder's postmaster.pid, its backends and the children they have reaped),
         * in ticks; null when /proc cannot tell (not Linux, or no --server-pid and --postgres-dir).
         */
        static long[] serviceTicks(String serverPid, String postgresDir) {
            if (serverPid == null || postgresDir == null) {
                return null;
            }
            try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/proc"))) {
                Map<Long, Long> parent = new java.util.HashMap<>();
                Map<Long, Long> own = new java.util.HashMap<>(); // utime + stime: the process's threads
                Map<Long, Long> ticks = new java.util.HashMap<>(); // and the children it has reaped
                for (Path p : (Iterable<Path>) entries::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String stat;
                    try {
                        stat = Files.readString(p.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    // Fields after the parenthesised command: state ppid ... utime(14) stime cutime cstime.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    parent.put(pid, Long.parseLong(f[1]));
                    own.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    ticks.put(pid, own.get(pid) + Long.parseLong(f[13]) + Long.parseLong(f[14]));
                }
                long root = Long.parseLong(Files.readAllLines(Path.of(postgresDir, "postmaster.pid")).get(0).strip());
                Long jvm = own.get(Long.parseLong(serverPid));
                if (!ticks.containsKey(root) || jvm == null) {
                    return null;
                }
                long postgres = 0;
                for (Map.Entry<Long, Long> e : ticks.entrySet()) {
                    long p = e.getKey();
                    while (p > 1 && p != root) {
                        p = parent.getOrDefault(p, 0L);
                    }
                    if (p == root) {
                        postgres += e.getValue();
                    }
                }
                return new long[]{jvm, postgres};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * How fast this machine is right now: Ed25519 signatures (Bouncy Castle) on one thread of this
         * load generator, the best of three half-second rounds after a short warm-up. Shared virtual
         * machines run faster and slower from hour to hour. This catches a slower processor only; the
         * service's processor time per credential (printed above it) also shows memory and disk effects.
         */
        static String reference() {
            org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters key =
                    new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(new java.security.SecureRandom());
            byte[] message = new byte[64];
            byte[] signature = new byte[64];
            double best = 0;
            for (int round = 0; round < 4; round++) {
                long start = System.nanoTime();
                long end = start + (round == 0 ? 300_000_000L : 500_000_000L);
                int n = 0;
                while (System.nanoTime() < end) {
                    key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
                    n++;
                }
                if (round > 0) {
                    best = Math.max(best, n / ((System.nanoTime() - start) / 1e9));
                }
            }
            double n = best;
            return String.format("machine speed now, compute only: %,.0f Ed25519 signatures/s on one thread of the load generator",
                    n);
        }

        static String describe(String serverPid) {
            String cpu = "unknown CPU";
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        cpu = line.substring(line.indexOf(':') + 1).strip();
                        break;
                    }
                }
                String load = Files.readString(Path.of("/proc/loadavg")).strip();
                return String.format("machine: %d cores, %s, Java %s; load average %s", Runtime.getRuntime().availableProcessors(),
                        cpu, System.getProperty("java.version"), load);
            } catch (IOException e) {
                return "machine: " + Runtime.getRuntime().availableProcessors() + " cores";
            }
        }
    }
}
