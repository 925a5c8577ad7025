package vn.academicledger.verifier.qr;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.academicledger.verifier.directory.CredentialDirectory;
import vn.academicledger.verifier.system.Problems;
import vn.academicledger.verifier.testing.Reports;
import vn.academicledger.verifier.verification.CredentialVerification;
import vn.academicledger.verifier.verification.ResultViews;

@WebMvcTest(QrPageController.class)
@Import({Problems.class, ResultViews.class, RecordSummaries.class})
class QrPageControllerTest {
    private static final UUID ID = UUID.fromString("159a7508-6147-4974-878c-82343be41356");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CredentialVerification verification;
    @MockitoBean
    CredentialDirectory directory;

    ObjectNode credential;

    @BeforeEach
    void credential() throws Exception {
        credential = (ObjectNode) new ObjectMapper().readTree("""
                {"id": "urn:uuid:159a7508-6147-4974-878c-82343be41356", "type": ["VerifiableCredential", "X"],
                 "issuer": {"id": "did:web:x", "name": {"@value": "Trường THPT Bến Nghé", "@language": "vi"}},
                 "name": [{"@value": "Học bạ số", "@language": "vi"}, {"@value": "Digital report card", "@language": "en"}],
                 "credentialSubject": {"fullName": "Trần Văn Phát", "birthDate": "2008-02-05"}}""");
        when(directory.find(ID)).thenReturn(Optional.of(credential));
        when(directory.acceptsToken(eq(ID), any())).thenReturn(false);
        when(directory.acceptsToken(ID, "good-token-0123456789")).thenReturn(true);
    }

    @Test
    void shows_a_valid_credential_in_vietnamese_by_default_without_the_holder() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.valid());

        mvc.perform(get("/v/" + ID).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("HỢP LỆ"), containsString("Học bạ số"),
                        containsString("Trường THPT Bến Nghé"), containsString("Đã neo trên sổ cái trong lô B-1"),
                        containsString("lang=\"vi\""), not(containsString("Trần Văn Phát")))));
    }

    @Test
    void shows_a_revoked_credential_not_valid_with_the_revocation_date_and_reason() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.revoked());

        mvc.perform(get("/v/" + ID).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("KHÔNG HỢP LỆ"),
                        containsString("Đã bị thu hồi ngày 10:04:05 ngày 02/01/2026 (GMT+7), lý do: ISSUED_IN_ERROR"))));
    }

    @Test
    void switches_to_english() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.valid());

        mvc.perform(get("/v/" + ID).param("lang", "en").accept(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("VALID"), containsString("Digital report card"),
                        containsString("Anchored on the ledger in batch B-1"), containsString("lang=\"en\""))));
    }

    @Test
    void opens_the_record_with_the_right_token_only() throws Exception {
        when(verification.verify(any())).thenReturn(Reports.valid());

        mvc.perform(post("/v/" + ID + "/record").param("t", "good-token-0123456789"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Trần Văn Phát"), containsString("05/02/2008"))));
        mvc.perform(post("/v/" + ID + "/record").param("t", "forged-token-0123456789"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Trần Văn Phát"))));
        mvc.perform(post("/v/" + ID + "/record"))
                .andExpect(status().isForbidden());
    }

    @Test
    void answers_an_unknown_code_with_a_404_page() throws Exception {
        UUID unknown = UUID.randomUUID();
        when(directory.find(unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/v/" + unknown).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy văn bản")));
    }

    @Test
    void answers_a_malformed_code_with_a_400_page() throws Exception {
        mvc.perform(get("/v/<script>").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("is not a credential code"), not(containsString("<script>")))));
    }
}
