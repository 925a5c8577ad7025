package vn.academicledger.core.proof;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.did.DidResolver;

/**
 * A quick throughput check of signing (build → canonicalize → hash → sign) and verifying
 * report-card-sized credentials, per cryptosuite, with 1 and 2 threads. Prints operations per
 * wall-clock second and per CPU-second of the worker threads: on a shared machine the second
 * figure (times the number of cores) is the one that does not depend on what else runs. Run:
 * <pre>
 * mvn -q -Dal.build.dir=target-vc -pl core test-compile
 * java -cp "core/target-vc/test-classes:core/target-vc/classes:$(cat cp.txt)" \
 *     vn.academicledger.core.proof.ProofThroughput [seconds-per-run]
 * </pre>
 */
public final class ProofThroughput {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        String only = args.length > 1 ? args[1] : "";
        ReportCardFixture fixture = new ReportCardFixture();
        DataIntegritySigner signer = new DataIntegritySigner();
        DataIntegrityVerifier verifier = new DataIntegrityVerifier(fixture.didDocuments.or(DidResolver.didKey()));

        for (Cryptosuite suite : Cryptosuite.values()) {
            if (!only.isEmpty() && !suite.id().contains(only)) {
                continue;
            }
            ProofOptions options = fixture.options(suite);
            List<ObjectNode> signed = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                signed.add(signer.sign(ReportCardFixture.reportCard(i), options, fixture.schoolKey));
            }
            if (!verifier.verify(signed.get(0)).verified()) {
                throw new IllegalStateException("fixture does not verify: " + verifier.verify(signed.get(0)));
            }
            IntConsumer sign = i -> signer.sign(ReportCardFixture.reportCard(i), options, fixture.schoolKey);
            IntConsumer verify = i -> {
                if (!verifier.verify(signed.get(i % signed.size())).verified()) {
                    throw new IllegalStateException("verification failed");
                }
            };
            run(suite.id() + " sign  ", sign, 1, seconds / 2); // warm-up
            run(suite.id() + " verify", verify, 1, seconds / 2);
            for (int threads = 1; threads <= 2; threads++) {
                report(suite.id() + " sign  ", threads, run(suite.id(), sign, threads, seconds));
                report(suite.id() + " verify", threads, run(suite.id(), verify, threads, seconds));
            }
        }
    }

    private static void report(String what, int threads, double[] rates) {
        System.out.printf("%-24s %d thread%s %,10.0f /s wall   %,10.0f /s per CPU-second (x%d cores = %,.0f /s)%n",
                what, threads, threads == 1 ? " " : "s", rates[0], rates[1], threads, rates[1] * threads);
    }

    /** Operations per wall-clock second, and per CPU-second of the worker threads (robust to other load). */
    private static double[] run(String name, IntConsumer work, int threads, double seconds) throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder cpuNanos = new LongAdder();
        LongAdder done = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 1_000_003;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long cpuStart = cpu.getCurrentThreadCpuTime();
                int i = offset;
                while (System.nanoTime() < deadline[0]) {
                    for (int k = 0; k < 50; k++) {
                        work.accept(i++);
                    }
                    done.add(50);
                }
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
            }, name + "-" + t);
            workers.add(worker);
            worker.start();
        }
        long begin = System.nanoTime();
        deadline[0] = begin + (long) (seconds * 1e9);
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        return new double[] {done.sum() / wall, done.sum() / (cpuNanos.sum() / 1e9)};
    }
}
