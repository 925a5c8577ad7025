package vn.academicledger.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.security.Role;

/** The audit log query: auditors only; every filter becomes a bound SQL parameter; every read is itself audited. */
@WebMvcTest(useDefaultFilters = false, properties = ControllerSlice.NO_AUTHORIZATION_SERVER, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = {ControllerSlice.INFRASTRUCTURE, "vn\\.academicledger\\.issuer\\.audit\\.AuditController"}))
class AuditControllerSliceTest extends ControllerSlice {
    @MockitoBean
    JdbcClient jdbc;

    private JdbcClient.StatementSpec statement;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void anEmptyLog() {
        statement = mock(JdbcClient.StatementSpec.class);
        JdbcClient.MappedQuerySpec<Object> rows = mock(JdbcClient.MappedQuerySpec.class);
        when(jdbc.sql(anyString())).thenReturn(statement);
        when(statement.params(anyList())).thenReturn(statement);
        doReturn(rows).when(statement).query(any(RowMapper.class));
        when(rows.list()).thenReturn(List.of());
    }

    @Test
    void an_auditor_filters_by_actor_school_action_and_time_with_bound_parameters() throws Exception {
        mvc.perform(get("/api/v1/audit").with(auditor()).param("actor", "bennghe.issuer' or '1'='1").param("school", SCHOOL_A)
                        .param("action", "CREDENTIAL_REVOKED").param("from", "2025-05-01T00:00:00Z").param("limit", "10"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));

        ArgumentCaptor<String> sql = ArgumentCaptor.forClass(String.class);
        verify(jdbc).sql(sql.capture());
        assertThat(sql.getValue()).contains("and actor = ?", "and school_code = ?", "and action = ?", "and at >= ?")
                .doesNotContain("1'='1").endsWith("order by id desc limit ?");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Object>> params = ArgumentCaptor.forClass(List.class);
        verify(statement).params(params.capture());
        assertThat(params.getValue()).containsExactly("bennghe.issuer' or '1'='1", SCHOOL_A, "CREDENTIAL_REVOKED",
                Timestamp.from(Instant.parse("2025-05-01T00:00:00Z")), 10);
        verify(audit).record(caller("so.auditor", Role.AUDITOR, null), AuditLog.Action.AUDIT_READ, SCHOOL_A, null,
                AuditLog.Outcome.SUCCESS, Map.of("results", 0));
    }

    @Test
    void an_unknown_action_is_400_listing_the_actions() throws Exception {
        mvc.perform(get("/api/v1/audit").with(auditor()).param("action", "DELETED"))
                .andExpect(problem(400, "UNKNOWN_ACTION"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(containsString("CREDENTIAL_REVOKED")));
        verifyNoInteractions(jdbc, audit);
    }

    @Test
    void a_limit_outside_1_to_1000_is_400() throws Exception {
        mvc.perform(get("/api/v1/audit").with(auditor()).param("limit", "1001")).andExpect(problem(400, "INVALID_PAGE"));
        verifyNoInteractions(jdbc, audit);
    }

    @Test
    void a_time_that_is_not_an_instant_is_400() throws Exception {
        mvc.perform(get("/api/v1/audit").with(auditor()).param("from", "hôm qua")).andExpect(problem(400, "INVALID_REQUEST"));
        verifyNoInteractions(jdbc, audit);
    }

    @Test
    void the_department_admin_does_not_read_the_audit_log() throws Exception {
        mvc.perform(get("/api/v1/audit").with(admin())).andExpect(problem(403, "FORBIDDEN"));
        verifyNoInteractions(jdbc);
        RefusalAudit.onlyTheRefusalIsAudited(audit);
    }

    @Test
    void a_school_principal_does_not_read_the_audit_log_even_of_its_own_school() throws Exception {
        mvc.perform(get("/api/v1/audit").with(principalOfA()).param("school", SCHOOL_A)).andExpect(problem(403, "FORBIDDEN"));
        verifyNoInteractions(jdbc);
        RefusalAudit.onlyTheRefusalIsAudited(audit);
    }

    @Test
    void without_a_token_it_is_401() throws Exception {
        mvc.perform(get("/api/v1/audit")).andExpect(unauthenticated());
        verifyNoInteractions(jdbc, audit);
    }
}
