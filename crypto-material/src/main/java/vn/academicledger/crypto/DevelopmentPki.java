package vn.academicledger.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The development PKI for officials' document signatures (PAdES on report cards and diplomas):
 *
 * <pre>
 * dev-pki/root-ca/{cert.pem,key.pem}            Academic Ledger development root
 * dev-pki/department-ca/{cert.pem,key.pem}      Sở GDĐT signing CA (path length 1)
 * dev-pki/schools/79000701/ca/{cert.pem,key.pem}  the school's signing CA (path length 0)
 * dev-pki/schools/79000701/officials/principal.p12 (+ .pem)   and homeroom teachers
 * dev-pki/dev-password.txt                       password of every .p12 (random, kept across runs)
 * </pre>
 *
 * Officials' certificates carry key usage digitalSignature + nonRepudiation and the
 * documentSigning extended key usage (RFC 9336). Nothing here is for production: real
 * officials' keys live in an HSM under a qualified CA.
 */
final class DevelopmentPki {
    static final String PASSWORD_FILE = "dev-password.txt";
    /** id-kp-documentSigning, RFC 9336. */
    static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration OFFICIAL_VALIDITY = Duration.ofDays(825);

    /** An official of a school: file name, full name, title as printed on documents. */
    record Official(String id, String name, String title) {
    }

    private static final List<List<Official>> STAFF = List.of(
            List.of(new Official("principal", "Nguyễn Thị Lan", "Hiệu trưởng"),
                    new Official("homeroom-10a1", "Trần Văn Minh", "Giáo viên chủ nhiệm lớp 10A1"),
                    new Official("homeroom-12a2", "Lê Thị Hoa", "Giáo viên chủ nhiệm lớp 12A2")),
            List.of(new Official("principal", "Phạm Quốc Bảo", "Hiệu trưởng"),
                    new Official("homeroom-11b3", "Võ Thị Thu", "Giáo viên chủ nhiệm lớp 11B3")));

    private final Path root;
    private final List<String> schoolCodes;
    private final PrintStream log;
    private int written;

    DevelopmentPki(Path root, List<String> schoolCodes, PrintStream log) {
        this.root = root;
        this.schoolCodes = List.copyOf(schoolCodes);
        this.log = log;
    }

    static List<Official> officialsOf(int schoolIndex) {
        return STAFF.get(schoolIndex % STAFF.size());
    }

    static String schoolName(String code) {
        return "Trường THPT thử nghiệm " + code;
    }

    int generate() {
        char[] password = password();
        CertificateAuthority rootCa = loadOrCreate(root.resolve("root-ca"), null, name(
                "Academic Ledger Development Root CA", "Academic Ledger (development only)", null), 2);
        CertificateAuthority departmentCa = loadOrCreate(root.resolve("department-ca"), rootCa, name(
                "Sở GDĐT TP.HCM Document Signing CA (development)", FabricOrg.DEPARTMENT.displayName(), null), 1);
        PemFiles.writeCertificate(root.resolve("trust-anchors.pem"), rootCa.certificate());
        for (int i = 0; i < schoolCodes.size(); i++) {
            String code = schoolCodes.get(i);
            Path schoolDir = root.resolve("schools").resolve(code);
            CertificateAuthority schoolCa = loadOrCreate(schoolDir.resolve("ca"), departmentCa, name(
                    schoolName(code) + " Signing CA", schoolName(code), null), 0);
            for (Official official : officialsOf(i)) {
                official(schoolDir.resolve("officials"), official, code, schoolCa, departmentCa, rootCa, password);
            }
        }
        return written;
    }

    /** The password of every .p12 this PKI writes; created once, random, then reused. */
    private char[] password() {
        Path file = root.resolve(PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = "dev-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PemFiles.writeText(file, password + "\n", true);
        written++;
        return password.toCharArray();
    }

    private CertificateAuthority loadOrCreate(Path dir, CertificateAuthority parent, X500Name subject, int pathLength) {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            CertificateAuthority existing = new CertificateAuthority(
                    new Credential(PemFiles.readCertificate(cert), PemFiles.readPrivateKey(key)));
            if (parent == null || parent.issued(existing.certificate())) {
                return existing;
            }
        }
        CertificateSpec spec = new CertificateSpec(subject, true, pathLength,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(), List.of(), List.of(), Map.of(), CA_VALIDITY);
        CertificateAuthority ca = parent == null ? CertificateAuthority.selfSigned(spec) : parent.issueAuthority(spec);
        PemFiles.writePrivateKey(key, ca.credential().privateKey());
        PemFiles.writeCertificate(cert, ca.certificate());
        log.println("  dev CA  " + root.relativize(cert));
        written++;
        return ca;
    }

    private void official(Path dir, Official official, String schoolCode, CertificateAuthority schoolCa,
                          CertificateAuthority departmentCa, CertificateAuthority rootCa, char[] password) {
        Path p12 = dir.resolve(official.id() + ".p12");
        Path pem = dir.resolve(official.id() + ".pem");
        if (Files.isRegularFile(p12) && Files.isRegularFile(pem) && schoolCa.issued(PemFiles.readCertificate(pem))) {
            return;
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.L, "Ho Chi Minh City")
                .addRDN(BCStyle.O, schoolName(schoolCode))
                .addRDN(BCStyle.T, official.title())
                .addRDN(BCStyle.CN, official.name())
                .build();
        Credential credential = schoolCa.issue(new CertificateSpec(subject, false, -1,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of(DOCUMENT_SIGNING),
                List.of(), List.of(), Map.of(), OFFICIAL_VALIDITY));
        X509Certificate[] chain = {credential.certificate(), schoolCa.certificate(), departmentCa.certificate(), rootCa.certificate()};
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(official.id(), credential.privateKey(), password, (Certificate[]) chain);
            Files.createDirectories(dir);
            Path temporary = dir.resolve(official.id() + ".p12.tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            Files.move(temporary, p12, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + p12, e);
        }
        PemFiles.writeCertificate(pem, chain);
        log.println("  official " + root.relativize(p12) + " (" + official.name() + ", " + official.title() + ")");
        written++;
    }

    static KeyStore open(Path p12, char[] password) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + p12, e);
        }
    }

    private static X500Name name(String commonName, String organisation, String unit) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organisation);
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }
}
