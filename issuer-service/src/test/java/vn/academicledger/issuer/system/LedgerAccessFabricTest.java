package vn.academicledger.issuer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;

/**
 * {@code issuer.ledger.kind=fabric}: the service's ports go through the Fabric gateway as the
 * department's and each school's client identity from the crypto material. No Fabric network runs
 * here (the live stage of {@code ./ledger test} runs one where its binaries can be had), so this
 * checks the wiring against a gateway address nothing listens on: the calls reach the gateway client
 * and fail as the ledger being unavailable (which the outbox retries); a school without an identity
 * is refused with the folder it needs, and one whose folder holds another school's certificate too.
 */
class LedgerAccessFabricTest {
    private static final String DOMAIN = "department.academicledger.test";

    @TempDir
    Path crypto;

    @Test
    void ports_go_through_the_gateway_as_the_department_and_each_school() throws Exception {
        Path users = crypto.resolve("peerOrganizations").resolve(DOMAIN).resolve("users");
        msp(users.resolve("dept-admin@" + DOMAIN).resolve("msp"), "dept-admin", "{\"role\":\"admin\"}");
        msp(users.resolve("school-79000701@" + DOMAIN).resolve("msp"), "school-79000701",
                "{\"role\":\"issuer\",\"schoolCode\":\"79000701\"}");
        // A folder named for one school holding another school's certificate.
        msp(users.resolve("school-79000702@" + DOMAIN).resolve("msp"), "school-79000702",
                "{\"role\":\"issuer\",\"schoolCode\":\"79000701\"}");
        Path tlsCa = crypto.resolve("peerOrganizations").resolve(DOMAIN).resolve("tlsca").resolve("tlsca-cert.pem");
        Files.createDirectories(tlsCa.getParent());
        pem(tlsCa, certificate(keyPair(), "tlsca." + DOMAIN, null));

        try (LedgerAccess ledger = new LedgerAccess(fabric("127.0.0.1:" + closedPort()), noWrappers())) {
            assertThat(ledger.ledgerName()).isEqualTo("fabric:academic/academic-ledger");
            assertThat(ledger.department().identity().mspId()).isEqualTo("DepartmentMSP");
            assertThat(ledger.department().identity().subject()).contains("CN=dept-admin");
            assertThat(ledger.school("79000701").identity().subject()).contains("CN=school-79000701");

            assertThatThrownBy(() -> ledger.department().findIssuer("79000701"))
                    .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.errorCode()).isEqualTo(LedgerErrorCode.UNAVAILABLE));

            assertThatThrownBy(() -> ledger.school("79000799"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("school 79000799")
                    .hasMessageContaining("school-79000799@" + DOMAIN);

            assertThatThrownBy(() -> ledger.school("79000702"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("schoolCode=79000701, not 79000702");
        }
    }

    @Test
    void the_gateway_peer_must_be_host_and_port() {
        for (String peer : new String[]{"peer0.department", "peer0.department:", "peer0.department:grpc", ":7051"}) {
            assertThatThrownBy(() -> LedgerAccess.settings(fabric(peer).ledger().fabric()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        }
        assertThat(LedgerAccess.settings(fabric("peer0.department.academicledger.test:7051").ledger().fabric()).gatewayPeers())
                .containsOnlyKeys("DepartmentMSP");
    }

    @Test
    void a_missing_department_identity_stops_the_start_with_the_folder_it_needs() {
        assertThatThrownBy(() -> new LedgerAccess(fabric("127.0.0.1:7051"), noWrappers()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dept-admin@" + DOMAIN);
    }

    private IssuerProperties fabric(String peer) {
        Map<String, Object> map = new HashMap<>();
        map.put("issuer.ledger.kind", "fabric");
        map.put("issuer.ledger.fabric.peer", peer);
        map.put("issuer.ledger.fabric.crypto-dir", crypto.toString());
        return new Binder(new MapConfigurationPropertySource(map)).bind("issuer", IssuerProperties.class).get();
    }

    private static org.springframework.beans.factory.ObjectProvider<LedgerAccess.PortWrapper> noWrappers() {
        return new StaticListableBeanFactory().getBeanProvider(LedgerAccess.PortWrapper.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An MSP folder whose certificate carries {@code attributes} (JSON) as Fabric CA writes them. */
    private static void msp(Path msp, String commonName, String attributes) throws Exception {
        KeyPair pair = keyPair();
        Files.createDirectories(msp.resolve("signcerts"));
        Files.createDirectories(msp.resolve("keystore"));
        pem(msp.resolve("signcerts").resolve("cert.pem"), certificate(pair, commonName, attributes));
        try (Writer w = Files.newBufferedWriter(msp.resolve("keystore").resolve("key.pem"));
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair pair, String commonName, String attributes) throws Exception {
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic());
        if (attributes != null) {
            // The extension's value is the JSON itself, as Fabric CA writes it.
            builder.addExtension(new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1"), false,
                    ("{\"attrs\":" + attributes + "}").getBytes(StandardCharsets.UTF_8));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static void pem(Path file, Object object) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(object);
        }
    }
}
