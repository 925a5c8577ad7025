package vn.academicledger.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.academicledger.core.domain.School;
import vn.academicledger.issuer.schools.SchoolRecord;
import vn.academicledger.issuer.schools.Schools;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;

@WebMvcTest(useDefaultFilters = false, properties = ControllerSlice.NO_AUTHORIZATION_SERVER, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = {ControllerSlice.INFRASTRUCTURE, "vn\\.academicledger\\.issuer\\.schools\\.SchoolController"}))
class SchoolControllerSliceTest extends ControllerSlice {
    private static final String NEW_SCHOOL = """
            {"code": "%s", "name": "Trường Trung học phổ thông Kiểm Thử", "did": "did:web:thptkiemthu.hcm.edu.vn",
             "address": "1 Lê Lợi", "ward": "Phường Sài Gòn", "province": "Thành phố Hồ Chí Minh"}""";

    @MockitoBean
    Schools schools;

    static SchoolRecord record(String code) {
        return new SchoolRecord(code, "Trường " + code, "did:web:" + code + ".hcm.edu.vn", "1 Lê Lợi", "Phường Sài Gòn", null,
                "Thành phố Hồ Chí Minh", "ACCREDITED", "z6MkTest", Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Nested
    class accredit {
        @Test
        void a_department_admin_accredits_and_gets_201_with_the_schools_address() throws Exception {
            when(schools.accredit(any(), any())).thenReturn(record("79000703"));

            mvc.perform(post("/api/v1/schools").with(admin()).contentType(MediaType.APPLICATION_JSON)
                            .content(NEW_SCHOOL.formatted("79000703")))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/v1/schools/79000703"))
                    .andExpect(jsonPath("$.code").value("79000703"));

            ArgumentCaptor<School> school = ArgumentCaptor.forClass(School.class);
            verify(schools).accredit(eq(caller("so.admin", Role.DEPARTMENT_ADMIN, null)), school.capture());
            assertThat(school.getValue().code()).isEqualTo("79000703");
            assertThat(school.getValue().did()).isEqualTo("did:web:thptkiemthu.hcm.edu.vn");
            assertThat(school.getValue().district()).isNull();
        }

        @Test
        void a_code_that_is_not_eight_digits_is_400_naming_the_field() throws Exception {
            mvc.perform(post("/api/v1/schools").with(admin()).contentType(MediaType.APPLICATION_JSON)
                            .content(NEW_SCHOOL.formatted("7900070A")))
                    .andExpect(problem(400, "INVALID_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(containsString("code: must be the 8-digit mã trường")));
            verifyNoInteractions(schools);
        }

        @Test
        void a_missing_name_is_400_naming_the_field() throws Exception {
            mvc.perform(post("/api/v1/schools").with(admin()).contentType(MediaType.APPLICATION_JSON)
                            .content(NEW_SCHOOL.formatted("79000703").replace("\"name\": \"Trường Trung học phổ thông Kiểm Thử\",", "")))
                    .andExpect(problem(400, "INVALID_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(containsString("name:")));
            verifyNoInteractions(schools);
        }

        @Test
        void a_school_issuer_may_not_accredit() throws Exception {
            mvc.perform(post("/api/v1/schools").with(issuerOfA()).contentType(MediaType.APPLICATION_JSON)
                            .content(NEW_SCHOOL.formatted("79000703")))
                    .andExpect(problem(403, "FORBIDDEN"))
                    .andExpect(jsonPath("$.detail").value(containsString("DEPARTMENT_ADMIN")));
            verifyNoInteractions(schools);
        }

        @Test
        void without_a_token_it_is_401() throws Exception {
            mvc.perform(post("/api/v1/schools").contentType(MediaType.APPLICATION_JSON).content(NEW_SCHOOL.formatted("79000703")))
                    .andExpect(unauthenticated());
            verifyNoInteractions(schools);
        }
    }

    @Nested
    class list {
        @Test
        void a_school_role_sees_only_its_own_school() throws Exception {
            when(schools.get(SCHOOL_B)).thenReturn(record(SCHOOL_B));

            mvc.perform(get("/api/v1/schools").with(issuerOfB()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].code").value(SCHOOL_B));
            verify(schools, never()).all();
        }

        @Test
        void the_department_and_its_auditors_see_every_school() throws Exception {
            when(schools.all()).thenReturn(List.of(record(SCHOOL_A), record(SCHOOL_B)));

            mvc.perform(get("/api/v1/schools").with(auditor()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(2));
        }
    }

    @Nested
    class getOne {
        @Test
        void another_schools_account_gets_404_and_the_register_is_not_read() throws Exception {
            mvc.perform(get("/api/v1/schools/" + SCHOOL_A).with(issuerOfB()))
                    .andExpect(problem(404, "NOT_FOUND"));
            verifyNoInteractions(schools);
        }

        @Test
        void an_auditor_reads_any_school() throws Exception {
            when(schools.get(SCHOOL_A)).thenReturn(record(SCHOOL_A));
            mvc.perform(get("/api/v1/schools/" + SCHOOL_A).with(auditor()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.did").value("did:web:79000701.hcm.edu.vn"));
        }
    }

    @Nested
    class rotateKey {
        @Test
        void the_department_admin_rotates_the_named_schools_key() throws Exception {
            when(schools.rotateKey(any(), eq(SCHOOL_A))).thenReturn(record(SCHOOL_A));
            mvc.perform(post("/api/v1/schools/" + SCHOOL_A + "/keys/rotate").with(admin()))
                    .andExpect(status().isOk());
            verify(schools).rotateKey(caller("so.admin", Role.DEPARTMENT_ADMIN, null), SCHOOL_A);
        }

        @Test
        void the_schools_own_principal_may_not() throws Exception {
            mvc.perform(post("/api/v1/schools/" + SCHOOL_A + "/keys/rotate").with(principalOfA()))
                    .andExpect(problem(403, "FORBIDDEN"));
            verifyNoInteractions(schools);
        }
    }

    /** How the bearer token's claims become the {@link Caller} a controller is given. */
    @Nested
    class callerFromTheToken {
        @Test
        void a_token_without_a_role_is_403_saying_which_claim_is_missing() throws Exception {
            mvc.perform(get("/api/v1/schools").with(org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.jwt().jwt(t -> t.subject("nobody"))))
                    .andExpect(problem(403, "FORBIDDEN"))
                    .andExpect(jsonPath("$.detail").value(containsString("claim 'role'")));
            verifyNoInteractions(schools);
        }

        @Test
        void a_role_this_service_does_not_know_is_403() throws Exception {
            mvc.perform(get("/api/v1/schools").with(org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.jwt().jwt(t -> t.subject("x").claim("role", "SUPERUSER"))))
                    .andExpect(problem(403, "FORBIDDEN"));
            verifyNoInteractions(schools);
        }

        @Test
        void a_school_role_without_a_school_is_403() throws Exception {
            mvc.perform(get("/api/v1/schools").with(as("bennghe.issuer", Role.SCHOOL_ISSUER, null)))
                    .andExpect(problem(403, "FORBIDDEN"))
                    .andExpect(jsonPath("$.detail").value(containsString("school_code")));
            verifyNoInteractions(schools);
        }

        @Test
        void a_department_token_that_names_a_school_still_acts_for_no_school() throws Exception {
            when(schools.rotateKey(any(), eq(SCHOOL_B))).thenReturn(record(SCHOOL_B));
            mvc.perform(post("/api/v1/schools/" + SCHOOL_B + "/keys/rotate").with(as("so.admin", Role.DEPARTMENT_ADMIN, SCHOOL_A)))
                    .andExpect(status().isOk());
            verify(schools).rotateKey(caller("so.admin", Role.DEPARTMENT_ADMIN, null), SCHOOL_B);
        }
    }
}
