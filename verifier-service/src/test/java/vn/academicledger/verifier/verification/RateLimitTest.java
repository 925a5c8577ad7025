package vn.academicledger.verifier.verification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.academicledger.verifier.testing.Reports;
import vn.academicledger.verifier.system.Problems;

@WebMvcTest(VerifyApiController.class)
@Import(Problems.class)
@TestPropertySource(properties = {"verifier.rate-limit.burst=3", "verifier.rate-limit.per-second=0.5"})
class RateLimitTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    CredentialVerification verification;

    private static MockHttpServletRequestBuilder from(String address) {
        return post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{}").with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void answers_a_client_over_its_budget_with_429_problem_details_and_retry_after_while_others_go_on() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.valid());
        for (int i = 0; i < 3; i++) {
            mvc.perform(from("203.0.113.7")).andExpect(status().isOk());
        }

        mvc.perform(from("203.0.113.7"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        mvc.perform(from("198.51.100.9")).andExpect(status().isOk());
    }
}
