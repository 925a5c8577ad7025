package vn.academicledger.chaincode.fabric;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Client certificates as Fabric CA issues them: attributes as {@code {"attrs":{…}}} in the
 * extension 1.2.3.4.5.6.7.8.1, wrapped in the serialized identity a proposal's creator carries.
 */
final class FabricCaCertificates {
    static final String ATTRIBUTE_OID = "1.2.3.4.5.6.7.8.1";

    private FabricCaCertificates() {
    }

    /** The proposal creator bytes of a client of {@code mspId} with these certificate attributes. */
    static byte[] creator(String mspId, String commonName, Map<String, String> attributes) {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(pem(certificate(commonName, attributes))))
                .build()
                .toByteArray();
    }

    static X509Certificate certificate(String commonName, Map<String, String> attributes) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("C=VN,O=Department of Education,OU=client,CN=" + commonName);
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(42),
                    Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, keys.getPublic());
            if (!attributes.isEmpty()) {
                String json = new TreeMap<>(attributes).entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{\"attrs\":{", "}}"));
                builder.addExtension(new ASN1ObjectIdentifier(ATTRIBUTE_OID), false,
                        json.getBytes(StandardCharsets.UTF_8));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
