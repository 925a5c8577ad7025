package vn.academicledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.ledger.embedded.EmbeddedLedger;

/**
 * The embedded default's local state: a data folder (git-ignored) holding the development signing
 * keys, generated on first use, and the embedded ledger.
 */
final class Workspace implements AutoCloseable {
    /** The read-only identity verifiers use: a Ministry client, which may read but never write. */
    static final ClientIdentity PUBLIC_VERIFIER =
            new ClientIdentity(ClientIdentity.MINISTRY_MSP, "public-verifier", java.util.Map.of(ClientIdentity.ROLE, "verifier"));

    private final Path dataDir;
    private final EmbeddedLedger ledger;

    private Workspace(Path dataDir, EmbeddedLedger ledger) {
        this.dataDir = dataDir;
        this.ledger = ledger;
    }

    static Workspace open(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
        }
        return new Workspace(dataDir, EmbeddedLedger.open(dataDir.resolve("ledger")));
    }

    LedgerPort connect(ClientIdentity identity) {
        return ledger.connect(identity);
    }

    /** The school's development signing key, generated and saved (owner-only) on first use. */
    Ed25519KeyPair schoolKey(String schoolCode) {
        Path file = dataDir.resolve("keys").resolve(schoolCode + ".ed25519");
        if (Files.exists(file)) {
            return Ed25519KeyPair.load(file);
        }
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        key.save(file);
        return key;
    }

    /**
     * Registers the school on the ledger as the department would, or brings its registered key up
     * to date with the local one.
     */
    static IssuerRecord accredit(LedgerPort department, String schoolCode, String name, String did, String publicKeyMultibase) {
        Optional<IssuerRecord> existing = department.findIssuer(schoolCode);
        if (existing.isEmpty()) {
            return department.accreditIssuer(schoolCode, name, did, List.of(publicKeyMultibase));
        }
        IssuerRecord record = existing.get();
        if (!record.accredited()) {
            record = department.reinstateIssuer(schoolCode, "demo: reinstated");
        }
        if (!record.publicKeysMultibase().contains(publicKeyMultibase)) {
            record = department.updateIssuerKeys(schoolCode, List.of(publicKeyMultibase));
        }
        return record;
    }

    @Override
    public void close() {
        ledger.close();
    }
}
