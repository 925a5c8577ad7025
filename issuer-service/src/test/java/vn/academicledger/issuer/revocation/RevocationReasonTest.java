package vn.academicledger.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.academicledger.issuer.system.IssuerException;

class RevocationReasonTest {

    @Test
    void every_code_is_one_the_ledger_contract_accepts_and_every_reason_has_both_labels() {
        for (RevocationReason reason : RevocationReason.values()) {
            assertThat(reason.code()).matches(RevocationReason.LEDGER_CODE);
            assertThat(reason.vietnamese()).isNotBlank();
            assertThat(reason.english()).isNotBlank();
        }
    }

    @Test
    void reads_exact_codes_only_and_suggests_the_code_for_a_near_miss() {
        assertThat(RevocationReason.ofCode("SUPERSEDED")).isEqualTo(RevocationReason.SUPERSEDED);
        assertThatThrownBy(() -> RevocationReason.ofCode("superseded"))
                .isInstanceOfSatisfying(IssuerException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNKNOWN_REASON");
                    assertThat(e.getMessage()).contains("did you mean SUPERSEDED");
                });
        assertThatThrownBy(() -> RevocationReason.ofCode(" "))
                .isInstanceOfSatisfying(IssuerException.class, e -> assertThat(e.code()).isEqualTo("MISSING_REASON"));
    }
}
