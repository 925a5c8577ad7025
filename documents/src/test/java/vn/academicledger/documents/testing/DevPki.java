package vn.academicledger.documents.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.academicledger.crypto.DevelopmentPki;
import vn.academicledger.crypto.SchoolOfficials;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.OfficialSigner;
import vn.academicledger.documents.sign.Pkcs12OfficialSigner;
import vn.academicledger.documents.sign.RevocationSource;

/**
 * crypto-material's development PKI ({@link DevelopmentPki#ensure} with the development officials),
 * generated into a temporary folder once per test JVM (nothing enters git), in the shape these tests
 * use: the homeroom teacher of the sample class 12A1, the principal, the Department's director, the
 * time-stamping authority, the PKI's CRLs, and — issued here with the CAs' keys — CRLs that revoke
 * a given certificate.
 */
public final class DevPki {
    public static final String SCHOOL = SchoolOfficials.SAMPLE_SCHOOL_CODE;
    private static DevPki shared;

    public final DevelopmentPki pki;
    public final Path dir;
    public final char[] password;
    public final Authority root;
    public final Authority department;
    public final Authority school;
    public final Issued homeroomTeacher;
    public final Issued principal;
    public final Issued director;
    public final Issued tsa;

    /** A CA: certificate and key, read from the dev PKI's PEM files. */
    public record Authority(X509Certificate certificate, PrivateKey key) {
    }

    /** A key of the PKI with its chain (leaf first, root last) and PKCS#12 file. */
    public record Issued(List<X509Certificate> chain, PrivateKey key, Path p12) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /** One PKI per test JVM, deleted when the JVM exits. */
    public static synchronized DevPki shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("dev-pki-");
                shared = new DevPki(dir.resolve("dev-pki"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private DevPki(Path dir) {
        this.dir = dir;
        pki = DevelopmentPki.ensure(dir, SchoolOfficials.developmentDefaults());
        password = pki.password();
        root = authority(dir.resolve("root-ca"));
        department = authority(dir.resolve("department-ca"));
        school = authority(dir.resolve("schools").resolve(SCHOOL).resolve("ca"));
        homeroomTeacher = issued(pki.official(SCHOOL, SchoolOfficials.homeroomTeacherId("12A1")));
        principal = issued(pki.official(SCHOOL, SchoolOfficials.PRINCIPAL));
        director = issued(pki.official(SchoolOfficials.DEPARTMENT_CODE, SchoolOfficials.DIRECTOR));
        tsa = issued(pki.timestampingAuthority());
    }

    private Issued issued(DevelopmentPki.Identity identity) {
        return new Issued(identity.chain(), pki.privateKey(identity), identity.p12());
    }

    public List<X509Certificate> trustAnchors() {
        return pki.trustAnchors();
    }

    public OfficialSigner principal() {
        return Pkcs12OfficialSigner.open(principal.p12(), password, null);
    }

    public Path principalP12() {
        return principal.p12();
    }

    public OfficialSigner homeroomTeacherSigner() {
        return Pkcs12OfficialSigner.open(homeroomTeacher.p12(), password, null);
    }

    public OfficialSigner directorSigner() {
        return Pkcs12OfficialSigner.open(director.p12(), password, null);
    }

    public LocalTimestampAuthority timestampAuthority() {
        return new LocalTimestampAuthority(tsa.key(), tsa.chain());
    }

    /** The PKI's CRLs; with {@code revoked}, fresh CRLs of the root, department and school CAs that revoke them. */
    public List<X509CRL> crls(X509Certificate... revoked) {
        if (revoked.length == 0) {
            return pki.crls();
        }
        return List.of(crl(root, revoked), crl(department, revoked), crl(school, revoked));
    }

    public RevocationSource revocationSource(X509Certificate... revoked) {
        return RevocationSource.of(crls(revoked));
    }

    private static X509CRL crl(Authority ca, X509Certificate... revoked) {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                    ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            for (X509Certificate r : revoked) {
                if (r.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
                    builder.addCRLEntry(r.getSerialNumber(), Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
                }
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            byte[] point = SubjectPublicKeyInfo.getInstance(ca.certificate().getPublicKey().getEncoded())
                    .getPublicKeyData().getBytes();
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                    MessageDigest.getInstance("SHA-256").digest(point)));
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a CRL", e);
        }
    }

    private static Authority authority(Path dir) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate;
            try (var in = Files.newInputStream(dir.resolve("cert.pem"))) {
                certificate = (X509Certificate) factory.generateCertificate(in);
            }
            String pem = Files.readString(dir.resolve("key.pem"), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new Authority(certificate, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable dev CA in " + dir, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
