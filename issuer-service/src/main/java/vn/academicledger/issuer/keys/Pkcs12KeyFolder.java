package vn.academicledger.issuer.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.PBEParameterSpec;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.issuer.keys.SchoolKeyException.Reason;

/**
 * One password-protected PKCS#12 file per school in a folder: {@code <folder>/<schoolCode>.p12}.
 * Each key is an entry {@code key-1}, {@code key-2}, … (the highest is the current key, the others
 * its history) with a self-signed certificate, as the format requires. Files and folder are
 * readable by their owner only; a file is replaced whole (written aside, then renamed over).
 *
 * <p>A school's current key is read once and kept in memory: signing is Bouncy Castle's Ed25519
 * on the key's seed, as fast as {@link Ed25519KeyPair}. Thread-safe.
 */
final class Pkcs12KeyFolder {
    /** The password file made when the configuration gives none. */
    static final String PASSWORD_FILE = "pkcs12.password";
    static final String ALIAS_PREFIX = "key-";

    private static final Logger LOG = LoggerFactory.getLogger(Pkcs12KeyFolder.class);
    private static final Pattern ALIAS = Pattern.compile(ALIAS_PREFIX + "([1-9][0-9]{0,8})");
    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    /** PBES2 with PBKDF2-HMAC-SHA256 and AES-256, whatever the JDK's default for PKCS#12 is. */
    private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int PBKDF2_ITERATIONS = 10_000;
    private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

    private final Path folder;
    private final String configuredPassword;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pkcs12SigningKey> current = new ConcurrentHashMap<>();
    private char[] password;

    /**
     * @param folder   where the files are (made on first use)
     * @param password the files' password; null means the one in {@value #PASSWORD_FILE}, generated once
     */
    Pkcs12KeyFolder(Path folder, String password) {
        if (password != null && !password.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new SchoolKeyException(Reason.KEY_STORE_MISCONFIGURED, null,
                    "issuer.keys.pkcs12-password must be printable ASCII: Java's PKCS#12 key store refuses other characters");
        }
        this.folder = folder.toAbsolutePath().normalize();
        this.configuredPassword = password;
    }

    /** The school's current key, read or (the first time) made. */
    SigningKey signingKey(String schoolCode) {
        Pkcs12SigningKey key = current.get(validSchoolCode(schoolCode));
        return key != null ? key : loadOrCreate(schoolCode);
    }

    /** A new current key; the old ones stay in the file. */
    synchronized SigningKey rotate(String schoolCode) {
        Path file = fileOf(schoolCode);
        KeyStore store = Files.exists(file) ? read(schoolCode, file) : emptyStore(schoolCode);
        int next = aliases(store).stream().mapToInt(Pkcs12KeyFolder::number).max().orElse(0) + 1;
        Pkcs12SigningKey key = addNewKey(schoolCode, store, next);
        write(schoolCode, store, file, true);
        current.put(schoolCode, key);
        LOG.info("School {}: rotated its credential-signing key to {} ({}) in {}", schoolCode, key.alias,
                key.publicKey().multibase(), file);
        return key;
    }

    /** The school's keys, oldest first; the last is the current one. Empty before the first use. */
    synchronized List<Ed25519PublicKey> history(String schoolCode) {
        Path file = fileOf(schoolCode);
        if (!Files.exists(file)) {
            return List.of();
        }
        KeyStore store = read(schoolCode, file);
        List<Ed25519PublicKey> keys = new ArrayList<>();
        for (String alias : aliases(store)) {
            keys.add(certificateKey(schoolCode, store, alias));
        }
        return List.copyOf(keys);
    }

    Path fileOf(String schoolCode) {
        return folder.resolve(validSchoolCode(schoolCode) + ".p12");
    }

    private synchronized SigningKey loadOrCreate(String schoolCode) {
        Pkcs12SigningKey key = current.get(schoolCode);
        if (key != null) {
            return key;
        }
        Path file = fileOf(schoolCode);
        if (Files.exists(file)) {
            warnIfOthersCanRead(file);
            KeyStore store = read(schoolCode, file);
            List<String> aliases = aliases(store);
            if (aliases.isEmpty()) {
                throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                        "The key file " + file + " holds no key entry named " + ALIAS_PREFIX + "<n>");
            }
            key = loadKey(schoolCode, store, aliases.get(aliases.size() - 1));
        } else {
            KeyStore store = emptyStore(schoolCode);
            key = addNewKey(schoolCode, store, 1);
            write(schoolCode, store, file, false);
            LOG.info("School {}: made its credential-signing key {} ({}) in {}", schoolCode, key.alias,
                    key.publicKey().multibase(), file);
        }
        current.put(schoolCode, key);
        return key;
    }

    private Pkcs12SigningKey loadKey(String schoolCode, KeyStore store, String alias) {
        byte[] seed;
        try {
            if (!(store.getKey(alias, password()) instanceof PrivateKey privateKey)) {
                throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                        "The entry " + alias + " of " + fileOf(schoolCode) + " is not a private key");
            }
            seed = ed25519Seed(privateKey);
        } catch (UnrecoverableKeyException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_PASSWORD_REJECTED, schoolCode,
                    "The key " + alias + " in " + fileOf(schoolCode) + " did not open with the configured password", e);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                    "The key " + alias + " in " + fileOf(schoolCode) + " is not an Ed25519 key: " + e.getMessage(), e);
        }
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed);
        Arrays.fill(seed, (byte) 0);
        if (!pair.publicKey().equals(certificateKey(schoolCode, store, alias))) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode, "The key " + alias + " in "
                    + fileOf(schoolCode) + " does not match the public key of its certificate");
        }
        return new Pkcs12SigningKey(schoolCode, alias, pair);
    }

    private Pkcs12SigningKey addNewKey(String schoolCode, KeyStore store, int number) {
        String alias = ALIAS_PREFIX + number;
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                    new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(seed))
                            .getEncoded()));
            X509Certificate certificate = selfSigned(schoolCode, number, pair.publicKey(), privateKey);
            store.setEntry(alias, new KeyStore.PrivateKeyEntry(privateKey, new Certificate[] {certificate}), protection());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNWRITABLE, schoolCode,
                    "Cannot make a new Ed25519 key entry for " + fileOf(schoolCode) + ": " + e, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        return new Pkcs12SigningKey(schoolCode, alias, pair);
    }

    private X509Certificate selfSigned(String schoolCode, int number, Ed25519PublicKey publicKey, PrivateKey privateKey)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Academic Ledger")
                .addRDN(BCStyle.OU, "School " + schoolCode)
                .addRDN(BCStyle.CN, schoolCode + " credential signing " + ALIAS_PREFIX + number)
                .build();
        Instant now = Instant.now();
        SubjectPublicKeyInfo subjectKey = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), publicKey.bytes());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, new BigInteger(127, random).setBit(126),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(CERTIFICATE_VALIDITY)), name, subjectKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("Ed25519").build(privateKey)));
    }

    /** The 32-byte RFC 8032 secret key inside a PKCS#8 Ed25519 private key, whichever provider made it. */
    static byte[] ed25519Seed(PrivateKey privateKey) throws IOException {
        byte[] encoded = privateKey.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("the private key has no PKCS#8 encoding");
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("algorithm " + info.getPrivateKeyAlgorithm().getAlgorithm() + ", not Ed25519");
        }
        byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 secret key has 32 bytes, got " + seed.length);
        }
        return seed;
    }

    private Ed25519PublicKey certificateKey(String schoolCode, KeyStore store, String alias) {
        try {
            Certificate certificate = store.getCertificate(alias);
            if (certificate == null) {
                throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                        "The entry " + alias + " of " + fileOf(schoolCode) + " has no certificate");
            }
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
            if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
                throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                        "The certificate of " + alias + " in " + fileOf(schoolCode) + " is not for an Ed25519 key");
            }
            return Ed25519PublicKey.of(info.getPublicKeyData().getOctets());
        } catch (KeyStoreException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                    "Cannot read the certificate of " + alias + " in " + fileOf(schoolCode) + ": " + e, e);
        }
    }

    /** The key entries named key-n, in the order of n. */
    private static List<String> aliases(KeyStore store) {
        List<String> aliases = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (ALIAS.matcher(alias).matches() && store.isKeyEntry(alias)) {
                    aliases.add(alias);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("key store not loaded", e);
        }
        aliases.sort((a, b) -> Integer.compare(number(a), number(b)));
        return aliases;
    }

    private static int number(String alias) {
        Matcher matcher = ALIAS.matcher(alias);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private KeyStore emptyStore(String schoolCode) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNWRITABLE, schoolCode, "This Java has no PKCS#12 key store: " + e, e);
        }
    }

    private KeyStore read(String schoolCode, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode, "Cannot read the key file " + file + ": " + e, e);
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password());
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SchoolKeyException(Reason.KEY_STORE_PASSWORD_REJECTED, schoolCode,
                        "The key file " + file + " did not open with the configured password", e);
            }
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                    "The key file " + file + " is not a readable PKCS#12 file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, schoolCode,
                    "The key file " + file + " is not a readable PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /** Writes the store aside, owner-only, then renames it over {@code file} (or, when new, next to nothing). */
    private void write(String schoolCode, KeyStore store, Path file, boolean replace) {
        Path temporary = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password());
            createFolder();
            temporary = Files.createTempFile(folder, "." + schoolCode + ".", ".p12.tmp", ownerOnly(OWNER_ONLY_FILE));
            Files.write(temporary, bytes.toByteArray(), StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            if (replace) {
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.move(temporary, file);
            }
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNWRITABLE, schoolCode,
                    "Another process made the key file " + file + " at the same time; try again", e);
        } catch (GeneralSecurityException | IOException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNWRITABLE, schoolCode, "Cannot write the key file " + file + ": " + e, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
        }
    }

    private KeyStore.PasswordProtection protection() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new KeyStore.PasswordProtection(password(), KEY_PROTECTION, new PBEParameterSpec(salt, PBKDF2_ITERATIONS));
    }

    /** The configured password, or the generated one (read from, or the first time written to, the password file). */
    private synchronized char[] password() {
        if (password == null) {
            password = configuredPassword != null ? configuredPassword.toCharArray() : generatedPassword();
        }
        return password;
    }

    private char[] generatedPassword() {
        Path file = folder.resolve(PASSWORD_FILE);
        try {
            createFolder();
            try {
                Files.createFile(file, ownerOnly(OWNER_ONLY_FILE));
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                LOG.info("Generated the password of the school key files into {} (set issuer.keys.pkcs12-password to use another)",
                        file);
            } catch (FileAlreadyExistsException e) {
                // made before: read it
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, null, "The password file " + file + " is empty");
            }
            return text.toCharArray();
        } catch (NoSuchFileException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, null, "The password file " + file + " vanished: " + e, e);
        } catch (IOException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_UNREADABLE, null, "Cannot read or make the password file " + file + ": " + e, e);
        }
    }

    /** The folder, owner-only when this makes it; its parents (the data folder) as the umask says. */
    private void createFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            if (folder.getParent() != null) {
                Files.createDirectories(folder.getParent());
            }
            try {
                Files.createDirectory(folder, ownerOnly(OWNER_ONLY_FOLDER));
            } catch (FileAlreadyExistsException e) {
                // made meanwhile
            }
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file))) {
                LOG.warn("The key file {} can be read by others than its owner ({}): chmod 600 it", file,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the permissions of the key file {}: {}", file, e.toString());
        }
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    static String validSchoolCode(String schoolCode) {
        if (schoolCode == null || !SCHOOL_CODE.matcher(schoolCode).matches()) {
            throw new InvalidInputException("A school code names a key file: letters, digits, '-' "
                    + "and '_', at most 64, not starting with '-' or '_'; got " + schoolCode);
        }
        return schoolCode;
    }

    /** A school's key from its PKCS#12 file, in memory. Hands out neither the seed nor the pair. */
    private static final class Pkcs12SigningKey implements SigningKey {
        private final String schoolCode;
        private final String alias;
        private final Ed25519KeyPair pair;

        Pkcs12SigningKey(String schoolCode, String alias, Ed25519KeyPair pair) {
            this.schoolCode = schoolCode;
            this.alias = alias;
            this.pair = pair;
        }

        @Override
        public Ed25519PublicKey publicKey() {
            return pair.publicKey();
        }

        @Override
        public byte[] sign(byte[] message) {
            return pair.sign(message);
        }

        @Override
        public String toString() {
            return "SchoolKey[" + schoolCode + " " + alias + " PKCS12 " + pair.publicKey().multibase() + "]";
        }
    }
}
