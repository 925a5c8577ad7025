package vn.academicledger.crypto;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Writes the MSP and TLS material of the Fabric network, laid out as cryptogen does so Fabric's
 * tools and samples read it unchanged:
 *
 * <pre>
 * fabric/peerOrganizations/department.academicledger.test/
 *   ca/ca-cert.pem, ca/priv_sk           signing (enrollment) CA
 *   tlsca/tlsca-cert.pem, tlsca/priv_sk  TLS CA
 *   msp/                                  the org's MSP for the channel configuration
 *   peers/peer0.department.academicledger.test/{msp,tls}
 *   users/Admin@department.academicledger.test/{msp,tls}         Fabric admin (OU admin)
 *   users/dept-admin@department.academicledger.test/{msp,tls}    client, role=admin
 *   users/school-79000701@department.academicledger.test/{msp,tls}  client, role=issuer
 * </pre>
 *
 * Existing material is kept: a CA is loaded when its certificate and key exist, and an identity is
 * reissued only when missing or no longer issued by its CA.
 */
final class FabricNetworkMaterial {
    static final String CA_KEY_FILE = "priv_sk";
    static final String TLS_CA_CERT_FILE = "tlsca-cert.pem";
    static final List<String> LOOPBACK_DNS = List.of("localhost");
    static final List<String> LOOPBACK_IP = List.of("127.0.0.1");
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    static final String DEPARTMENT_ADMIN = "dept-admin";
    static final String MINISTRY_AUDITOR = "auditor";

    private final Path root;
    private final List<String> schoolCodes;
    private final PrintStream log;
    private int written;

    FabricNetworkMaterial(Path root, List<String> schoolCodes, PrintStream log) {
        this.root = root;
        this.schoolCodes = List.copyOf(schoolCodes);
        this.log = log;
    }

    /** Generates whatever is missing; returns how many identities or CAs were written. */
    int generate() {
        for (FabricOrg org : FabricOrg.all()) {
            generate(org);
        }
        return written;
    }

    static String schoolUser(String schoolCode) {
        return "school-" + schoolCode;
    }

    private void generate(FabricOrg org) {
        Path orgDir = root.resolve(org.folder());
        CertificateAuthority ca = loadOrCreateCa(orgDir.resolve("ca"), NodeOus.CA_CERT_FILE, caSubject("ca." + org.domain(), org));
        CertificateAuthority tlsCa = loadOrCreateCa(orgDir.resolve("tlsca"), TLS_CA_CERT_FILE, caSubject("tlsca." + org.domain(), org));

        // The org's verifying MSP, as the channel configuration references it.
        writeMspTrust(orgDir.resolve("msp"), ca, tlsCa);

        for (String node : org.nodes()) {
            String host = org.host(node);
            Path nodeDir = orgDir.resolve(org.nodesFolder()).resolve(host);
            identity(nodeDir.resolve("msp"), ca, tlsCa, leafSubject(host, org.nodeOu(), org), Map.of());
            tls(nodeDir.resolve("tls"), tlsCa, host, true);
        }

        identity(orgDir.resolve("users").resolve(org.user("Admin")).resolve("msp"), ca, tlsCa,
                leafSubject(org.user("Admin"), "admin", org), Map.of());
        tls(orgDir.resolve("users").resolve(org.user("Admin")).resolve("tls"), tlsCa, org.user("Admin"), false);

        Map<String, Map<String, String>> clients = new LinkedHashMap<>();
        if (org.equals(FabricOrg.DEPARTMENT)) {
            clients.put(DEPARTMENT_ADMIN, attributes(DEPARTMENT_ADMIN, Map.of("role", "admin")));
            for (String code : schoolCodes) {
                clients.put(schoolUser(code), attributes(schoolUser(code), Map.of("role", "issuer", "schoolCode", code)));
            }
        } else if (org.equals(FabricOrg.MINISTRY)) {
            clients.put(MINISTRY_AUDITOR, attributes(MINISTRY_AUDITOR, Map.of("role", "auditor")));
        }
        for (Map.Entry<String, Map<String, String>> client : clients.entrySet()) {
            Path userDir = orgDir.resolve("users").resolve(org.user(client.getKey()));
            identity(userDir.resolve("msp"), ca, tlsCa, leafSubject(client.getKey(), "client", org), client.getValue());
            tls(userDir.resolve("tls"), tlsCa, org.user(client.getKey()), false);
        }
    }

    private static Map<String, String> attributes(String enrollmentId, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("hf.EnrollmentID", enrollmentId);
        attributes.put("hf.Type", "client");
        attributes.putAll(extra);
        return attributes;
    }

    private CertificateAuthority loadOrCreateCa(Path dir, String certFile, X500Name subject) {
        Path cert = dir.resolve(certFile);
        Path key = dir.resolve(CA_KEY_FILE);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return new CertificateAuthority(new Credential(PemFiles.readCertificate(cert), PemFiles.readPrivateKey(key)));
        }
        CertificateAuthority ca = CertificateAuthority.selfSigned(new CertificateSpec(subject, true, 1,
                KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature,
                List.of(KeyPurposeId.id_kp_clientAuth.getId(), KeyPurposeId.id_kp_serverAuth.getId()),
                List.of(), List.of(), Map.of(), CA_VALIDITY));
        PemFiles.writePrivateKey(key, ca.credential().privateKey());
        PemFiles.writeCertificate(cert, ca.certificate());
        log.println("  CA      " + root.relativize(cert));
        written++;
        return ca;
    }

    private void writeMspTrust(Path msp, CertificateAuthority ca, CertificateAuthority tlsCa) {
        PemFiles.writeCertificate(msp.resolve("cacerts").resolve(NodeOus.CA_CERT_FILE), ca.certificate());
        PemFiles.writeCertificate(msp.resolve("tlscacerts").resolve(TLS_CA_CERT_FILE), tlsCa.certificate());
        PemFiles.writeText(msp.resolve("config.yaml"), NodeOus.configYaml(), false);
    }

    /** A local MSP folder: trust anchors, NodeOU config, signing certificate and its key. */
    private void identity(Path msp, CertificateAuthority ca, CertificateAuthority tlsCa, X500Name subject,
                          Map<String, String> attributes) {
        writeMspTrust(msp, ca, tlsCa);
        Path cert = msp.resolve("signcerts").resolve("cert.pem");
        Path key = msp.resolve("keystore").resolve(CA_KEY_FILE);
        if (current(cert, key, ca)) {
            return;
        }
        Credential credential = ca.issue(new CertificateSpec(subject, false, -1, KeyUsage.digitalSignature,
                List.of(), List.of(), List.of(), attributes, LEAF_VALIDITY));
        PemFiles.writePrivateKey(key, credential.privateKey());
        PemFiles.writeCertificate(cert, credential.certificate());
        log.println("  signing " + root.relativize(cert));
        written++;
    }

    /** TLS material: {@code ca.crt} plus {@code server.crt/key} for nodes or {@code client.crt/key} for users. */
    private void tls(Path dir, CertificateAuthority tlsCa, String name, boolean server) {
        PemFiles.writeCertificate(dir.resolve("ca.crt"), tlsCa.certificate());
        String base = server ? "server" : "client";
        Path cert = dir.resolve(base + ".crt");
        Path key = dir.resolve(base + ".key");
        if (current(cert, key, tlsCa)) {
            return;
        }
        List<String> dns = server ? List.of(name, LOOPBACK_DNS.get(0)) : List.of();
        List<String> ips = server ? LOOPBACK_IP : List.of();
        List<String> purposes = server
                ? List.of(KeyPurposeId.id_kp_serverAuth.getId(), KeyPurposeId.id_kp_clientAuth.getId())
                : List.of(KeyPurposeId.id_kp_clientAuth.getId());
        Credential credential = tlsCa.issue(new CertificateSpec(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.L, "Ho Chi Minh City")
                        .addRDN(BCStyle.CN, name).build(),
                false, -1, KeyUsage.digitalSignature, purposes, dns, ips, Map.of(), LEAF_VALIDITY));
        PemFiles.writePrivateKey(key, credential.privateKey());
        PemFiles.writeCertificate(cert, credential.certificate());
        log.println("  TLS     " + root.relativize(cert));
        written++;
    }

    private static boolean current(Path cert, Path key, CertificateAuthority issuer) {
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            return false;
        }
        X509Certificate existing = PemFiles.readCertificate(cert);
        return issuer.issued(existing);
    }

    private static X500Name caSubject(String commonName, FabricOrg org) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.L, "Ho Chi Minh City")
                .addRDN(BCStyle.O, org.displayName())
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X500Name leafSubject(String commonName, String nodeOu, FabricOrg org) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.L, "Ho Chi Minh City")
                .addRDN(BCStyle.O, org.domain())
                .addRDN(BCStyle.OU, nodeOu)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
