package vn.academicledger.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.issuer.issuance.IssuanceJobs;
import vn.academicledger.issuer.issuance.Job;
import vn.academicledger.issuer.security.Role;

@WebMvcTest(useDefaultFilters = false, properties = ControllerSlice.NO_AUTHORIZATION_SERVER, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = {ControllerSlice.INFRASTRUCTURE, "vn\\.academicledger\\.issuer\\.issuance\\.JobController"}))
class JobControllerSliceTest extends ControllerSlice {
    private static final String JOBS = "/api/v1/schools/" + SCHOOL_A + "/jobs";
    private static final UUID CLASS_ID = UUID.fromString("0f8e7a52-5d0b-4a0c-9d0e-3f1b2c4d5e6f");
    private static final UUID JOB_ID = UUID.fromString("7c1d7e0a-3c39-4f7e-8a55-2b8f0f6d9a10");

    @MockitoBean
    IssuanceJobs jobs;

    private static Job job(String status) {
        return new Job(JOB_ID, SCHOOL_A, "REPORT_CARD", "EDDSA_JCS_2022", CLASS_ID, null, status, 44, 0, 0, "bennghe.issuer", null,
                Instant.parse("2025-05-30T08:00:00Z"), null, null, null, List.of(), 0L);
    }

    private org.springframework.test.web.servlet.ResultActions create(String json,
            org.springframework.test.web.servlet.request.RequestPostProcessor token) throws Exception {
        return mvc.perform(post(JOBS).with(token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Nested
    class createJob {
        @Test
        void a_report_card_job_defaults_to_eddsa_jcs_and_answers_202_with_its_address() throws Exception {
            when(jobs.create(any(), eq(SCHOOL_A), any())).thenReturn(job("AWAITING_APPROVAL"));

            create("{\"type\": \"REPORT_CARD\", \"classId\": \"" + CLASS_ID + "\"}", issuerOfA())
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", JOBS + "/" + JOB_ID))
                    .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));

            verify(jobs).create(caller("bennghe.issuer", Role.SCHOOL_ISSUER, SCHOOL_A), SCHOOL_A,
                    new IssuanceJobs.Request(CredentialType.REPORT_CARD, CLASS_ID, null, Cryptosuite.EDDSA_JCS_2022));
        }

        @Test
        void a_diploma_job_accepts_the_type_in_lower_case_and_defaults_to_eddsa_rdfc() throws Exception {
            when(jobs.create(any(), eq(SCHOOL_A), any())).thenReturn(job("QUEUED"));

            create("{\"type\": \"diploma\", \"classId\": \"" + CLASS_ID + "\"}", principalOfA()).andExpect(status().isAccepted());

            ArgumentCaptor<IssuanceJobs.Request> request = ArgumentCaptor.forClass(IssuanceJobs.Request.class);
            verify(jobs).create(eq(caller("bennghe.principal", Role.SCHOOL_SIGNER, SCHOOL_A)), eq(SCHOOL_A), request.capture());
            assertThat(request.getValue().type()).isEqualTo(CredentialType.DIPLOMA);
            assertThat(request.getValue().cryptosuite()).isEqualTo(Cryptosuite.EDDSA_RDFC_2022);
        }

        @Test
        void an_unknown_credential_type_is_400_unknown_type() throws Exception {
            create("{\"type\": \"TRANSCRIPT\", \"classId\": \"" + CLASS_ID + "\"}", issuerOfA())
                    .andExpect(problem(400, "UNKNOWN_TYPE"))
                    .andExpect(jsonPath("$.detail").value(containsString("REPORT_CARD or DIPLOMA")));
            verifyNoInteractions(jobs);
        }

        @Test
        void a_missing_type_is_400_missing_type() throws Exception {
            create("{\"classId\": \"" + CLASS_ID + "\"}", issuerOfA()).andExpect(problem(400, "MISSING_TYPE"));
            verifyNoInteractions(jobs);
        }

        @Test
        void an_unknown_cryptosuite_is_400() throws Exception {
            create("{\"type\": \"REPORT_CARD\", \"classId\": \"" + CLASS_ID + "\", \"cryptosuite\": \"ecdsa-2019\"}", issuerOfA())
                    .andExpect(problem(400, "UNKNOWN_CRYPTOSUITE"));
            verifyNoInteractions(jobs);
        }

        @Test
        void a_class_id_that_is_not_a_uuid_is_400_malformed_json() throws Exception {
            create("{\"type\": \"REPORT_CARD\", \"classId\": \"12A1\"}", issuerOfA()).andExpect(problem(400, "MALFORMED_JSON"));
            verifyNoInteractions(jobs);
        }

        @Test
        void another_schools_registrar_is_refused_before_the_request_is_checked() throws Exception {
            create("{\"type\": \"TRANSCRIPT\"}", issuerOfB()).andExpect(problem(404, "NOT_FOUND"));
            verifyNoInteractions(jobs);
        }

        @Test
        void the_department_is_refused_before_the_request_is_checked() throws Exception {
            create("{}", admin()).andExpect(problem(403, "FORBIDDEN"));
            verifyNoInteractions(jobs);
        }
    }

    @Nested
    class approveAndReject {
        @Test
        void approval_passes_the_principal_and_the_job_to_the_service() throws Exception {
            when(jobs.approve(any(), eq(SCHOOL_A), eq(JOB_ID))).thenReturn(job("QUEUED"));
            mvc.perform(post(JOBS + "/" + JOB_ID + "/approve").with(principalOfA()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("QUEUED"));
            verify(jobs).approve(caller("bennghe.principal", Role.SCHOOL_SIGNER, SCHOOL_A), SCHOOL_A, JOB_ID);
        }

        @Test
        void a_rejection_without_a_body_has_no_reason() throws Exception {
            when(jobs.reject(any(), eq(SCHOOL_A), eq(JOB_ID), isNull())).thenReturn(job("REJECTED"));
            mvc.perform(post(JOBS + "/" + JOB_ID + "/reject").with(principalOfA())).andExpect(status().isOk());
            verify(jobs).reject(caller("bennghe.principal", Role.SCHOOL_SIGNER, SCHOOL_A), SCHOOL_A, JOB_ID, null);
        }

        @Test
        void a_rejection_passes_its_reason_on() throws Exception {
            when(jobs.reject(any(), eq(SCHOOL_A), eq(JOB_ID), eq("sai điểm môn Toán"))).thenReturn(job("REJECTED"));
            mvc.perform(post(JOBS + "/" + JOB_ID + "/reject").with(principalOfA()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"sai điểm môn Toán\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("REJECTED"));
        }

        @Test
        void a_job_id_that_is_not_a_uuid_is_400() throws Exception {
            mvc.perform(get(JOBS + "/latest").with(principalOfA())).andExpect(problem(400, "INVALID_REQUEST"));
            verifyNoInteractions(jobs);
        }

        @Test
        void without_a_token_nothing_reaches_the_service() throws Exception {
            mvc.perform(post(JOBS + "/" + JOB_ID + "/approve")).andExpect(unauthenticated());
            verifyNoInteractions(jobs);
        }
    }
}
