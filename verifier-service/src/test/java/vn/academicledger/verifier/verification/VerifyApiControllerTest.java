package vn.academicledger.verifier.verification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.verifier.system.Problems;
import vn.academicledger.verifier.testing.Reports;

@WebMvcTest(VerifyApiController.class)
@Import(Problems.class)
class VerifyApiControllerTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    CredentialVerification verification;

    @Test
    void answers_a_credential_with_the_verdict_and_every_named_check() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.valid());

        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"x\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("VALID"))
                .andExpect(jsonPath("$.checks[3].check").value("anchored"))
                .andExpect(jsonPath("$.checks[3].details.transactionId").value("ab".repeat(32)))
                .andExpect(jsonPath("$.checks[1].label.vi").value("Chữ ký số của đơn vị cấp"))
                .andExpect(jsonPath("$.freshness.issuerAndRevocationMaxAgeSeconds").value(0));
    }

    @Test
    void answers_a_revoked_credential_not_valid_with_200() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.revoked());

        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NOT_VALID"))
                .andExpect(jsonPath("$.checks[4].status").value("FAILED"));
    }

    @Test
    void answers_malformed_json_with_problem_details() throws Exception {
        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{\"a\": tru"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/api/v1/verify"))
                .andExpect(jsonPath("$.detail", containsString("line 1")));
    }

    @Test
    void answers_json_that_is_not_an_object_with_400_saying_what_to_send() throws Exception {
        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.detail", containsString("a JSON object")));
    }

    @Test
    void answers_another_media_type_with_415() throws Exception {
        mvc.perform(post("/api/v1/verify").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void answers_get_with_405() throws Exception {
        mvc.perform(get("/api/v1/verify"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void answers_an_unreachable_ledger_with_503_and_retry_after_never_a_verdict() throws Exception {
        when(verification.verify(any())).thenThrow(new LedgerException(LedgerErrorCode.UNAVAILABLE,
                LedgerException.Stage.EVALUATE, "tx1", "peer0.ministry did not answer in 5 s"));

        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("LEDGER_UNAVAILABLE"))
                .andExpect(content().string(not(containsString("VALID"))));
    }

    @Test
    void answers_an_unexpected_failure_with_500_and_no_verdict() throws Exception {
        when(verification.verify(any())).thenThrow(new IllegalStateException("bug"));

        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL"))
                .andExpect(content().string(not(containsString("bug"))))
                .andExpect(content().string(not(containsString("VALID"))));
    }
}
