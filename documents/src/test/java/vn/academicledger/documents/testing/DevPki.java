package vn.academicledger.documents.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import picocli.CommandLine;
import vn.academicledger.crypto.CryptoMaterialMain;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.OfficialSigner;
import vn.academicledger.documents.sign.Pkcs12OfficialSigner;
import vn.academicledger.documents.sign.RevocationSource;

/**
 * The development PKI of crypto-material, generated into a temporary folder at test time (nothing
 * enters git), plus what it does not have yet and these tests need, issued here with the dev CAs'
 * keys: the homeroom teacher of the sample class 12A1, the Department's director (Giám đốc Sở GDĐT),
 * a time-stamping authority certificate (critical timeStamping EKU, issued by the dev root) and CRLs
 * from every dev CA.
 */
public final class DevPki {
    public static final String SCHOOL = "79000701";
    private static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    /**
     * id-kp-emailProtection. NSS (and so pdfsig and LibreOffice) checks a PDF signer's certificate for
     * the e-mail signer usage and refuses one whose EKU lacks it ("Certificate type not approved for
     * application"); the officials issued here carry it next to documentSigning, crypto-material's
     * principal does not yet.
     */
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static DevPki shared;

    public final Path dir;
    public final char[] password;
    public final Authority root;
    public final Authority department;
    public final Authority school;
    public final Issued homeroomTeacher;
    public final Issued director;
    public final Issued tsa;
    private final Path principalP12;

    /** A CA: certificate and key, read from the dev PKI's PEM files. */
    public record Authority(X509Certificate certificate, PrivateKey key) {
    }

    /** A certificate issued here with its key and chain (leaf first, root last). */
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
                shared = new DevPki(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private DevPki(Path out) throws IOException {
        int exit = new CommandLine(new CryptoMaterialMain()).execute("--out", out.toString(), "--only", "devpki",
                "--schools", SCHOOL);
        if (exit != 0) {
            throw new IllegalStateException("crypto-material --only devpki exited " + exit);
        }
        dir = out.resolve("dev-pki");
        password = Files.readString(dir.resolve("dev-password.txt"), StandardCharsets.UTF_8).strip().toCharArray();
        root = authority(dir.resolve("root-ca"));
        department = authority(dir.resolve("department-ca"));
        school = authority(dir.resolve("schools").resolve(SCHOOL).resolve("ca"));
        principalP12 = dir.resolve("schools").resolve(SCHOOL).resolve("officials").resolve("principal.p12");
        homeroomTeacher = issue(official("Phạm Thị Thanh Hương", "Giáo viên chủ nhiệm lớp 12A1",
                "Trường THPT thử nghiệm " + SCHOOL), school, List.of(school, department, root),
                Duration.ofDays(825), List.of(DOCUMENT_SIGNING, EMAIL_PROTECTION), false, "homeroom-12a1");
        director = issue(official("Trần Quang Minh", "Giám đốc Sở Giáo dục và Đào tạo",
                "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"), department, List.of(department, root),
                Duration.ofDays(825), List.of(DOCUMENT_SIGNING, EMAIL_PROTECTION), false, "department-director");
        tsa = issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                        .addRDN(BCStyle.O, "Academic Ledger (development only)")
                        .addRDN(BCStyle.CN, "Academic Ledger Development TSA").build(), root, List.of(root),
                Duration.ofDays(3650), List.of("1.3.6.1.5.5.7.3.8"), true, "tsa");
    }

    public List<X509Certificate> trustAnchors() {
        return List.of(root.certificate());
    }

    public OfficialSigner principal() {
        return Pkcs12OfficialSigner.open(principalP12, password, null);
    }

    public Path principalP12() {
        return principalP12;
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

    /** Fresh CRLs of the root, department and school CAs, revoking {@code revoked}. */
    public List<X509CRL> crls(X509Certificate... revoked) {
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
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                    keyId(ca.certificate().getPublicKey())));
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a CRL", e);
        }
    }

    private Issued issue(X500Name subject, Authority issuer, List<Authority> above, Duration validity, List<String> eku,
                         boolean criticalEku, String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, criticalEku,
                    new ExtendedKeyUsage(eku.stream().map(o -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(o)))
                            .toArray(KeyPurposeId[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId(pair.getPublic())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(keyId(issuer.certificate().getPublicKey())));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            above.forEach(a -> chain.add(a.certificate()));
            Path p12 = dir.resolve("issued-for-documents-tests").resolve(name + ".p12");
            Files.createDirectories(p12.getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(name, pair.getPrivate(), password, chain.toArray(Certificate[]::new));
            try (OutputStream o = Files.newOutputStream(p12)) {
                store.store(o, password);
            }
            return new Issued(List.copyOf(chain), pair.getPrivate(), p12);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue " + subject, e);
        }
    }

    private static X500Name official(String name, String title, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.L, "Ho Chi Minh City")
                .addRDN(BCStyle.O, organisation).addRDN(BCStyle.T, title).addRDN(BCStyle.CN, name).build();
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

    private static byte[] keyId(PublicKey key) throws GeneralSecurityException {
        byte[] point = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return MessageDigest.getInstance("SHA-256").digest(point);
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
