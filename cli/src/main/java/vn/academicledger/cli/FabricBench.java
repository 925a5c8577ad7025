package vn.academicledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.academicledger.core.anchor.MerkleTree;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * {@code ./ledger bench fabric}: what the live local Fabric network sustains. Every figure is a
 * write that the gateway endorses on both orgs' peers (the policy is AND(Department, Ministry)),
 * the orderer orders and the call waits for until it is committed.
 *
 * <ol>
 *   <li>single anchors (one credential per batch) sequentially and with N submitters in flight:
 *       transactions per second and p50/p99 latency until committed;</li>
 *   <li>the baseline: the plainest write the contract offers, a {@code Revoke} of a fresh random digest
 *       (one key read for the issuer's standing, one key written, exactly like an anchor; the contract
 *       has no raw put, and deploying a second chaincode for one would measure another deployment);</li>
 *   <li>credentials per second in batches of 100, 1,000 and 10,000: digests precomputed, the figure is
 *       the Merkle tree plus the anchor, several batches in flight (the orderer cuts a block every
 *       BatchTimeout, so one batch at a time measures mostly that timeout).</li>
 * </ol>
 *
 * Anchors go to the development school {@value #BENCH_SCHOOL} under batch ids unique to the run
 * ({@code bench-<time>-<random>-…}). Each measurement has a fixed count and a time limit.
 */
@Command(name = "fabric", mixinStandardHelpOptions = true,
        description = {"Anchors per second, latency until committed, and credentials per second in batches, on the live",
                "local Fabric network (" + FabricClients.START_HINT + " first)."})
final class FabricBench implements Callable<Integer> {
    static final String BENCH_SCHOOL = "79000702";
    static final String CREDENTIAL_TYPE = "BenchmarkBatch";
    static final long TARGET_PER_MINUTE = 1_000_000;
    private static final int[] BATCH_SIZES = {100, 1_000, 10_000};

    @Option(names = "--in-flight", split = ",", defaultValue = "1,4,16",
            description = "submitters in flight for single anchors and the baseline (default: ${DEFAULT-VALUE})")
    List<Integer> inFlight;

    @Option(names = "--batch-in-flight", defaultValue = "16",
            description = "batches in flight for the batch figures (default: ${DEFAULT-VALUE})")
    int batchInFlight;

    @Option(names = "--max-seconds", defaultValue = "90",
            description = "time limit of each measurement; it stops taking new work then (default: ${DEFAULT-VALUE})")
    int maxSeconds;

    private final SplittableRandom random = new SplittableRandom();
    private final List<String> failures = new ArrayList<>();

    @Override
    public Integer call() {
        if (inFlight.stream().anyMatch(n -> n < 1 || n > 256) || batchInFlight < 1 || batchInFlight > 256 || maxSeconds < 1) {
            throw new IllegalArgumentException("in-flight counts must be 1…256 and --max-seconds positive");
        }
        String run = "bench-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + String.format(Locale.ROOT, "%06x", random.nextInt(1 << 24));
        System.err.println("Connecting to the local Fabric network …");
        try (FabricClients fabric = FabricClients.open();
             LedgerPort admin = fabric.connect(ClientIdentity.departmentAdmin("bench-admin"));
             LedgerPort issuer = fabric.connect(ClientIdentity.schoolIssuer("bench-issuer", BENCH_SCHOOL))) {
            ensureAccredited(admin);
            System.out.println(Machine.describe());
            System.out.println("Network: " + fabric.describe() + describeOrderer());
            System.out.println("Run " + run + ": issuer " + BENCH_SCHOOL + ", every write endorsed by both orgs and waited for until committed");

            System.err.println("Warming up (5 anchors, 5 revocations, not counted) …");
            measure("warm-up", 5, 1, i -> issuer.anchorBatch(anchor(run + "-warm-" + i, randomHex(), 1)));
            measure("warm-up", 5, 1, i -> issuer.revoke(randomHex(), BENCH_SCHOOL, "BENCHMARK_BASELINE"));

            for (int n : inFlight) {
                int count = Math.max(20, 10 * n);
                Sample s = measure("anchors, " + n + " in flight", count, n,
                        i -> issuer.anchorBatch(anchor(run + "-a" + n + "-" + i, randomHex(), 1)));
                print("fabric-anchor-tps-" + n, s, "%.1f/s p50=%d ms p99=%d ms (%d anchors of one credential, %d in flight)",
                        s.perSecond(), s.percentileMillis(0.50), s.percentileMillis(0.99), s.completed(), n);
            }
            for (int n : inFlight) {
                int count = Math.max(20, 10 * n);
                Sample s = measure("baseline writes, " + n + " in flight", count, n,
                        i -> issuer.revoke(randomHex(), BENCH_SCHOOL, "BENCHMARK_BASELINE"));
                print("fabric-write-tps-" + n, s, "%.1f/s p50=%d ms p99=%d ms (baseline one-key write: Revoke of a fresh"
                        + " random digest, %d writes, %d in flight)",
                        s.perSecond(), s.percentileMillis(0.50), s.percentileMillis(0.99), s.completed(), n);
            }
            double best = 0;
            int bestSize = 0;
            List<String> reached = new ArrayList<>();
            for (int size : BATCH_SIZES) {
                int batches = 4 * batchInFlight;
                System.err.printf(Locale.ROOT, "Precomputing %,d digests for %d batches of %,d …%n", (long) batches * size, batches, size);
                List<List<byte[]>> digests = new ArrayList<>(batches);
                for (int b = 0; b < batches; b++) {
                    digests.add(randomDigests(size));
                }
                Sample s = measure("batches of " + size + ", " + batchInFlight + " in flight", batches, batchInFlight, i -> {
                    MerkleTree tree = MerkleTree.build(digests.get(i));
                    issuer.anchorBatch(anchor(run + "-b" + size + "-" + i, HexFormat.of().formatHex(tree.root()), size));
                    digests.set(i, List.of()); // let the collector have it
                });
                double perSecond = s.perSecond() * size;
                print("fabric-batch-" + size, s, "%.0f credentials/s (%d batches of %,d, %d in flight; Merkle tree + anchor;"
                        + " p50=%d ms p99=%d ms per batch)", perSecond, s.completed(), size, batchInFlight,
                        s.percentileMillis(0.50), s.percentileMillis(0.99));
                if (perSecond * 60 >= TARGET_PER_MINUTE && s.failed() == 0) {
                    reached.add(String.format(Locale.ROOT, "%,d", size));
                }
                if (perSecond > best) {
                    best = perSecond;
                    bestSize = size;
                }
            }
            System.out.printf(Locale.ROOT, "target %,d credentials/min: %s (best: %,.0f credentials/min in batches of %,d)%n",
                    TARGET_PER_MINUTE, reached.isEmpty() ? "NOT reached"
                            : "reached with batches of " + String.join(" and ", reached), best * 60, bestSize);
        }
        failures.forEach(f -> System.err.println("  ✗ " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    // ---------------------------------------------------------------- measuring

    /** How one measurement went. Latencies in nanoseconds, of the calls that succeeded. */
    record Sample(int completed, int failed, long elapsedNanos, long[] latencies) {
        double perSecond() {
            return elapsedNanos == 0 ? 0 : completed * 1e9 / elapsedNanos;
        }

        /** Nearest-rank percentile, in whole milliseconds. */
        long percentileMillis(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p * sorted.length);
            return Math.round(sorted[Math.max(0, rank - 1)] / 1e6);
        }
    }

    /**
     * Runs {@code count} calls of {@code op} (argument: 0…count-1) on {@code inFlight} threads, each
     * taking the next index until none is left or {@link #maxSeconds} have passed.
     */
    private Sample measure(String label, int count, int inFlight, IntConsumer op) {
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(inFlight, task -> {
            Thread thread = new Thread(task, "bench-" + label);
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        try (ProgressBar bar = new ProgressBar(label, count)) {
            for (int t = 0; t < inFlight; t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            op.accept(i);
                            latencies[i] = System.nanoTime() - t0;
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getMessage());
                        }
                        bar.step();
                    }
                });
            }
            pool.shutdown();
            // Each call is bounded by the gateway's deadlines (at most about 80 s); the limit is a backstop.
            if (!pool.awaitTermination(maxSeconds + 180L, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                failures.add(label + ": calls still running after " + (maxSeconds + 180) + " s, abandoned");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring " + label, e);
        }
        long elapsed = System.nanoTime() - start;
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        if (done.length + failed.get() < count) {
            System.err.printf(Locale.ROOT, "  %s: stopped at the %d s limit after %d of %d calls%n",
                    label, maxSeconds, done.length + failed.get(), count);
        }
        if (failed.get() > 0) {
            failures.add(label + ": " + failed.get() + " of " + count + " failed; first: " + firstFailure.get());
        }
        return new Sample(done.length, failed.get(), elapsed, done);
    }

    private static void print(String name, Sample s, String format, Object... args) {
        String line = name + ": " + String.format(Locale.ROOT, format, args);
        System.out.println(s.failed() == 0 ? line : line + " [" + s.failed() + " FAILED]");
    }

    // ---------------------------------------------------------------- data

    private static AnchorRequest anchor(String batchId, String rootHex, long count) {
        return new AnchorRequest(batchId, rootHex, BENCH_SCHOOL, count, CREDENTIAL_TYPE);
    }

    private synchronized String randomHex() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private synchronized List<byte[]> randomDigests(int size) {
        List<byte[]> digests = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] digest = new byte[MerkleTree.HASH_LENGTH];
            random.nextBytes(digest);
            digests.add(digest);
        }
        return digests;
    }

    /** The bench school must be accredited to anchor; a fresh did:key the first time. */
    private static void ensureAccredited(LedgerPort admin) {
        Optional<IssuerRecord> existing = admin.findIssuer(BENCH_SCHOOL);
        if (existing.isEmpty()) {
            Ed25519KeyPair key = Ed25519KeyPair.generate();
            admin.accreditIssuer(BENCH_SCHOOL, "Trường THPT thử nghiệm " + BENCH_SCHOOL, DidKey.did(key.publicKey()),
                    List.of(key.publicKey().multibase()));
        } else if (!existing.get().accredited()) {
            admin.reinstateIssuer(BENCH_SCHOOL, "BENCHMARK");
        }
    }

    /** The orderer's block cutting, as network-config/config/configtx.yaml sets it. */
    private static String describeOrderer() {
        Optional<Path> configtx = FabricClients.checkoutRoot().map(root -> root.resolve("network-config/config/configtx.yaml"));
        if (configtx.isEmpty() || !Files.isRegularFile(configtx.get())) {
            return "";
        }
        try {
            String yaml = Files.readString(configtx.get());
            return "; orderer BatchTimeout " + first(yaml, "BatchTimeout:\\s*(\\S+)") + ", at most "
                    + first(yaml, "MaxMessageCount:\\s*(\\d+)") + " transactions per block";
        } catch (IOException e) {
            return "";
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
