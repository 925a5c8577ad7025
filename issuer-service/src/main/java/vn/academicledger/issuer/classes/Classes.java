package vn.academicledger.issuer.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.academicledger.core.grading.ClassGradebook;
import vn.academicledger.core.grading.StudentGradebook;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.system.BinaryCopy;
import vn.academicledger.issuer.system.IssuerException;

/**
 * Classes and their students, imported whole: the upload is read and validated completely first
 * (every bad row reported), then stored in one transaction; nothing is half-imported.
 */
@Service
public class Classes {
    public enum Format { CSV, XLSX }

    private static final String SUMMARY = """
            select id, school_code, school_year, grade, name, homeroom_teacher, student_count, source_format,
                   source_sha256, imported_by, imported_at from school_classes""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;
    /**
     * Classes read recently (an import is normally followed by its issuance): reading and checking a
     * class of 500 costs tens of milliseconds. Bounded by students ({@code issuer.jobs.cached-students}),
     * not classes, since classes range from one student to thousands. Imported classes never change,
     * so entries never go stale.
     */
    private final Map<UUID, ClassGradebook> recent;

    Classes(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, vn.academicledger.issuer.system.IssuerProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        int limit = Math.max(0, properties.jobs().cachedStudents());
        this.recent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
            private long students;

            @Override
            public ClassGradebook put(UUID key, ClassGradebook value) {
                ClassGradebook old = super.put(key, value);
                students += value.students().size() - (old == null ? 0 : old.students().size());
                return old;
            }

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, ClassGradebook> eldest) {
                // Called after each put: drop least recently used classes until within the limit.
                var it = entrySet().iterator();
                while (students > limit && it.hasNext()) {
                    students -= it.next().getValue().students().size();
                    it.remove();
                }
                return false;
            }
        });
    }

    /**
     * Stores a class read from {@code source}. The class file's school must be {@code schoolCode};
     * a class of the same year and name must not exist yet.
     */
    @Transactional
    public ClassSummary importClass(Caller caller, String schoolCode, ClassSource source, Format format, byte[] upload) {
        ClassGradebook book = source.read();
        if (!book.school().code().equals(schoolCode)) {
            throw IssuerException.invalid("WRONG_SCHOOL", "lop: Mã trường trong tệp là " + book.school().code()
                    + ", nhưng tệp được tải lên cho trường " + schoolCode + " / the class file names school "
                    + book.school().code() + ", not " + schoolCode + ".");
        }
        String year = book.schoolYear().toString();
        if (jdbc.sql("select count(*) from school_classes where school_code = ? and school_year = ? and name = ?")
                .params(schoolCode, year, book.className()).query(Integer.class).single() > 0) {
            throw IssuerException.conflict("CLASS_EXISTS", "Lớp " + book.className() + " năm học " + year
                    + " đã được nhập / class " + book.className() + " of " + year + " was already imported.");
        }
        String[] numbers = book.students().stream().map(s -> s.student().studentNumber()).toArray(String[]::new);
        List<String> duplicates = jdbc.sql("select student_number from students where school_code = ? and student_number = any(?) order by 1")
                .params(schoolCode, numbers).query(String.class).list();
        if (!duplicates.isEmpty()) {
            throw IssuerException.conflict("STUDENT_EXISTS", "Mã học sinh đã có trong lớp khác / these student numbers already belong to another class: "
                    + String.join(", ", duplicates.subList(0, Math.min(20, duplicates.size())))
                    + (duplicates.size() > 20 ? " …" : ""));
        }
        UUID id = vn.academicledger.issuer.system.TimeOrderedIds.next();
        String sha = sha256(upload);
        jdbc.sql("""
                        insert into school_classes (id, school_code, school_year, grade, name, homeroom_teacher, student_count,
                            source_format, source_sha256, class_csv, students_csv, scores_csv, imported_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, schoolCode, year, book.grade(), book.className(), book.homeroomTeacher(), book.students().size(),
                        format.name(), sha, source.classCsv(), source.studentsCsv(), source.scoresCsv(), caller.username())
                .update();
        recent.put(id, book);
        BinaryCopy students = BinaryCopy.into(
                "students (id, school_code, class_id, position, student_number, full_name, birth_date, personal_id)",
                8, 160 * book.students().size());
        int position = 0;
        for (StudentGradebook s : book.students()) {
            students.row().uuid(vn.academicledger.issuer.system.TimeOrderedIds.next()).text(schoolCode).uuid(id).int4(position++)
                    .text(s.student().studentNumber()).text(s.student().fullName()).date(s.student().dateOfBirth())
                    .text(s.student().personalId());
        }
        students.send(template);
        audit.record(caller, AuditLog.Action.CLASS_IMPORTED, schoolCode, id.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("class", book.className(), "schoolYear", year, "students", book.students().size(),
                        "format", format.name(), "sha256", sha));
        return get(schoolCode, id);
    }

    public ClassSummary get(String schoolCode, UUID id) {
        return jdbc.sql(SUMMARY + " where school_code = ? and id = ?").params(schoolCode, id).query(Classes::summary)
                .optional().orElseThrow(() -> IssuerException.notFound("class", id.toString()));
    }

    public List<ClassSummary> list(String schoolCode) {
        return jdbc.sql(SUMMARY + " where school_code = ? order by school_year desc, name").param(schoolCode)
                .query(Classes::summary).list();
    }

    /** The class's source texts, only within its own school. */
    public ClassSource source(String schoolCode, UUID id) {
        return jdbc.sql("select id, school_code, class_csv, students_csv, scores_csv from school_classes where school_code = ? and id = ?")
                .params(schoolCode, id)
                .query((rs, n) -> new ClassSource((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> IssuerException.notFound("class", id.toString()));
    }

    /** The class's gradebook as imported (from its stored source), only within its own school. */
    public ClassGradebook gradebook(String schoolCode, UUID id) {
        ClassGradebook book = recent.get(id);
        if (book != null && book.school().code().equals(schoolCode)) {
            return book;
        }
        book = source(schoolCode, id).read();
        recent.put(id, book);
        return book;
    }

    /** A student's id by class position. */
    public Map<Integer, UUID> studentIds(UUID classId) {
        Map<Integer, UUID> ids = new java.util.HashMap<>();
        jdbc.sql("select position, id from students where class_id = ?").param(classId)
                .query(rs -> {
                    ids.put(rs.getInt(1), (UUID) rs.getObject(2));
                });
        return ids;
    }

    public record StudentRow(UUID id, UUID classId, int position, String studentNumber, String fullName,
                             java.time.LocalDate birthDate) {
    }

    public Optional<StudentRow> student(String schoolCode, UUID id) {
        return jdbc.sql("select id, class_id, position, student_number, full_name, birth_date from students where school_code = ? and id = ?")
                .params(schoolCode, id)
                .query((rs, n) -> new StudentRow((UUID) rs.getObject(1), (UUID) rs.getObject(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate()))
                .optional();
    }

    public List<StudentRow> students(String schoolCode, UUID classId) {
        return jdbc.sql("select id, class_id, position, student_number, full_name, birth_date from students where school_code = ? and class_id = ? order by position")
                .params(schoolCode, classId)
                .query((rs, n) -> new StudentRow((UUID) rs.getObject(1), (UUID) rs.getObject(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate()))
                .list();
    }

    private static ClassSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ClassSummary((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
