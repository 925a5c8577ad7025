package vn.academicledger.ledger.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.suite.LedgerContractSuite;

/** The shared contract suite, run against the embedded ledger. */
class EmbeddedLedgerContractTest extends LedgerContractSuite {
    static final Clock FIXED = Clock.fixed(Instant.parse("2025-09-05T01:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private EmbeddedLedger ledger;

    @BeforeEach
    void openLedger() {
        ledger = EmbeddedLedger.open(directory, FIXED);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Override
    protected LedgerPort connect(ClientIdentity identity) {
        return ledger.connect(identity);
    }
}
