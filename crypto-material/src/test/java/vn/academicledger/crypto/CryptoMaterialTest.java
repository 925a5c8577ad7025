package vn.academicledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoMaterialTest {
    static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    @TempDir
    static Path out;
    static Path fabric;
    static Path devPki;

    @BeforeAll
    static void generate() {
        run("--out", out.toString());
        fabric = out.resolve("fabric");
        devPki = out.resolve("dev-pki");
    }

    static String run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = new picocli.CommandLine(new CryptoMaterialMain()).execute(args);
            assertThat(exit).isZero();
        } finally {
            System.setOut(previous);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    static Path org(FabricOrg org) {
        return fabric.resolve(org.folder());
    }

    static Path user(FabricOrg org, String name) {
        return org(org).resolve("users").resolve(org.user(name));
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static void verifyChain(X509Certificate anchor, X509Certificate... path) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(path)), parameters);
    }

    static String rdn(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    static void assertKeyMatches(PrivateKey key, X509Certificate certificate) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Nested
    class FabricMaterial {
        @Test
        void every_certificate_parses_and_is_signed_low_s() throws Exception {
            List<Path> pems = new ArrayList<>();
            pems.addAll(files(fabric, ".pem"));
            pems.addAll(files(fabric, ".crt"));
            assertThat(pems).hasSizeGreaterThan(40);
            for (Path pem : pems) {
                X509Certificate certificate = PemFiles.readCertificate(pem);
                ASN1Sequence signature = ASN1Sequence.getInstance(certificate.getSignature());
                BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
                assertThat(LowSEcdsaContentSigner.isLowS(s, P256_ORDER)).as(pem.toString()).isTrue();
                assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
            }
        }

        @Test
        void every_identity_chains_to_its_org_ca_and_holds_the_matching_key() throws Exception {
            for (FabricOrg org : FabricOrg.all()) {
                X509Certificate ca = PemFiles.readCertificate(org(org).resolve("ca/ca-cert.pem"));
                X509Certificate tlsCa = PemFiles.readCertificate(org(org).resolve("tlsca/tlsca-cert.pem"));
                for (Path signcert : files(org(org), "cert.pem")) {
                    if (!signcert.getParent().getFileName().toString().equals("signcerts")) {
                        continue;
                    }
                    X509Certificate leaf = PemFiles.readCertificate(signcert);
                    verifyChain(ca, leaf);
                    assertKeyMatches(PemFiles.readPrivateKey(signcert.getParent().resolveSibling("keystore/priv_sk")), leaf);
                    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
                }
                for (Path tlsCert : files(org(org), ".crt")) {
                    if (tlsCert.getFileName().toString().equals("ca.crt")) {
                        assertThat(PemFiles.readCertificate(tlsCert)).isEqualTo(tlsCa);
                        continue;
                    }
                    X509Certificate leaf = PemFiles.readCertificate(tlsCert);
                    verifyChain(tlsCa, leaf);
                    Path key = tlsCert.resolveSibling(tlsCert.getFileName().toString().replace(".crt", ".key"));
                    assertKeyMatches(PemFiles.readPrivateKey(key), leaf);
                }
            }
        }

        @Test
        void node_tls_certificates_name_loopback_and_the_host() throws Exception {
            X509Certificate peer = PemFiles.readCertificate(org(FabricOrg.DEPARTMENT)
                    .resolve("peers/peer0.department.academicledger.test/tls/server.crt"));
            Collection<List<?>> names = peer.getSubjectAlternativeNames();
            assertThat(names.stream().map(n -> String.valueOf(n.get(1))).toList())
                    .contains("127.0.0.1", "localhost", "peer0.department.academicledger.test");
            assertThat(peer.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
            X509Certificate orderer = PemFiles.readCertificate(org(FabricOrg.ORDERER)
                    .resolve("orderers/orderer0.orderer.academicledger.test/tls/server.crt"));
            assertThat(orderer.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList()).contains("127.0.0.1", "localhost");
        }

        @Test
        void every_msp_folder_turns_on_node_ous_with_its_ca() throws Exception {
            List<Path> configs = files(fabric, "config.yaml");
            assertThat(configs).hasSize(3 + 3 + 3 + 5); // org MSPs, nodes, admins, clients (dept-admin, 2 schools, the department's office, auditor)
            for (Path config : configs) {
                String yaml = Files.readString(config);
                assertThat(yaml).contains("Enable: true");
                for (String ou : List.of("client", "peer", "admin", "orderer")) {
                    assertThat(yaml).contains("OrganizationalUnitIdentifier: " + ou);
                }
                assertThat(config.resolveSibling("cacerts/ca-cert.pem")).isRegularFile();
                assertThat(config.resolveSibling("tlscacerts/tlsca-cert.pem")).isRegularFile();
            }
        }

        @Test
        void each_certificate_carries_the_node_ou_of_its_role() {
            assertThat(rdn(PemFiles.readCertificate(org(FabricOrg.ORDERER)
                    .resolve("orderers/orderer0.orderer.academicledger.test/msp/signcerts/cert.pem")), BCStyle.OU)).isEqualTo("orderer");
            assertThat(rdn(PemFiles.readCertificate(org(FabricOrg.MINISTRY)
                    .resolve("peers/peer0.ministry.academicledger.test/msp/signcerts/cert.pem")), BCStyle.OU)).isEqualTo("peer");
            assertThat(rdn(PemFiles.readCertificate(user(FabricOrg.DEPARTMENT, "Admin")
                    .resolve("msp/signcerts/cert.pem")), BCStyle.OU)).isEqualTo("admin");
            assertThat(rdn(PemFiles.readCertificate(user(FabricOrg.DEPARTMENT, "school-79000701")
                    .resolve("msp/signcerts/cert.pem")), BCStyle.OU)).isEqualTo("client");
        }

        @Test
        void school_client_carries_fabric_ca_attributes() throws Exception {
            X509Certificate school = PemFiles.readCertificate(user(FabricOrg.DEPARTMENT, "school-79000701").resolve("msp/signcerts/cert.pem"));
            assertThat(attributes(school)).isEqualTo(Map.of("attrs", Map.of(
                    "hf.EnrollmentID", "school-79000701", "hf.Type", "client", "schoolCode", "79000701", "role", "issuer")));
            assertThat(school.getNonCriticalExtensionOIDs()).contains("1.2.3.4.5.6.7.8.1");
        }

        @Test
        void the_departments_diploma_office_is_an_issuer_under_its_unit_code_by_default() throws Exception {
            X509Certificate office = PemFiles.readCertificate(user(FabricOrg.DEPARTMENT, "school-79000000").resolve("msp/signcerts/cert.pem"));
            assertThat(attributes(office)).isEqualTo(Map.of("attrs", Map.of(
                    "hf.EnrollmentID", "school-79000000", "hf.Type", "client", "schoolCode", "79000000", "role", "issuer")));
            assertThat(rdn(office, BCStyle.OU)).isEqualTo("client");
        }

        @Test
        void department_admin_and_ministry_auditor_carry_their_roles() throws Exception {
            X509Certificate admin = PemFiles.readCertificate(user(FabricOrg.DEPARTMENT, "dept-admin").resolve("msp/signcerts/cert.pem"));
            assertThat(attributes(admin)).isEqualTo(Map.of("attrs", Map.of(
                    "hf.EnrollmentID", "dept-admin", "hf.Type", "client", "role", "admin")));
            X509Certificate auditor = PemFiles.readCertificate(user(FabricOrg.MINISTRY, "auditor").resolve("msp/signcerts/cert.pem"));
            assertThat(attributes(auditor)).isEqualTo(Map.of("attrs", Map.of(
                    "hf.EnrollmentID", "auditor", "hf.Type", "client", "role", "auditor")));
        }

        @Test
        void attribute_extension_value_is_the_bare_json_as_fabric_ca_writes_it() {
            X509Certificate school = PemFiles.readCertificate(user(FabricOrg.DEPARTMENT, "school-79000702").resolve("msp/signcerts/cert.pem"));
            byte[] value = ASN1OctetString.getInstance(school.getExtensionValue("1.2.3.4.5.6.7.8.1")).getOctets();
            assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo(
                    "{\"attrs\":{\"hf.EnrollmentID\":\"school-79000702\",\"hf.Type\":\"client\",\"role\":\"issuer\",\"schoolCode\":\"79000702\"}}");
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> attributes(X509Certificate certificate) throws IOException {
            byte[] value = ASN1OctetString.getInstance(certificate.getExtensionValue("1.2.3.4.5.6.7.8.1")).getOctets();
            return new ObjectMapper().readValue(value, Map.class);
        }
    }

    @Nested
    class DevelopmentSigningPki {
        @Test
        void officials_pkcs12_opens_with_the_dev_password_and_chains_to_the_root() throws Exception {
            char[] password = Files.readString(devPki.resolve("dev-password.txt")).strip().toCharArray();
            X509Certificate root = PemFiles.readCertificate(devPki.resolve("trust-anchors.pem"));
            Path p12 = devPki.resolve("schools/79000701/officials/principal.p12");
            KeyStore store = DevelopmentPki.open(p12, password);
            java.security.cert.Certificate[] chain = store.getCertificateChain("principal");
            assertThat(chain).hasSize(4);
            X509Certificate leaf = (X509Certificate) chain[0];
            verifyChain(root, leaf, (X509Certificate) chain[1], (X509Certificate) chain[2]);
            assertKeyMatches((PrivateKey) store.getKey("principal", password), leaf);
            assertThat(rdn(leaf, BCStyle.CN)).isEqualTo("Nguyễn Thị Lan");
            assertThat(rdn(leaf, BCStyle.T)).isEqualTo("Hiệu trưởng");
        }

        @Test
        void officials_may_sign_documents_and_not_certificates() throws Exception {
            X509Certificate leaf = PemFiles.readCertificate(devPki.resolve("schools/79000702/officials/principal.pem"));
            boolean[] usage = leaf.getKeyUsage();
            assertThat(usage[0]).as("digitalSignature").isTrue();
            assertThat(usage[1]).as("nonRepudiation").isTrue();
            assertThat(usage[5]).as("keyCertSign").isFalse();
            assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
            assertThat(leaf.getExtendedKeyUsage()).containsExactly(DevelopmentPki.DOCUMENT_SIGNING, DevelopmentPki.EMAIL_PROTECTION);
        }

        @Test
        void ca_path_lengths_shrink_towards_the_schools() {
            assertThat(PemFiles.readCertificate(devPki.resolve("root-ca/cert.pem")).getBasicConstraints()).isEqualTo(2);
            assertThat(PemFiles.readCertificate(devPki.resolve("department-ca/cert.pem")).getBasicConstraints()).isEqualTo(1);
            assertThat(PemFiles.readCertificate(devPki.resolve("schools/79000701/ca/cert.pem")).getBasicConstraints()).isZero();
        }

        @Test
        void every_school_has_its_officials() throws IOException {
            assertThat(files(devPki.resolve("schools/79000701/officials"), ".p12")).hasSize(4);
            assertThat(files(devPki.resolve("schools/79000702/officials"), ".p12")).hasSize(2);
        }

        @Test
        void the_departments_own_office_gets_no_school_signing_ca() {
            assertThat(devPki.resolve("schools/79000000")).doesNotExist();
            assertThat(devPki.resolve("department-ca/cert.pem")).isRegularFile();
            assertThat(devPki.resolve("department-ca/officials/director.p12")).isRegularFile();
        }

        @Test
        void the_command_line_also_writes_the_time_stamping_authority_and_a_crl_of_every_ca() {
            assertThat(devPki.resolve("tsa/tsa.p12")).isRegularFile();
            assertThat(devPki.resolve("crl")).isDirectoryContaining("glob:**/root-ca.crl")
                    .isDirectoryContaining("glob:**/department-ca.crl")
                    .isDirectoryContaining("glob:**/school-79000701-ca.crl")
                    .isDirectoryContaining("glob:**/school-79000702-ca.crl");
        }
    }

    @Nested
    class WhenRunAgain {
        @Test
        void keeps_existing_material_and_writes_nothing() throws IOException {
            Path cert = user(FabricOrg.DEPARTMENT, "school-79000701").resolve("msp/signcerts/cert.pem");
            byte[] before = Files.readAllBytes(cert);
            String output = run("--out", out.toString());
            assertThat(output).contains("Nothing to do");
            assertThat(Files.readAllBytes(cert)).isEqualTo(before);
        }

        @Test
        void adds_a_new_school_without_touching_the_others(@TempDir Path copy) throws IOException {
            run("--out", copy.toString(), "--schools", "79000701");
            Path existing = copy.resolve("fabric").resolve(FabricOrg.DEPARTMENT.folder())
                    .resolve("users/school-79000701@department.academicledger.test/msp/signcerts/cert.pem");
            byte[] before = Files.readAllBytes(existing);
            String output = run("--out", copy.toString(), "--schools", "79000701,79000999");
            assertThat(output).contains("school-79000999").doesNotContain("school-79000701@");
            assertThat(Files.readAllBytes(existing)).isEqualTo(before);
        }

        @Test
        void reissues_identities_when_their_ca_was_replaced(@TempDir Path copy) throws Exception {
            run("--out", copy.toString(), "--only", "fabric");
            Path orgDir = copy.resolve("fabric").resolve(FabricOrg.MINISTRY.folder());
            Files.delete(orgDir.resolve("ca/priv_sk"));
            run("--out", copy.toString(), "--only", "fabric");
            X509Certificate ca = PemFiles.readCertificate(orgDir.resolve("ca/ca-cert.pem"));
            verifyChain(ca, PemFiles.readCertificate(orgDir.resolve("users/auditor@ministry.academicledger.test/msp/signcerts/cert.pem")));
            assertThat(PemFiles.readCertificate(orgDir.resolve("msp/cacerts/ca-cert.pem"))).isEqualTo(ca);
        }

        @Test
        void with_force_generates_everything_anew(@TempDir Path copy) {
            run("--out", copy.toString(), "--only", "devpki");
            Path root = copy.resolve("dev-pki/root-ca/cert.pem");
            X509Certificate before = PemFiles.readCertificate(root);
            run("--out", copy.toString(), "--only", "devpki", "--force");
            assertThat(PemFiles.readCertificate(root)).isNotEqualTo(before);
        }
    }

    @Nested
    class LowS {
        @Test
        void flips_a_high_s_into_the_lower_half() throws Exception {
            BigInteger high = P256_ORDER.subtract(BigInteger.TEN);
            byte[] der = new org.bouncycastle.asn1.DERSequence(new ASN1Integer[] {
                    new ASN1Integer(BigInteger.valueOf(7)), new ASN1Integer(high)}).getEncoded();
            ASN1Sequence fixed = ASN1Sequence.getInstance(LowSEcdsaContentSigner.toLowS(der, P256_ORDER));
            assertThat(ASN1Integer.getInstance(fixed.getObjectAt(1)).getValue()).isEqualTo(BigInteger.TEN);
            assertThat(ASN1Integer.getInstance(fixed.getObjectAt(0)).getValue()).isEqualTo(BigInteger.valueOf(7));
        }
    }
}
