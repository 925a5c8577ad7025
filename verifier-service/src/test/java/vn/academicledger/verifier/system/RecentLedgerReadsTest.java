package vn.academicledger.verifier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;

class RecentLedgerReadsTest {
    private final LedgerPort ledger = mock(LedgerPort.class);

    @Test
    void reads_the_ledger_on_every_call_when_the_ttl_is_zero() {
        when(ledger.findRevocation("ab")).thenReturn(Optional.empty());
        LedgerPort reads = RecentLedgerReads.of(ledger, Duration.ZERO);

        reads.findRevocation("ab");
        reads.findRevocation("ab");

        verify(ledger, times(2)).findRevocation("ab");
    }

    @Test
    void reuses_an_answer_within_the_ttl_and_asks_again_after_it() throws InterruptedException {
        when(ledger.findIssuerByDid("did:web:x")).thenReturn(Optional.empty());
        LedgerPort reads = RecentLedgerReads.of(ledger, Duration.ofMillis(200));

        reads.findIssuerByDid("did:web:x");
        reads.findIssuerByDid("did:web:x");
        verify(ledger, times(1)).findIssuerByDid("did:web:x");

        Thread.sleep(250);
        reads.findIssuerByDid("did:web:x");
        verify(ledger, times(2)).findIssuerByDid("did:web:x");
    }

    @Test
    void never_writes() {
        LedgerPort reads = RecentLedgerReads.of(ledger, Duration.ZERO);

        assertThatThrownBy(() -> reads.revoke("ab", "79000701", "X")).isInstanceOf(LedgerException.class)
                .satisfies(e -> assertThat(((LedgerException) e).errorCode()).isEqualTo(LedgerErrorCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> reads.accreditIssuer("1", "n", "did:web:x", java.util.List.of())).isInstanceOf(LedgerException.class);
    }
}
