package vn.academicledger.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The development PKI for officials' document signatures (PAdES on report cards and diplomas), and
 * what signing at PAdES B-LT needs besides: a time-stamping authority's certificate and a current CRL
 * of every CA.
 *
 * <pre>
 * dev-pki/root-ca/{cert.pem,key.pem}                       Academic Ledger development root (path length 2)
 * dev-pki/department-ca/{cert.pem,key.pem}                 Sở GDĐT signing CA (path length 1)
 * dev-pki/department-ca/officials/director.p12 (+ .pem)    the department's officials (unit 79000000)
 * dev-pki/schools/79000701/ca/{cert.pem,key.pem}           the school's signing CA (path length 0)
 * dev-pki/schools/79000701/officials/principal.p12 (+ .pem)   and homeroom teachers
 * dev-pki/tsa/tsa.p12 (+ .pem)                             time-stamping authority, issued by the root
 * dev-pki/crl/{root-ca,department-ca,school-79000701-ca}.crl   each CA's CRL (DER)
 * dev-pki/trust-anchors.pem                                the root, for validators
 * dev-pki/dev-password.txt                                 password of every .p12 (random, kept across runs)
 * </pre>
 *
 * <pre>{@code
 * DevelopmentPki pki = DevelopmentPki.ensure(dataDir.resolve("dev-pki"), SchoolOfficials.developmentDefaults());
 * DevelopmentPki.Identity teacher = pki.official("79000701", SchoolOfficials.homeroomTeacherId("12A1"));
 * KeyStore store = KeyStore.getInstance("PKCS12"); // teacher.p12() opens with pki.password(), alias teacher.id()
 * }</pre>
 *
 * Officials' certificates carry key usage digitalSignature + nonRepudiation and the extended key
 * usages documentSigning (RFC 9336) and emailProtection (NSS, and so pdfsig and LibreOffice, accept a
 * PDF signer only with the latter); the TSA's carries the critical timeStamping extended key usage.
 * Every certificate below the root names its issuer's CRL at {@link #CRL_BASE_URL} (nothing serves
 * that URL: validators get the CRLs from the signed PDF or from {@link #crls()}).
 *
 * <p>{@link #ensure} is idempotent: it writes only what is missing, no longer issued by its CA, no
 * longer says what it should (name, title, school, usages, distribution point) or expires within 30
 * days, and re-issues a CA's CRL when anything under that CA was issued or the CRL is due within 7 days.
 * Concurrent callers (threads or processes) on one folder take turns. Nothing here is for production:
 * real officials' keys live in an HSM under a qualified CA.
 */
public final class DevelopmentPki {
    static final String PASSWORD_FILE = "dev-password.txt";
    /** id-kp-documentSigning, RFC 9336. */
    static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    /** id-kp-emailProtection: NSS's check of a PDF signer's certificate asks for it. */
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    /** id-kp-timeStamping, critical in a TSA's certificate (RFC 3161 §2.3). */
    static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    /** Where certificates say their issuer's CRL is: {@code <base><ca>.crl}, e.g. {@code root-ca.crl}. */
    public static final String CRL_BASE_URL = "http://127.0.0.1/academic-ledger/dev-pki/crl/";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration OFFICIAL_VALIDITY = Duration.ofDays(825);
    static final Duration TSA_VALIDITY = Duration.ofDays(1825);
    static final Duration CRL_VALIDITY = Duration.ofDays(30);
    /** A CRL due sooner than this is re-issued. */
    static final Duration CRL_RENEWAL = Duration.ofDays(7);
    /** A certificate expiring sooner than this is re-issued. */
    static final Duration CERTIFICATE_RENEWAL = Duration.ofDays(30);
    private static final Map<Path, Object> FOLDER_LOCKS = new ConcurrentHashMap<>();

    /**
     * A key and certificate of this PKI: an official or the time-stamping authority.
     *
     * @param id    the alias of the key in {@code p12} (e.g. {@code principal}, {@code tsa})
     * @param name  the certificate's common name
     * @param title the official's title, or "Time-stamping authority"
     * @param p12   PKCS#12 file holding key and chain; opens with {@link #password()}
     * @param chain the certificate first, then its issuers up to the root
     */
    public record Identity(String id, String name, String title, Path p12, List<X509Certificate> chain) {
        public Identity {
            chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private final Path root;
    private final List<SchoolOfficials> units;
    private final PrintStream log;
    private final Clock clock;
    private int written;
    private volatile Snapshot snapshot;

    private record Snapshot(char[] password, X509Certificate rootCertificate, Map<String, Identity> officials,
                            Identity tsa, List<X509CRL> crls) {
    }

    /** As the command line calls it: officials for the given school codes, and always the department's. */
    DevelopmentPki(Path root, List<String> schoolCodes, PrintStream log) {
        this(root, withDepartment(SchoolOfficials.forCodes(schoolCodes)), log, Clock.systemUTC());
    }

    private DevelopmentPki(Path root, List<SchoolOfficials> units, PrintStream log, Clock clock) {
        this.root = root;
        this.units = List.copyOf(units);
        this.log = log;
        this.clock = clock;
    }

    /**
     * Generates in {@code dir} what is missing or stale for {@code units} and returns the PKI.
     *
     * @throws IllegalArgumentException if two units have the same code
     * @throws UncheckedIOException     if the folder cannot be written
     */
    public static DevelopmentPki ensure(Path dir, List<SchoolOfficials> units) {
        return ensure(dir, units, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** As {@link #ensure(Path, List)}, printing one line per item written to {@code log}. */
    public static DevelopmentPki ensure(Path dir, List<SchoolOfficials> units, PrintStream log) {
        return ensure(dir, units, log, Clock.systemUTC());
    }

    static DevelopmentPki ensure(Path dir, List<SchoolOfficials> units, PrintStream log, Clock clock) {
        DevelopmentPki pki = new DevelopmentPki(dir, units, log, clock);
        pki.generate();
        return pki;
    }

    /** The folder. */
    public Path directory() {
        return root;
    }

    /** Items written by the {@link #ensure} call that returned this PKI; 0 when everything was present. */
    public int written() {
        return written;
    }

    /** The password of every .p12 file (a copy). */
    public char[] password() {
        return state().password().clone();
    }

    /** The root: the one certificate validators must trust. */
    public List<X509Certificate> trustAnchors() {
        return List.of(state().rootCertificate());
    }

    /** {@code trust-anchors.pem}: the root as PEM. */
    public Path trustAnchorsFile() {
        return root.resolve("trust-anchors.pem");
    }

    /**
     * The official {@code officialId} of unit {@code unitCode} (as given to {@link #ensure}).
     *
     * @throws IllegalArgumentException naming the officials there are
     */
    public Identity official(String unitCode, String officialId) {
        Identity identity = state().officials().get(unitCode + "/" + officialId);
        if (identity == null) {
            throw new IllegalArgumentException("The development PKI in " + root + " has no official " + officialId
                    + " of unit " + unitCode + "; it has " + state().officials().keySet());
        }
        return identity;
    }

    /** Every official, keyed {@code <unit code>/<official id>}. */
    public Map<String, Identity> officials() {
        return state().officials();
    }

    /** The time-stamping authority (issued by the root; critical timeStamping extended key usage). */
    public Identity timestampingAuthority() {
        return state().tsa();
    }

    /** The private key of {@code identity}, read from its PKCS#12 file. */
    public PrivateKey privateKey(Identity identity) {
        char[] password = state().password();
        try {
            return (PrivateKey) open(identity.p12(), password).getKey(identity.id(), password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key " + identity.id() + " in " + identity.p12(), e);
        }
    }

    /** The current CRL of every CA: the root, the department CA and each school CA of the units given. */
    public List<X509CRL> crls() {
        return state().crls();
    }

    private Snapshot state() {
        Snapshot s = snapshot;
        if (s == null) {
            throw new IllegalStateException("the development PKI in " + root + " was not generated");
        }
        return s;
    }

    /** Writes what is missing or stale; returns the number of items written. */
    int generate() {
        Path key = root.toAbsolutePath().normalize();
        synchronized (FOLDER_LOCKS.computeIfAbsent(key, k -> new Object())) {
            try {
                Files.createDirectories(root);
                try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    generateLocked();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the development PKI in " + root, e);
            }
        }
        return written;
    }

    private void generateLocked() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, SchoolOfficials> byCode = new LinkedHashMap<>();
        for (SchoolOfficials unit : units) {
            if (byCode.put(unit.code(), unit) != null) {
                throw new IllegalArgumentException("unit " + unit.code() + " is listed twice");
            }
        }
        boolean newPassword = !Files.isRegularFile(root.resolve(PASSWORD_FILE));
        char[] password = readOrCreatePassword();

        Authority rootCa = authority("root-ca", root.resolve("root-ca"), null, name(
                "Academic Ledger Development Root CA", "Academic Ledger (development only)"), 2, now);
        Authority departmentCa = authority("department-ca", root.resolve("department-ca"), rootCa, name(
                "Sở GDĐT TP.HCM Document Signing CA (development)", FabricOrg.DEPARTMENT.displayName()), 1, now);
        if (!rootCa.certificate().equals(readIfPresent(trustAnchorsFile()))) {
            PemFiles.writeCertificate(trustAnchorsFile(), rootCa.certificate());
            log.println("  trust anchors " + root.relativize(trustAnchorsFile()));
            written++;
        }

        X500Name tsaSubject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Academic Ledger (development only)")
                .addRDN(BCStyle.CN, "Academic Ledger Development TSA").build();
        Identity tsa = identity(root.resolve("tsa"), "tsa", "Academic Ledger Development TSA", "Time-stamping authority",
                tsaSubject, rootCa, List.of(rootCa), List.of(TIME_STAMPING), true, TSA_VALIDITY, password, newPassword, now);

        Map<String, Identity> officials = new LinkedHashMap<>();
        List<Authority> authorities = new ArrayList<>(List.of(rootCa, departmentCa));
        for (SchoolOfficials unit : byCode.values()) {
            Authority issuer;
            List<Authority> above;
            Path dir;
            if (unit.isDepartment()) {
                issuer = departmentCa;
                above = List.of(departmentCa, rootCa);
                dir = root.resolve("department-ca").resolve("officials");
            } else {
                Path schoolDir = root.resolve("schools").resolve(unit.code());
                issuer = authority("school-" + unit.code() + "-ca", schoolDir.resolve("ca"), departmentCa,
                        name(unit.name() + " Signing CA", unit.name()), 0, now);
                authorities.add(issuer);
                above = List.of(issuer, departmentCa, rootCa);
                dir = schoolDir.resolve("officials");
            }
            for (SchoolOfficials.Official official : unit.officials()) {
                X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.C, "VN")
                        .addRDN(BCStyle.L, "Ho Chi Minh City")
                        .addRDN(BCStyle.O, unit.name())
                        .addRDN(BCStyle.T, official.title())
                        .addRDN(BCStyle.CN, official.name())
                        .build();
                officials.put(unit.code() + "/" + official.id(), identity(dir, official.id(), official.name(),
                        official.title(), subject, issuer, above, List.of(DOCUMENT_SIGNING, EMAIL_PROTECTION), false,
                        OFFICIAL_VALIDITY, password, newPassword, now));
            }
        }

        List<X509CRL> crls = new ArrayList<>();
        for (Authority authority : authorities) {
            crls.add(crl(authority, now));
        }
        snapshot = new Snapshot(password, rootCa.certificate(), Map.copyOf(officials), tsa, List.copyOf(crls));
    }

    /** A CA of this PKI, with whether this run created it or issued anything under it (its CRL is then re-issued). */
    private static final class Authority {
        final String id;
        final CertificateAuthority ca;
        boolean changed;

        Authority(String id, CertificateAuthority ca, boolean changed) {
            this.id = id;
            this.ca = ca;
            this.changed = changed;
        }

        X509Certificate certificate() {
            return ca.certificate();
        }

        String crlUrl() {
            return CRL_BASE_URL + id + ".crl";
        }
    }

    /** The password of every .p12 this PKI writes; created once, random, then reused. */
    private char[] readOrCreatePassword() {
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

    private Authority authority(String id, Path dir, Authority parent, X500Name subject, int pathLength, Instant now) {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        List<String> distributionPoints = parent == null ? List.of() : List.of(parent.crlUrl());
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            CertificateAuthority existing = new CertificateAuthority(
                    new Credential(PemFiles.readCertificate(cert), PemFiles.readPrivateKey(key)));
            X509Certificate c = existing.certificate();
            boolean issuedByParent = parent == null ? existing.issued(c) : parent.ca.issued(c);
            if (issuedByParent && keyMatches(existing.credential()) && subjectOf(c).equals(subject) && crlDistributionPoints(c).equals(distributionPoints)
                    && c.getBasicConstraints() == pathLength && !expiresSoon(c, now)) {
                return new Authority(id, existing, false);
            }
        }
        CertificateSpec spec = new CertificateSpec(subject, true, pathLength, KeyUsage.keyCertSign | KeyUsage.cRLSign,
                List.of(), List.of(), List.of(), Map.of(), CA_VALIDITY, distributionPoints, false);
        CertificateAuthority ca = parent == null ? CertificateAuthority.selfSigned(spec, now)
                : parent.ca.issueAuthority(spec, now);
        PemFiles.writePrivateKey(key, ca.credential().privateKey());
        PemFiles.writeCertificate(cert, ca.certificate());
        log.println("  dev CA  " + root.relativize(cert));
        written++;
        if (parent != null) {
            parent.changed = true;
        }
        return new Authority(id, ca, true);
    }

    private Identity identity(Path dir, String id, String name, String title, X500Name subject, Authority issuer,
                              List<Authority> above, List<String> extendedKeyUsage, boolean criticalExtendedKeyUsage,
                              Duration validity, char[] password, boolean newPassword, Instant now) {
        Path p12 = dir.resolve(id + ".p12");
        Path pem = dir.resolve(id + ".pem");
        List<X509Certificate> aboveCertificates = above.stream().map(Authority::certificate).toList();
        List<String> distributionPoints = List.of(issuer.crlUrl());
        if (!newPassword && Files.isRegularFile(p12) && Files.isRegularFile(pem)) {
            List<X509Certificate> chain = PemFiles.readCertificates(pem);
            if (!chain.isEmpty() && chain.subList(1, chain.size()).equals(aboveCertificates)) {
                X509Certificate c = chain.get(0);
                if (issuer.ca.issued(c) && subjectOf(c).equals(subject) && !expiresSoon(c, now)
                        && Objects.equals(extendedKeyUsage(c), extendedKeyUsage)
                        && c.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId()) == criticalExtendedKeyUsage
                        && crlDistributionPoints(c).equals(distributionPoints)) {
                    return new Identity(id, name, title, p12, chain);
                }
            }
        }
        Credential credential = issuer.ca.issue(new CertificateSpec(subject, false, -1,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, extendedKeyUsage, List.of(), List.of(), Map.of(),
                validity, distributionPoints, criticalExtendedKeyUsage), now);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(credential.certificate());
        chain.addAll(aboveCertificates);
        writePkcs12(p12, id, credential.privateKey(), chain, password);
        PemFiles.writeCertificate(pem, chain.toArray(X509Certificate[]::new));
        log.println("  " + (id.equals("tsa") ? "TSA" : "official") + " " + root.relativize(p12) + " (" + name + ", " + title + ")");
        written++;
        issuer.changed = true;
        return new Identity(id, name, title, p12, chain);
    }

    /**
     * The authority's CRL in {@code crl/<id>.crl}, re-issued when anything under the authority was issued in
     * this run (a CRL dated before a certificate's issuance does not cover it, validators such as EU DSS say),
     * when it is missing or not the authority's, or when it is due within {@link #CRL_RENEWAL}.
     */
    private X509CRL crl(Authority authority, Instant now) {
        Path file = root.resolve("crl").resolve(authority.id + ".crl");
        X509CRL existing = readCrl(file);
        if (!authority.changed && existing != null && authority.ca.issued(existing) && existing.getNextUpdate() != null
                && existing.getNextUpdate().toInstant().isAfter(now.plus(CRL_RENEWAL))
                && !existing.getThisUpdate().toInstant().isAfter(now)) {
            return existing;
        }
        BigInteger number = BigInteger.ONE;
        if (existing != null && authority.ca.issued(existing)) {
            byte[] value = existing.getExtensionValue(Extension.cRLNumber.getId());
            if (value != null) {
                number = org.bouncycastle.asn1.ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets())
                        .getValue().add(BigInteger.ONE);
            }
        }
        X509CRL crl = authority.ca.issueCrl(now, now.plus(CRL_VALIDITY), number, List.of());
        try {
            writeAtomically(file, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
        log.println("  CRL " + root.relativize(file) + " (next update " + now.plus(CRL_VALIDITY) + ")");
        written++;
        return crl;
    }

    private static X509CRL readCrl(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | GeneralSecurityException e) {
            return null; // unreadable: issue a new one
        }
    }

    private static X509Certificate readIfPresent(Path pem) {
        if (!Files.isRegularFile(pem)) {
            return null;
        }
        List<X509Certificate> certificates = PemFiles.readCertificates(pem);
        return certificates.size() == 1 ? certificates.get(0) : null;
    }

    private static boolean keyMatches(Credential credential) {
        try {
            byte[] probe = "academic-ledger dev-pki key check".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
            signer.initSign(credential.privateKey());
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(credential.certificate().getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean expiresSoon(X509Certificate certificate, Instant now) {
        return certificate.getNotAfter().toInstant().isBefore(now.plus(CERTIFICATE_RENEWAL));
    }

    private static X500Name subjectOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? List.of() : List.copyOf(usages);
        } catch (java.security.cert.CertificateParsingException e) {
            return List.of();
        }
    }

    /** The URLs of the certificate's CRL distribution points extension; empty without it. */
    static List<String> crlDistributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (DistributionPoint point : CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets())
                .getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        urls.add(general.getName().toString());
                    }
                }
            }
        }
        return urls;
    }

    private static void writePkcs12(Path p12, String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            store.store(bytes, password);
            writeAtomically(p12, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + p12, e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static List<SchoolOfficials> withDepartment(List<SchoolOfficials> units) {
        if (units.stream().anyMatch(SchoolOfficials::isDepartment)) {
            return units;
        }
        List<SchoolOfficials> all = new ArrayList<>(units);
        all.add(SchoolOfficials.department());
        return all;
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName).build();
    }

    @Override
    public String toString() {
        return "DevelopmentPki[" + root + ", units " + Arrays.toString(units.stream().map(SchoolOfficials::code).toArray()) + "]";
    }
}
