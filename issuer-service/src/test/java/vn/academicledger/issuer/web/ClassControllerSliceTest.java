package vn.academicledger.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.classes.ClassSource;
import vn.academicledger.issuer.classes.ClassSummary;
import vn.academicledger.issuer.classes.Classes;
import vn.academicledger.issuer.security.Role;

/** The class import and class reading endpoints; uploads are read by the real {@code ClassUploads}, classes are mocked. */
@WebMvcTest(useDefaultFilters = false, properties = ControllerSlice.NO_AUTHORIZATION_SERVER, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = {ControllerSlice.INFRASTRUCTURE, "vn\\.academicledger\\.issuer\\.classes\\.(ClassController|ClassUploads)"}))
class ClassControllerSliceTest extends ControllerSlice {
    private static final String CLASSES = "/api/v1/schools/" + SCHOOL_A + "/classes";
    private static final UUID CLASS_ID = UUID.fromString("0f8e7a52-5d0b-4a0c-9d0e-3f1b2c4d5e6f");

    @MockitoBean
    Classes classes;

    private static MockMultipartFile csv(String part, String file, String text) {
        return new MockMultipartFile(part, file, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static ClassSummary summary() {
        return new ClassSummary(CLASS_ID, SCHOOL_A, "2024-2025", 12, "12A1", "Lê Văn Hùng", 44, "CSV", "ab".repeat(32),
                "bennghe.issuer", Instant.parse("2025-05-30T08:00:00Z"));
    }

    @Nested
    class importClass {
        @Test
        void three_csv_files_are_imported_as_the_callers_school_and_answer_201() throws Exception {
            when(classes.importClass(any(), eq(SCHOOL_A), any(), eq(Classes.Format.CSV), any())).thenReturn(summary());

            mvc.perform(multipart(CLASSES).file(csv("lop", "lop.csv", "lop\n")).file(csv("hocSinh", "hoc-sinh.csv", "hoc sinh\n"))
                            .file(csv("diem", "diem.csv", "điểm\n")).with(issuerOfA()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", CLASSES + "/" + CLASS_ID))
                    .andExpect(jsonPath("$.studentCount").value(44));

            ArgumentCaptor<ClassSource> source = ArgumentCaptor.forClass(ClassSource.class);
            verify(classes).importClass(eq(caller("bennghe.issuer", Role.SCHOOL_ISSUER, SCHOOL_A)), eq(SCHOOL_A), source.capture(),
                    eq(Classes.Format.CSV), any());
            assertThat(source.getValue().schoolCode()).isEqualTo(SCHOOL_A);
            assertThat(source.getValue().classCsv()).isEqualTo("lop\n");
            assertThat(source.getValue().scoresCsv()).isEqualTo("điểm\n");
        }

        @Test
        void a_missing_csv_part_is_400_missing_files_and_the_refusal_is_audited() throws Exception {
            mvc.perform(multipart(CLASSES).file(csv("lop", "lop.csv", "lop\n")).file(csv("diem", "diem.csv", "diem\n")).with(issuerOfA()))
                    .andExpect(problem(400, "MISSING_FILES"))
                    .andExpect(jsonPath("$.detail").value(containsString("'hocSinh'")));
            verifyNoInteractions(classes);
            verify(audit).record(eq(caller("bennghe.issuer", Role.SCHOOL_ISSUER, SCHOOL_A)), eq(AuditLog.Action.CLASS_IMPORT_REFUSED),
                    eq(SCHOOL_A), isNull(), eq(AuditLog.Outcome.FAILED), anyMap());
        }

        @Test
        void no_part_at_all_is_400_missing_files() throws Exception {
            mvc.perform(multipart(CLASSES).with(issuerOfA())).andExpect(problem(400, "MISSING_FILES"));
            verifyNoInteractions(classes);
        }

        @Test
        void a_workbook_and_csv_files_together_are_400() throws Exception {
            mvc.perform(multipart(CLASSES).file(new MockMultipartFile("workbook", "lop.xlsx", "application/octet-stream", new byte[]{1}))
                            .file(csv("lop", "lop.csv", "lop\n")).with(issuerOfA()))
                    .andExpect(problem(400, "AMBIGUOUS_UPLOAD"));
            verifyNoInteractions(classes);
        }

        @Test
        void a_csv_file_that_is_not_utf8_is_400_naming_the_file() throws Exception {
            byte[] windows1258 = {(byte) 0x48, (byte) 0xE0, (byte) 0x20, (byte) 0xFF};
            mvc.perform(multipart(CLASSES).file(csv("lop", "lop.csv", "lop\n"))
                            .file(new MockMultipartFile("hocSinh", "hoc-sinh.csv", "text/csv", windows1258))
                            .file(csv("diem", "diem.csv", "diem\n")).with(issuerOfA()))
                    .andExpect(problem(400, "NOT_UTF8"))
                    .andExpect(jsonPath("$.detail").value(containsString("hoc-sinh.csv")));
            verifyNoInteractions(classes);
        }

        @Test
        void json_instead_of_multipart_is_415() throws Exception {
            mvc.perform(post(CLASSES).with(issuerOfA()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
            verifyNoInteractions(classes);
        }

        @Test
        void the_principal_does_not_import() throws Exception {
            mvc.perform(multipart(CLASSES).file(csv("lop", "lop.csv", "lop\n")).with(principalOfA()))
                    .andExpect(problem(403, "FORBIDDEN"));
            verifyNoInteractions(classes);
            RefusalAudit.onlyTheRefusalIsAudited(audit);
        }

        @Test
        void another_schools_registrar_gets_404_before_the_upload_is_read() throws Exception {
            mvc.perform(multipart(CLASSES).file(csv("lop", "lop.csv", "lop\n")).with(issuerOfB()))
                    .andExpect(problem(404, "NOT_FOUND"));
            verifyNoInteractions(classes);
            RefusalAudit.onlyTheRefusalIsAudited(audit);
        }
    }

    @Nested
    class reading {
        @Test
        void the_principal_lists_the_schools_classes() throws Exception {
            when(classes.list(SCHOOL_A)).thenReturn(List.of(summary()));
            mvc.perform(get(CLASSES).with(principalOfA()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].name").value("12A1"));
        }

        @Test
        void the_department_does_not_read_a_schools_classes() throws Exception {
            mvc.perform(get(CLASSES).with(admin())).andExpect(problem(403, "FORBIDDEN"));
            verifyNoInteractions(classes);
        }

        @Test
        void a_class_id_that_is_not_a_uuid_is_400() throws Exception {
            mvc.perform(get(CLASSES + "/12A1").with(principalOfA()))
                    .andExpect(problem(400, "INVALID_REQUEST"));
            verifyNoInteractions(classes);
        }

        @Test
        void reading_the_students_is_an_audited_extract() throws Exception {
            when(classes.get(SCHOOL_A, CLASS_ID)).thenReturn(summary());
            when(classes.students(SCHOOL_A, CLASS_ID)).thenReturn(List.of(new Classes.StudentRow(UUID.randomUUID(), CLASS_ID, 0,
                    "25-12A1-0001", "Trần Văn Phát", java.time.LocalDate.of(2007, 2, 5))));

            mvc.perform(get(CLASSES + "/" + CLASS_ID + "/students").with(issuerOfA()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].fullName").value("Trần Văn Phát"));
            verify(audit).record(eq(caller("bennghe.issuer", Role.SCHOOL_ISSUER, SCHOOL_A)), eq(AuditLog.Action.DATA_EXTRACTED),
                    eq(SCHOOL_A), eq("class " + CLASS_ID + " students"), eq(AuditLog.Outcome.SUCCESS), anyMap());
        }

        @Test
        void another_schools_registrar_cannot_read_the_students() throws Exception {
            mvc.perform(get(CLASSES + "/" + CLASS_ID + "/students").with(issuerOfB()))
                    .andExpect(problem(404, "NOT_FOUND"));
            verifyNoInteractions(classes);
            RefusalAudit.onlyTheRefusalIsAudited(audit);
        }
    }
}
