package vn.academicledger.documents.sign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An official's key in an HSM or smart card, through the JDK's SunPKCS11 provider. The token must hold
 * the private key and its certificate under the same label (alias); issuer certificates that are not
 * on the token are given as {@code issuers}. The key never leaves the token: only the digest goes in.
 * PKCS#11 login state belongs to the process and token, not to this object: {@link #close()} logs out.
 */
public final class Pkcs11OfficialSigner implements OfficialSigner, AutoCloseable {
    private final Provider provider;
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private Pkcs11OfficialSigner(Provider provider, PrivateKey key, List<X509Certificate> chain) {
        this.provider = provider;
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /**
     * Logs in to the token in slot list position {@code slotListIndex} of the PKCS#11 {@code library}
     * (e.g. {@code /usr/lib/softhsm/libsofthsm2.so}) with {@code pin}, and uses the key {@code alias}.
     *
     * @throws SigningException {@code SIGNER_UNAVAILABLE} naming the library, slot or key at fault
     */
    public static Pkcs11OfficialSigner open(Path library, int slotListIndex, char[] pin, String alias,
                                            List<X509Certificate> issuers) {
        if (!Files.isRegularFile(library)) {
            throw new SigningException("SIGNER_UNAVAILABLE", "The PKCS#11 library " + library + " does not exist");
        }
        String config = "--name=AcademicLedger-" + Integer.toHexString(System.identityHashCode(pin)) + "\n"
                + "library=" + library.toAbsolutePath() + "\n"
                + "slotListIndex=" + slotListIndex + "\n";
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure(config);
        } catch (RuntimeException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Cannot load the PKCS#11 library " + library
                    + " at slot index " + slotListIndex + ": " + e.getMessage(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SigningException("SIGNER_UNAVAILABLE", "The PKCS#11 token holds " + keys.size()
                            + " keys with certificates " + keys + "; name the one to use");
                }
                chosen = keys.get(0);
            }
            if (!store.isKeyEntry(chosen)) {
                throw new SigningException("SIGNER_UNAVAILABLE", "The PKCS#11 token has no private key with a "
                        + "certificate labelled '" + chosen + "' (found " + Collections.list(store.aliases()) + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, null);
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] onToken = store.getCertificateChain(chosen);
            for (Certificate c : onToken) {
                chain.add((X509Certificate) c);
            }
            for (X509Certificate issuer : issuers) {
                if (!chain.contains(issuer)) {
                    chain.add(issuer);
                }
            }
            return new Pkcs11OfficialSigner(provider, key, chain);
        } catch (java.io.IOException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Cannot log in to the PKCS#11 token at slot index "
                    + slotListIndex + " of " + library + " (wrong PIN or token not initialised): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Cannot use the PKCS#11 token at slot index "
                    + slotListIndex + " of " + library + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] signSha256Digest(byte[] digest) {
        try {
            return JcaDigestSigning.sign(key, provider, digest);
        } catch (GeneralSecurityException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "The PKCS#11 token could not sign for "
                    + chain.get(0).getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /** Logs out of the token; signing afterwards fails. */
    @Override
    public void close() {
        if (provider instanceof java.security.AuthProvider auth) {
            try {
                auth.logout();
            } catch (javax.security.auth.login.LoginException e) {
                throw new SigningException("SIGNER_UNAVAILABLE", "Cannot log out of the PKCS#11 token: " + e.getMessage(), e);
            }
        }
    }
}
