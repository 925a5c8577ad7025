package vn.academicledger.issuer.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.DiplomaKind;
import vn.academicledger.core.domain.DiplomaNumbers;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.grading.ClassGradebook;
import vn.academicledger.core.grading.ReportCardGrading;
import vn.academicledger.core.grading.StudentGradebook;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.classes.Classes;
import vn.academicledger.issuer.schools.SchoolRecord;
import vn.academicledger.issuer.schools.Schools;
import vn.academicledger.issuer.schools.SigningKeys;
import vn.academicledger.issuer.system.BinaryCopy;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * Runs approved jobs, up to {@code issuer.jobs.parallel} at once. Each chunk of credentials is one
 * transaction: diploma numbers are taken, the credentials are signed, stored, and written to the
 * anchoring outbox, and the job's progress advances — all or nothing (status list slots are taken
 * just before, in a short transaction of their own). After a crash a job resumes with the items no
 * committed chunk holds (credentials are unique per job and item), so nothing is issued twice and
 * no number is skipped.
 */
@Component
class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final vn.academicledger.crypto.SchoolOfficials DEPARTMENT = vn.academicledger.crypto.SchoolOfficials.department();
    private static final vn.academicledger.crypto.SchoolOfficials.Official DIRECTOR = DEPARTMENT.officials().get(0);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Classes classes;
    private final Schools schools;
    private final SigningKeys keys;
    private final StatusIndexes statusIndexes;
    private final DiplomaRegister diplomaRegister;
    private final AuditLog audit;
    private final vn.academicledger.issuer.anchoring.AnchorOutbox outbox;
    private final IssuerProperties properties;
    private final Clock clock;
    private final ExecutorService signers;
    private final ExecutorService jobThreads;

    JobRunner(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Classes classes, Schools schools,
              SigningKeys keys, StatusIndexes statusIndexes, DiplomaRegister diplomaRegister, AuditLog audit,
              vn.academicledger.issuer.anchoring.AnchorOutbox outbox, IssuerProperties properties, Clock clock) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.classes = classes;
        this.schools = schools;
        this.keys = keys;
        this.statusIndexes = statusIndexes;
        this.diplomaRegister = diplomaRegister;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.signers = Executors.newFixedThreadPool(Math.max(1, properties.jobs().threads()), r -> {
            Thread t = new Thread(r, "credential-signer");
            t.setDaemon(true);
            return t;
        });
        this.jobThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "issuance-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Set by {@link #close()}: a job that ends in an exception from now on was stopped, not failed. */
    private volatile boolean stopping;

    /** Jobs this process is running now (at most {@code issuer.jobs.parallel}). */
    private final Set<UUID> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Scheduled(fixedDelayString = "${issuer.jobs.poll-interval:300ms}")
    void runPending() {
        int free = Math.max(1, properties.jobs().parallel()) - running.size();
        if (free <= 0) {
            return;
        }
        List<UUID> next = jdbc.sql("select id from issuance_jobs where status in ('QUEUED', 'RUNNING') order by created_at limit ?")
                .param(free + running.size()).query(UUID.class).list();
        for (UUID id : next) {
            if (running.size() >= Math.max(1, properties.jobs().parallel()) || !running.add(id)) {
                continue;
            }
            jobThreads.submit(() -> {
                try {
                    run(id);
                } catch (RuntimeException e) {
                    if (stopping) {
                        // Interrupted by close(): the chunk rolled back; the job stays RUNNING and resumes at the next start.
                        LOG.info("Job {} stopped with the service; it resumes after its last stored chunk at the next start", id);
                        return;
                    }
                    LOG.error("Job {} failed", id, e);
                    jdbc.sql("update issuance_jobs set status = 'FAILED', message = ?, finished_at = now() where id = ?")
                            .params(abbreviate(e.getMessage()), id).update();
                } finally {
                    running.remove(id);
                }
            });
        }
    }

    /** A signed credential; {@code json} is its JCS form, UTF-8 (stored as sent: no decoding and encoding again). */
    private record Signed(int item, UUID id, UUID studentId, byte[] json, byte[] salt, byte[] digest,
                          CredentialFactory.StatusSlot slot, DiplomaNumbers numbers) {
    }

    void run(UUID jobId) {
        Job job = jdbc.sql(IssuanceJobs.SELECT + " where id = ?").param(jobId).query(IssuanceJobs::row).single();
        if (job.status().equals("QUEUED")) {
            jdbc.sql("update issuance_jobs set status = 'RUNNING', started_at = now() where id = ? and status = 'QUEUED'")
                    .param(jobId).update();
        }
        CredentialType type = CredentialType.valueOf(job.credentialType());
        Cryptosuite suite = Cryptosuite.valueOf(job.cryptosuite());
        ClassGradebook book = classes.gradebook(job.schoolCode(), job.classId());
        Map<Integer, UUID> studentIds = classes.studentIds(job.classId());
        Integer only = null;
        if (job.studentId() != null) {
            for (Map.Entry<Integer, UUID> e : studentIds.entrySet()) {
                if (e.getValue().equals(job.studentId())) {
                    only = e.getKey();
                }
            }
        }
        List<Integer> items = IssuanceJobs.items(book, type, only);
        Set<Integer> finished = new HashSet<>(jdbc.sql("select job_item from credentials where job_id = ?").param(jobId)
                .query(Integer.class).list());
        finished.addAll(jdbc.sql("select item from job_failures where job_id = ?").param(jobId).query(Integer.class).list());
        List<Integer> remaining = items.stream().filter(i -> !finished.contains(i)).toList();
        if (!remaining.isEmpty()) {
            LOG.info("Job {}: {} {} to issue ({} already done)", jobId, remaining.size(), type, finished.size());
        }
        SchoolRecord school = schools.get(job.schoolCode());
        SigningKey key = keys.signingKey(job.schoolCode());
        int chunkSize = Math.max(1, properties.jobs().chunkSize());
        for (int from = 0; from < remaining.size(); from += chunkSize) {
            List<Integer> chunk = remaining.subList(from, Math.min(remaining.size(), from + chunkSize));
            // Status list slots in their own short transaction: a chunk that rolls back leaves unused
            // slots (bits that stay 0), never a shared lock held while signing, so jobs run side by side.
            List<CredentialFactory.StatusSlot> slots = transactions.execute(tx -> statusIndexes.allocate(job.schoolCode(), chunk.size()));
            transactions.executeWithoutResult(tx -> issueChunk(job, type, suite, school, key, book, studentIds, chunk, slots));
        }
        jdbc.sql("update issuance_jobs set status = 'DONE', finished_at = now() where id = ? and status = 'RUNNING'")
                .param(jobId).update();
        Job done = jdbc.sql(IssuanceJobs.SELECT + " where id = ?").param(jobId).query(IssuanceJobs::row).single();
        audit.record(job.approvedBy() == null ? job.createdBy() : job.approvedBy(), "SCHOOL_SIGNER", null,
                AuditLog.Action.JOB_FINISHED, job.schoolCode(), jobId.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("done", done.done(), "failed", done.failed(), "total", done.total()));
    }

    private void issueChunk(Job job, CredentialType type, Cryptosuite suite, SchoolRecord school, SigningKey key,
                            ClassGradebook book, Map<Integer, UUID> studentIds, List<Integer> chunk,
                            List<CredentialFactory.StatusSlot> slots) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // Grade first (in parallel): a student whose results cannot be graded is a failure with a
        // reason, and takes no number.
        List<Future<ReportCard>> graded = submitAll(chunk.size(), i -> {
            StudentGradebook g = book.students().get(chunk.get(i));
            return () -> ReportCardGrading.grade(g);
        });
        List<Integer> ok = new ArrayList<>(chunk.size());
        List<ReportCard> cards = new ArrayList<>(chunk.size());
        List<Object[]> failures = new ArrayList<>();
        collectGraded(job, chunk, graded, studentIds, ok, cards, failures);
        List<DiplomaNumbers> numbers = type == CredentialType.DIPLOMA
                ? diplomaRegister.allocate(job.schoolCode(), LocalDate.ofInstant(now, VIETNAM).getYear(), ok.size())
                : null;
        LocalDate issueDate = LocalDate.ofInstant(now, VIETNAM);
        List<Future<Signed>> futures = submitAll(ok.size(), n -> () -> {
            int item = ok.get(n);
            ReportCard card = cards.get(n);
            UUID id = vn.academicledger.issuer.system.TimeOrderedIds.next();
            byte[] canonical;
            DiplomaNumbers dn = null;
            if (type == CredentialType.DIPLOMA) {
                dn = numbers.get(n);
                // The upper-secondary graduation diploma is the department's (its director signs the
                // paper and the PDF); the school records and issues it digitally under its own DID.
                Diploma diploma = new Diploma(DiplomaKind.UPPER_SECONDARY_GRADUATION, card.student(), card.school(),
                        dn.serialNumber(), dn.registerNumber(), null, book.schoolYear().endYear(),
                        DEPARTMENT.name(), DIRECTOR.title(), DIRECTOR.name(), issueDate, school.province());
                canonical = CredentialFactory.signCanonical(id, school.did(), school.name(), key, suite, type,
                        CredentialText.of(diploma), CredentialSubjects.of(diploma), now, statusListUrl(school.code()), slots.get(n));
            } else {
                canonical = CredentialFactory.signCanonical(id, school.did(), school.name(), key, suite, type,
                        CredentialText.of(card), CredentialSubjects.of(card), now, statusListUrl(school.code()), slots.get(n));
            }
            // Canonical once: the JCS bytes are both what the digest covers and what is stored.
            byte[] salt = CredentialDigest.newSalt();
            byte[] digest = CredentialDigest.ofCanonical(canonical, salt);
            return new Signed(item, id, studentIds.get(item), canonical, salt, digest, slots.get(n), dn);
        });
        List<Signed> signed = awaitSigned(futures);
        String issuer = job.approvedBy() == null ? job.createdBy() : job.approvedBy();
        if (!signed.isEmpty()) {
            // The chunk is one row of the anchoring outbox, written in this transaction with its credentials.
            long outboxChunk = outbox.reserve();
            credentialRows(signed, job, type, issuer, now, outboxChunk).send(template);
            outbox.enqueue(outboxChunk, job.schoolCode(), type.name(), job.id(), signed.stream().map(Signed::id).toList(),
                    signed.stream().map(Signed::digest).toList());
        }
        if (!failures.isEmpty()) {
            template.batchUpdate("insert into job_failures (job_id, item, student_id, reason) values (?, ?, ?, ?)", failures);
        }
        jdbc.sql("update issuance_jobs set done = done + ?, failed = failed + ? where id = ?")
                .params(signed.size(), failures.size(), job.id()).update();
        if (!signed.isEmpty()) {
            audit.record(issuer, "SCHOOL_SIGNER", null, AuditLog.Action.CREDENTIALS_ISSUED, job.schoolCode(),
                    "job " + job.id(), AuditLog.Outcome.SUCCESS,
                    Map.of("type", type.name(), "count", signed.size(),
                            "credentials", signed.stream().map(s -> s.id().toString()).toList()));
        }
    }

    // The loops over a chunk's items live in small methods of their own: a chunk method called a few
    // hundred times but looping 500 times per call was compiled on-stack four times during a bulk
    // run, each time with everything it calls inlined; these compile small.

    private <T> List<Future<T>> submitAll(int count, java.util.function.IntFunction<java.util.concurrent.Callable<T>> task) {
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(signers.submit(task.apply(i)));
        }
        return futures;
    }

    /** Graded cards into {@code ok} and {@code cards}; a student who cannot be graded into {@code failures}, with the reason. */
    private static void collectGraded(Job job, List<Integer> chunk, List<Future<ReportCard>> graded, Map<Integer, UUID> studentIds,
                                      List<Integer> ok, List<ReportCard> cards, List<Object[]> failures) {
        for (int i = 0; i < chunk.size(); i++) {
            int item = chunk.get(i);
            try {
                cards.add(graded.get(i).get());
                ok.add(item);
            } catch (ExecutionException e) {
                failures.add(new Object[]{job.id(), item, studentIds.get(item), abbreviate(e.getCause().getMessage())});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while grading", e);
            }
        }
    }

    private static List<Signed> awaitSigned(List<Future<Signed>> futures) {
        List<Signed> signed = new ArrayList<>(futures.size());
        try {
            for (Future<Signed> f : futures) {
                signed.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("signing failed: " + e.getCause().getMessage(), e.getCause());
        }
        return signed;
    }

    private static BinaryCopy credentialRows(List<Signed> signed, Job job, CredentialType type, String issuer, Instant now,
                                             long outboxChunk) {
        BinaryCopy copy = BinaryCopy.into("""
                credentials (id, school_code, credential_type, student_id, job_id, job_item, status_list, status_index,
                    credential_json, salt, digest, serial_number, register_number, issued_by, issued_at, anchor_chunk)""",
                16, signed.size() * (signed.get(0).json().length + 400));
        for (Signed s : signed) {
            copy.row().uuid(s.id()).text(job.schoolCode()).text(type.name()).uuid(s.studentId()).uuid(job.id()).int4(s.item())
                    .int4(s.slot().listNumber()).int4(s.slot().index()).utf8(s.json()).bytea(s.salt()).bytea(s.digest())
                    .text(s.numbers() == null ? null : s.numbers().serialNumber())
                    .text(s.numbers() == null ? null : s.numbers().registerNumber())
                    .text(issuer).timestamptz(now).int8(outboxChunk);
        }
        return copy;
    }

    String statusListUrl(String schoolCode) {
        return properties.publicBaseUrl() + "/status-lists/" + schoolCode;
    }

    static String abbreviate(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.length() > 1000 ? message.substring(0, 1000) + "…" : message;
    }

    /**
     * Stops the running jobs (the service is stopping): their open chunks roll back and they stay
     * RUNNING, to resume at the next start. A job is FAILED only by its own error, never by a stop.
     */
    @Override
    public void close() {
        stopping = true;
        signers.shutdownNow();
        jobThreads.shutdownNow();
        try {
            if (!jobThreads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("Issuance jobs still running 10 s after the stop; PostgreSQL rolls their open chunks back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
