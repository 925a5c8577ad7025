package vn.academicledger.issuer.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import vn.academicledger.issuer.audit.AuditLog;

/** Slices: a refused call writes exactly one audit row, ACCESS_DENIED, and nothing else. */
final class RefusalAudit {
    private RefusalAudit() {
    }

    static void onlyTheRefusalIsAudited(AuditLog audit) {
        verify(audit).record(anyString(), any(), any(), eq(AuditLog.Action.ACCESS_DENIED), any(), anyString(),
                eq(AuditLog.Outcome.DENIED), any());
        verifyNoMoreInteractions(audit);
    }
}
