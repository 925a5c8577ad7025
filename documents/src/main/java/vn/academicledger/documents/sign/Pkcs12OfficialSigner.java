package vn.academicledger.documents.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An official's key in a PKCS#12 file (development, or a signer without an HSM). Thread-safe. */
public final class Pkcs12OfficialSigner implements OfficialSigner {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private Pkcs12OfficialSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /**
     * Opens {@code file} with {@code password}; {@code alias} may be null when the file holds one key.
     *
     * @throws SigningException {@code SIGNER_UNAVAILABLE} naming the file and what is wrong
     */
    public static Pkcs12OfficialSigner open(Path file, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "The PKCS#12 file " + file + " does not exist", e);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new SigningException("SIGNER_UNAVAILABLE", wrongPassword
                    ? "Wrong password for the PKCS#12 file " + file
                    : "Cannot read the PKCS#12 file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Cannot open the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
        return fromKeyStore(store, password, alias, "PKCS#12 file " + file);
    }

    static Pkcs12OfficialSigner fromKeyStore(KeyStore store, char[] password, String alias, String where) {
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SigningException("SIGNER_UNAVAILABLE", "The " + where + " holds " + keys.size()
                            + " keys " + keys + "; name the one to use");
                }
                chosen = keys.get(0);
            }
            if (!store.isKeyEntry(chosen)) {
                throw new SigningException("SIGNER_UNAVAILABLE", "The " + where + " has no key named '" + chosen + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            Certificate[] certificates = store.getCertificateChain(chosen);
            if (certificates == null || certificates.length == 0) {
                throw new SigningException("SIGNER_UNAVAILABLE", "The key '" + chosen + "' in the " + where
                        + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new Pkcs12OfficialSigner(key, chain);
        } catch (UnrecoverableKeyException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Wrong password for the key in the " + where, e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Cannot read the key in the " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] signSha256Digest(byte[] digest) {
        try {
            return JcaDigestSigning.sign(key, null, digest);
        } catch (GeneralSecurityException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "The PKCS#12 key of " + chain.get(0).getSubjectX500Principal()
                    + " could not sign: " + e.getMessage(), e);
        }
    }
}
