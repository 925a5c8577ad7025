package vn.academicledger.ledger.fabric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import vn.academicledger.core.ledger.ClientIdentity;

/**
 * The local network of {@code network-config/}, driven through its script, for the tests that run
 * only with {@code -Dfabric.it=true}. Identities the tests ask for are enrolled on demand with
 * the org CAs that crypto-material generated, as Fabric CA would enrol them.
 */
final class LocalFabricNetwork {
    static final Path ROOT = findRoot();
    static final Path CRYPTO = ROOT.resolve("crypto-material/generated/fabric");
    private static final Path SCRIPT = ROOT.resolve("network-config/scripts/fabric.sh");
    private static final Map<ClientIdentity, FabricIdentity> ENROLLED = new ConcurrentHashMap<>();
    private static final Map<String, TestEnrollment> CAS = new ConcurrentHashMap<>();
    private static volatile boolean deployed;

    private LocalFabricNetwork() {
    }

    /** Brings the network up and deploys the contract (both idempotent and quick when already done). */
    static synchronized void ensureDeployed() {
        if (!deployed) {
            script("up");
            script("deploy");
            deployed = true;
        }
    }

    static FabricLedgerSettings settings() {
        return FabricLedgerSettings.localNetwork(CRYPTO);
    }

    /** Runs {@code fabric.sh ARGS}, bounded to five minutes; fails with its output otherwise. */
    static String script(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("fabric-sh", ".log");
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (!finished) {
                process.destroy();
                throw new AssertionError("fabric.sh " + String.join(" ", args) + " did not finish in 5 minutes:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("fabric.sh " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run fabric.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** An enrolment with exactly the MSP and attributes asked for; the same identity gets the same enrolment. */
    static FabricIdentity enrolled(ClientIdentity identity) {
        return ENROLLED.computeIfAbsent(identity, LocalFabricNetwork::enroll);
    }

    private static FabricIdentity enroll(ClientIdentity identity) {
        TestEnrollment ca = CAS.computeIfAbsent(identity.mspId(), msp -> switch (msp) {
            case ClientIdentity.DEPARTMENT_MSP -> TestEnrollment.fromOrgFolder(
                    CRYPTO.resolve("peerOrganizations/department.academicledger.test"));
            case ClientIdentity.MINISTRY_MSP -> TestEnrollment.fromOrgFolder(
                    CRYPTO.resolve("peerOrganizations/ministry.academicledger.test"));
            default -> TestEnrollment.throwawayCa(msp.toLowerCase(java.util.Locale.ROOT) + ".test");
        });
        return ca.enroll(identity.mspId(), commonName(identity.subject()), identity.attributes());
    }

    private static String commonName(String subject) {
        for (String part : subject.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return subject;
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("network-config/scripts/fabric.sh"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no network-config/scripts/fabric.sh above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
