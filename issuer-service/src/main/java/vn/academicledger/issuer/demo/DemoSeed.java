package vn.academicledger.issuer.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.grading.GradebookCsv;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.issuer.classes.ClassSource;
import vn.academicledger.issuer.classes.Classes;
import vn.academicledger.issuer.schools.SchoolRecord;
import vn.academicledger.issuer.schools.Schools;
import vn.academicledger.issuer.security.Accounts;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * The embedded default's demo on first start: the department's accounts, two schools (the sample
 * school Bến Nghé with its class 12A1, and Thủ Thiêm), their issuer and principal accounts. Demo
 * passwords come from {@code issuer.demo.password} or are generated once into
 * {@code <dataDir>/issuer/demo-accounts.txt} (owner-only). Also, at every start, makes sure every
 * school and its active key are on the ledger. Runs once every bean exists and before the web server
 * accepts requests, so a healthy service always has its demo data.
 */
@Component
class DemoSeed implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    static final String DEPARTMENT_CODE = "79000000";
    static final School SECOND_SCHOOL = new School("79000702", "Trường Trung học phổ thông Thủ Thiêm",
            "12 Trần Não", "Phường An Khánh", null, "Thành phố Hồ Chí Minh", "did:web:thptthuthiem.hcm.edu.vn");

    record DemoAccount(String username, String displayName, Role role, String schoolCode) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("so.admin", "Phòng Khảo thí và Quản lý chất lượng, Sở GDĐT", Role.DEPARTMENT_ADMIN, null),
            new DemoAccount("so.auditor", "Thanh tra Sở GDĐT", Role.AUDITOR, null),
            new DemoAccount("bennghe.issuer", "Trần Thị Mai (giáo vụ)", Role.SCHOOL_ISSUER, "79000701"),
            new DemoAccount("bennghe.principal", "Nguyễn Thị Lan", Role.SCHOOL_SIGNER, "79000701"),
            new DemoAccount("thuthiem.issuer", "Võ Minh Tuấn (giáo vụ)", Role.SCHOOL_ISSUER, "79000702"),
            new DemoAccount("thuthiem.principal", "Phạm Quốc Bảo", Role.SCHOOL_SIGNER, "79000702"));

    private final IssuerProperties properties;
    private final Accounts accounts;
    private final Schools schools;
    private final Classes classes;
    private final String configuredPassword;

    DemoSeed(IssuerProperties properties, Accounts accounts, Schools schools, Classes classes,
             @Value("${issuer.demo.password:}") String configuredPassword) {
        this.properties = properties;
        this.accounts = accounts;
        this.schools = schools;
        this.classes = classes;
        this.configuredPassword = configuredPassword;
    }

    /** Before the web server starts: the service never answers with its accounts or schools half made. */
    @Override
    public void afterSingletonsInstantiated() {
        if (properties.demo().seed()) {
            seed();
        }
        for (SchoolRecord school : schools.all()) {
            if (school.publicKeyMultibase() != null) {
                schools.ensureOnLedger(school);
            }
        }
    }

    void seed() {
        Caller system = new Caller("system-seed", Role.DEPARTMENT_ADMIN, null, "127.0.0.1");
        SampleClass sample = SampleClass.load();
        if (schools.find(sample.school().code()).isEmpty()) {
            schools.accredit(system, sample.school());
        }
        if (schools.find(SECOND_SCHOOL.code()).isEmpty()) {
            schools.accredit(system, SECOND_SCHOOL);
        }
        String password = password();
        List<String> created = new ArrayList<>();
        for (DemoAccount a : ACCOUNTS) {
            if (accounts.createIfAbsent(a.username(), password, a.displayName(), a.role(), a.schoolCode())) {
                created.add(a.username());
            }
        }
        if (!created.isEmpty()) {
            LOG.info("Demo accounts created: {}", created);
        }
        if (classes.list(sample.school().code()).isEmpty()) {
            Caller issuer = new Caller("bennghe.issuer", Role.SCHOOL_ISSUER, sample.school().code(), "127.0.0.1");
            ClassSource source = new ClassSource(null, sample.school().code(), SampleClass.csvText(GradebookCsv.CLASS_FILE),
                    SampleClass.csvText(GradebookCsv.STUDENTS_FILE), SampleClass.csvText(GradebookCsv.SCORES_FILE));
            classes.importClass(issuer, sample.school().code(), source, Classes.Format.CSV,
                    (source.classCsv() + source.studentsCsv() + source.scoresCsv()).getBytes(StandardCharsets.UTF_8));
            LOG.info("Demo class {} of {} imported ({} students)", sample.className(), sample.school().name(),
                    sample.students().size());
        }
    }

    /** The demo accounts' password: configured, or generated once and kept owner-only in the data folder. */
    String password() {
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            return configuredPassword;
        }
        Path file = properties.issuerDir().resolve("demo-accounts.txt");
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("password=")) {
                        return line.substring("password=".length()).strip();
                    }
                }
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            StringBuilder text = new StringBuilder("# Demo accounts of the embedded default (development only)\npassword=")
                    .append(password).append('\n');
            for (DemoAccount a : ACCOUNTS) {
                text.append("account=").append(a.username()).append(' ').append(a.role())
                        .append(a.schoolCode() == null ? "" : " " + a.schoolCode()).append('\n');
            }
            Files.writeString(file, text);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
