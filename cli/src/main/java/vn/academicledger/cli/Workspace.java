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
 * The commands' local state and their ledger: a data folder (git-ignored) holding the development
 * signing keys, generated on first use, and either the embedded ledger in that folder (the
 * default) or clients of the local Fabric network ({@link FabricClients}). Commands that write
 * ({@code demo}) {@link #open} it; commands that only read ({@code verify}) {@link #openForReading}
 * it, which follows the embedded ledger read-only and so works while another process writes it.
 */
final class Workspace implements AutoCloseable {
    /** The read-only identity verifiers use: a Ministry client, which may read but never write. */
    static final ClientIdentity PUBLIC_VERIFIER =
            new ClientIdentity(ClientIdentity.MINISTRY_MSP, "public-verifier", java.util.Map.of(ClientIdentity.ROLE, "verifier"));

    private final Path dataDir;
    private final LedgerKind kind;
    private final EmbeddedLedger embedded;
    private final FabricClients fabric;

    private Workspace(Path dataDir, LedgerKind kind, EmbeddedLedger embedded, FabricClients fabric) {
        this.dataDir = dataDir;
        this.kind = kind;
        this.embedded = embedded;
        this.fabric = fabric;
    }

    /** The embedded default. */
    static Workspace open(Path dataDir) {
        return open(dataDir, LedgerKind.EMBEDDED);
    }

    /**
     * Opens the data folder and the chosen ledger. For Fabric, fails with a {@code LedgerException}
     * (stage OPEN) that says what to run when the network is down or its contract not deployed.
     */
    static Workspace open(Path dataDir, LedgerKind kind) {
        try {
            Files.createDirectories(dataDir.resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
        }
        return switch (kind) {
            case EMBEDDED -> new Workspace(dataDir, kind, EmbeddedLedger.open(ledgerDir(dataDir)), null);
            case FABRIC -> new Workspace(dataDir, kind, null, FabricClients.open());
        };
    }

    /**
     * Opens the chosen ledger to read only, creating nothing in the data folder. The embedded ledger
     * is opened as a follower ({@link EmbeddedLedger#openReadOnly}): it takes no lock, so it works
     * whether or not another process ({@code ./ledger demo}, the issuer service) has the ledger open
     * for writing, and its ports refuse writes. Fabric is opened as by {@link #open(Path, LedgerKind)}.
     */
    static Workspace openForReading(Path dataDir, LedgerKind kind) {
        return switch (kind) {
            case EMBEDDED -> new Workspace(dataDir, kind, EmbeddedLedger.openReadOnly(ledgerDir(dataDir)), null);
            case FABRIC -> new Workspace(dataDir, kind, null, FabricClients.open());
        };
    }

    private static Path ledgerDir(Path dataDir) {
        return dataDir.resolve("ledger");
    }

    /**
     * A port acting in {@code role}: on the embedded ledger exactly that identity; on Fabric the
     * client identity crypto-material generated for the role's MSP, {@code role} and {@code schoolCode}.
     */
    LedgerPort connect(ClientIdentity role) {
        return embedded != null ? embedded.connect(role) : fabric.connect(role);
    }

    LedgerKind kind() {
        return kind;
    }

    /** The {@code ledger} its receipts name. */
    String ledgerName() {
        return kind.receiptName();
    }

    /** One line saying which ledger this is. */
    String describeLedger() {
        return fabric != null ? fabric.describe() : kind.receiptName() + " (" + embedded.directory()
                + (embedded.readOnly() ? ", read-only" : "") + ")";
    }

    /** Whether this is the embedded ledger and it holds no block yet (nothing was ever issued in this data folder). */
    boolean emptyEmbeddedLedger() {
        return embedded != null && embedded.head().empty();
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
            // Reason codes are codes, never free text (the contract refuses anything else).
            record = department.reinstateIssuer(schoolCode, "DEMO_REINSTATED");
        }
        if (!record.publicKeysMultibase().contains(publicKeyMultibase)) {
            record = department.updateIssuerKeys(schoolCode, List.of(publicKeyMultibase));
        }
        return record;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        if (fabric != null) {
            fabric.close();
        }
    }
}
