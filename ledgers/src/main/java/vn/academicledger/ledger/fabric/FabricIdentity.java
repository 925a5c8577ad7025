package vn.academicledger.ledger.fabric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.identity.Identities;
import vn.academicledger.core.ledger.ClientIdentity;

/**
 * A client's enrolment: its MSP id, its certificate and the private key that signs its
 * transactions. The key stays in memory; an HSM-backed signer would replace {@link #privateKey()}.
 */
public record FabricIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {
    public FabricIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * Reads a Fabric MSP folder as cryptogen or our crypto-material generator writes it: the
     * certificate in {@code signcerts/} and the one key file in {@code keystore/}.
     */
    public static FabricIdentity fromMspDirectory(String mspId, Path mspDirectory) {
        Path certificate = single(mspDirectory.resolve("signcerts"));
        Path key = single(mspDirectory.resolve("keystore"));
        try (Reader certificateReader = Files.newBufferedReader(certificate);
             Reader keyReader = Files.newBufferedReader(key)) {
            return new FabricIdentity(mspId, Identities.readX509Certificate(certificateReader),
                    Identities.readPrivateKey(keyReader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity in " + mspDirectory, e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new IllegalArgumentException("unreadable identity in " + mspDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * This identity, once its certificate is seen to carry each of {@code wanted} (name to value) as a
     * Fabric CA attribute: a folder holding another role's or another school's certificate is refused
     * rather than acted as.
     *
     * @param from where the identity was read, for the message
     */
    public FabricIdentity requireAttributes(Map<String, String> wanted, Path from) {
        Map<String, String> carried = CertificateAttributes.of(certificate);
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(carried.get(w.getKey()))) {
                throw new IllegalStateException("The certificate in " + from + " carries " + w.getKey() + "="
                        + carried.get(w.getKey()) + ", not " + w.getValue() + ": regenerate the crypto material");
            }
        }
        return this;
    }

    /** The identity as the contract sees it: MSP, subject and the certificate's Fabric CA attributes. */
    public ClientIdentity clientIdentity() {
        return new ClientIdentity(mspId, certificate.getSubjectX500Principal().getName(),
                CertificateAttributes.of(certificate));
    }

    private static Path single(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            if (regular.size() != 1) {
                throw new IllegalArgumentException("expected exactly one file in " + directory + ", found " + regular.size());
            }
            return regular.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
