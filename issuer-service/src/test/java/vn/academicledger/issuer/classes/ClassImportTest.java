package vn.academicledger.issuer.classes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.grading.SyntheticClasses;
import vn.academicledger.issuer.support.ApiClient;
import vn.academicledger.issuer.support.IssuerServiceTest;

class ClassImportTest extends IssuerServiceTest {
    private static final School BEN_NGHE = SyntheticClasses.school(SCHOOL_A, "Trường Trung học phổ thông Bến Nghé",
            "did:web:thptbennghe.hcm.edu.vn");

    private static Map<String, Map.Entry<String, byte[]>> csvParts(SyntheticClasses.ClassFiles files) {
        Map<String, Map.Entry<String, byte[]>> parts = new LinkedHashMap<>();
        parts.put("lop", Map.entry("lop.csv", files.classCsv().getBytes(StandardCharsets.UTF_8)));
        parts.put("hocSinh", Map.entry("hoc-sinh.csv", files.studentsCsv().getBytes(StandardCharsets.UTF_8)));
        parts.put("diem", Map.entry("diem.csv", files.scoresCsv().getBytes(StandardCharsets.UTF_8)));
        return parts;
    }

    private long students() {
        return jdbc.sql("select count(*) from students").query(Long.class).single();
    }

    @Test
    void a_valid_csv_class_is_imported_whole() {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(BEN_NGHE, SchoolYear.parse("2025-2026"), "12C1", 40, 11);
        ApiClient.Response r = api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes", csvParts(files));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("studentCount").asInt()).isEqualTo(40);
        assertThat(r.json().get("sourceFormat").asText()).isEqualTo("CSV");
        assertThat(r.header("Location")).endsWith(r.json().get("id").asText());
        JsonNode list = api().get("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes/" + r.json().get("id").asText() + "/students").json();
        assertThat(list.size()).isEqualTo(40);
    }

    @Test
    void a_workbook_is_imported_like_its_csv_files() {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(BEN_NGHE, SchoolYear.parse("2025-2026"), "12C2", 30, 12);
        byte[] xlsx = GradebookWorkbook.write(files.classCsv(), files.studentsCsv(), files.scoresCsv());
        ApiClient.Response r = api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes",
                Map.of("workbook", Map.entry("12C2.xlsx", xlsx)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("sourceFormat").asText()).isEqualTo("XLSX");
        assertThat(r.json().get("studentCount").asInt()).isEqualTo(30);
    }

    @Test
    void every_bad_row_is_reported_and_nothing_is_imported() {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(BEN_NGHE, SchoolYear.parse("2025-2026"), "12C3", 20, 13);
        String[] lines = files.scoresCsv().split("\n", -1);
        // break a score on two different rows: lines[3] and lines[7] (header is row 1)
        lines[3] = lines[3].replaceFirst(",([0-9.]+),", ",11.5,");
        lines[7] = lines[7].replaceFirst(",([0-9.]+),", ",abc,");
        SyntheticClasses.ClassFiles broken = new SyntheticClasses.ClassFiles(files.classCsv(), files.studentsCsv(),
                String.join("\n", lines));
        long before = students();
        ApiClient.Response r = api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes", csvParts(broken));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).isGreaterThanOrEqualTo(2);
        assertThat(errors.findValuesAsText("row")).contains("4", "8");
        assertThat(errors.get(0).get("file").asText()).isEqualTo("diem.csv");
        assertThat(errors.get(0).get("column").asText()).isNotBlank();
        assertThat(students()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CLASS_IMPORT_REFUSED'").query(Long.class).single()).isPositive();
    }

    @Test
    void a_class_file_of_another_school_is_refused() {
        School other = SyntheticClasses.school(SCHOOL_B, "Trường Trung học phổ thông Thủ Thiêm", "did:web:thptthuthiem.hcm.edu.vn");
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(other, SchoolYear.parse("2025-2026"), "12C4", 5, 14);
        ApiClient.Response r = api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes", csvParts(files));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("WRONG_SCHOOL");
    }

    @Test
    void the_same_class_cannot_be_imported_twice() {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(BEN_NGHE, SchoolYear.parse("2025-2026"), "12C5", 5, 15);
        assertThat(api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes", csvParts(files)).status()).isEqualTo(201);
        ApiClient.Response again = api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes", csvParts(files));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CLASS_EXISTS");
    }

    @Test
    void a_csv_in_a_legacy_encoding_is_refused_by_name() {
        SyntheticClasses.ClassFiles files = SyntheticClasses.generate(BEN_NGHE, SchoolYear.parse("2025-2026"), "12C6", 5, 16);
        Map<String, Map.Entry<String, byte[]>> parts = csvParts(files);
        parts.put("hocSinh", Map.entry("hoc-sinh.csv", files.studentsCsv().getBytes(StandardCharsets.UTF_16LE)));
        ApiClient.Response r = api().postMultipart("bennghe.issuer", "/api/v1/schools/" + SCHOOL_A + "/classes", parts);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_UTF8");
    }
}
