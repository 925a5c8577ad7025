package vn.academicledger.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** Reads and writes certificates and PKCS#8 private keys as PEM files; keys are written owner-only. */
public final class PemFiles {
    private PemFiles() {
    }

    static void writeCertificate(Path file, X509Certificate... chain) {
        try {
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                for (X509Certificate certificate : chain) {
                    writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
                }
            }
            write(file, text.toString(), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a PKCS#8 private key as PEM, owner-only, replacing the file atomically. */
    public static void writePrivateKey(Path file, PrivateKey key) {
        try {
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
            }
            write(file, text.toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeText(Path file, String text, boolean secret) {
        try {
            write(file, text, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate readCertificate(Path file) {
        List<X509Certificate> chain = readCertificates(file);
        if (chain.isEmpty()) {
            throw new IllegalStateException("no certificate in " + file);
        }
        return chain.get(0);
    }

    static List<X509Certificate> readCertificates(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PemReader pem = new PemReader(reader)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (PemObject object = pem.readPemObject(); object != null; object = pem.readPemObject()) {
                if ("CERTIFICATE".equals(object.getType())) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new java.io.ByteArrayInputStream(object.getContent())));
                }
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable certificate " + file, e);
        }
    }

    static PrivateKey readPrivateKey(Path file) {
        return readPrivateKey(file, "EC");
    }

    /** Reads a PKCS#8 private key of {@code algorithm} ("EC", "RSA", …) from a PEM file. */
    public static PrivateKey readPrivateKey(Path file, String algorithm) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PemReader pem = new PemReader(reader)) {
            PemObject object = pem.readPemObject();
            if (object == null || !"PRIVATE KEY".equals(object.getType())) {
                throw new IllegalStateException("no PKCS#8 private key in " + file);
            }
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(object.getContent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable private key " + file, e);
        }
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        if (secret && temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
