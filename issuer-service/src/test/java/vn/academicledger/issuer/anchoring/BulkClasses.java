package vn.academicledger.issuer.anchoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.grading.SyntheticClasses;
import vn.academicledger.issuer.support.ApiClient;

/**
 * Made-up classes of the demo school Bến Nghé, imported over the HTTP API as a school's registrar
 * imports them (three CSV files, parts {@code lop}, {@code hocSinh}, {@code diem}), and issuance
 * jobs for them created by the principal, so they are queued at once.
 */
public final class BulkClasses {
    public static final String SCHOOL = "79000701";
    public static final String ISSUER = "bennghe.issuer";
    public static final String PRINCIPAL = "bennghe.principal";
    private static final School BEN_NGHE = SampleClass.load().school();
    private static final SchoolYear YEAR = new SchoolYear(2025);

    private BulkClasses() {
    }

    /** An imported class. */
    public record Imported(UUID id, String name, int students) {
    }

    /**
     * Imports {@code count} classes of {@code students} each, named {@code <grade>T<prefix><nnn>} (student
     * numbers are unique per class name), {@code threads} uploads at a time. The same seed gives the same classes.
     */
    public static List<Imported> importClasses(ApiClient api, String prefix, int grade, int count, int students,
                                               long seed, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Imported>> uploads = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                String name = String.format("%dT%s%03d", grade, prefix, i);
                uploads.add(pool.submit(() -> importClass(api, name, students, seed)));
            }
            List<Imported> imported = new ArrayList<>(count);
            for (Future<Imported> upload : uploads) {
                imported.add(upload.get());
            }
            return imported;
        } finally {
            pool.shutdownNow();
        }
    }

    static Imported importClass(ApiClient api, String name, int students, long seed) {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(BEN_NGHE, YEAR, name, students, seed);
        Map<String, Map.Entry<String, byte[]>> parts = new LinkedHashMap<>();
        parts.put("lop", Map.entry("lop.csv", files.classCsv().getBytes(StandardCharsets.UTF_8)));
        parts.put("hocSinh", Map.entry("hoc-sinh.csv", files.studentsCsv().getBytes(StandardCharsets.UTF_8)));
        parts.put("diem", Map.entry("diem.csv", files.scoresCsv().getBytes(StandardCharsets.UTF_8)));
        ApiClient.Response r = api.postMultipart(ISSUER, "/api/v1/schools/" + SCHOOL + "/classes", parts);
        if (r.status() != 201) {
            throw new IllegalStateException("import of class " + name + ": " + r.status() + " " + r.text());
        }
        return new Imported(UUID.fromString(r.json().get("id").asText()), name, r.json().get("studentCount").asInt());
    }

    /** A job created by the principal (queued at once); returns its id and total. */
    public record QueuedJob(UUID id, String type, int total) {
    }

    public static QueuedJob queueJob(ApiClient api, UUID classId, String type, String cryptosuite) {
        ApiClient.Response r = api.post(PRINCIPAL, "/api/v1/schools/" + SCHOOL + "/jobs",
                Map.of("type", type, "classId", classId.toString(), "cryptosuite", cryptosuite));
        if (r.status() != 202 || !r.json().get("status").asText().equals("QUEUED")) {
            throw new IllegalStateException("job for class " + classId + ": " + r.status() + " " + r.text());
        }
        return new QueuedJob(UUID.fromString(r.json().get("id").asText()), type, r.json().get("total").asInt());
    }
}
