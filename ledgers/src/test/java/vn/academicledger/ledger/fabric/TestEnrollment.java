package vn.academicledger.ledger.fabric;

import vn.academicledger.crypto.LowSEcdsaContentSigner;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.hyperledger.fabric.client.identity.Identities;

/**
 * Enrols test clients the way Fabric CA would: a P-256 key and a certificate signed by an org's
 * CA, with NodeOU {@code client} and Fabric CA's attribute extension. The live-network tests use
 * the CA keys that crypto-material generated, so the suite can ask for any school's issuer.
 */
final class TestEnrollment {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    TestEnrollment(X509Certificate caCertificate, PrivateKey caKey) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** The CA of an org folder written by crypto-material ({@code ca/ca-cert.pem}, {@code ca/priv_sk}). */
    static TestEnrollment fromOrgFolder(Path orgFolder) {
        try (Reader certificate = Files.newBufferedReader(orgFolder.resolve("ca/ca-cert.pem"));
             Reader key = Files.newBufferedReader(orgFolder.resolve("ca/priv_sk"))) {
            return new TestEnrollment(Identities.readX509Certificate(certificate), Identities.readPrivateKey(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA of its own, which no channel knows. */
    static TestEnrollment throwawayCa(String name) {
        KeyPair pair = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, name).addRDN(BCStyle.CN, "ca." + name).build();
        X509Certificate certificate = build(subject, subject, pair.getPublic(), (ECPrivateKey) pair.getPrivate(), true, Map.of());
        return new TestEnrollment(certificate, pair.getPrivate());
    }

    X509Certificate caCertificate() {
        return caCertificate;
    }

    FabricIdentity enroll(String mspId, String enrollmentId, Map<String, String> attributes) {
        KeyPair pair = newKeyPair();
        Map<String, String> attrs = new TreeMap<>(attributes);
        attrs.put("hf.EnrollmentID", enrollmentId);
        attrs.put("hf.Type", "client");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN").addRDN(BCStyle.OU, "client").addRDN(BCStyle.CN, enrollmentId).build();
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        return new FabricIdentity(mspId, build(subject, issuer, pair.getPublic(), (ECPrivateKey) caKey, false, attrs),
                pair.getPrivate());
    }

    /** Writes an identity as an MSP folder (signcerts/, keystore/, cacerts/). */
    void writeMspFolder(FabricIdentity identity, Path msp) throws IOException {
        Files.createDirectories(msp.resolve("signcerts"));
        Files.createDirectories(msp.resolve("keystore"));
        Files.createDirectories(msp.resolve("cacerts"));
        Files.writeString(msp.resolve("signcerts/cert.pem"), Identities.toPemString(identity.certificate()));
        Files.writeString(msp.resolve("keystore/priv_sk"), Identities.toPemString(identity.privateKey()));
        Files.writeString(msp.resolve("cacerts/ca-cert.pem"), Identities.toPemString(caCertificate));
    }

    static String attributesJson(Map<String, String> attributes) {
        StringBuilder json = new StringBuilder("{\"attrs\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\":\"").append(entry.getValue()).append('"');
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Name subject, X500Name issuer, java.security.PublicKey publicKey,
                                         ECPrivateKey signingKey, boolean ca, Map<String, String> attributes) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject, publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature));
            if (!attributes.isEmpty()) {
                builder.addExtension(new ASN1ObjectIdentifier(CertificateAttributes.OID), false,
                        attributesJson(attributes).getBytes(StandardCharsets.UTF_8));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new LowSEcdsaContentSigner(signingKey)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
