package vn.academicledger.documents.sign;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An official's signing key, wherever it lives (a PKCS#12 file, an HSM through PKCS#11, a remote
 * signing service): it shows its certificate chain and signs a SHA-256 digest. The key never leaves
 * the implementation.
 */
public interface OfficialSigner {
    /** The signer's certificate first, then its issuers up to (optionally including) the root. */
    List<X509Certificate> certificateChain();

    /**
     * Signs a SHA-256 digest with the signer's key: for EC keys an ECDSA signature, DER encoded
     * ({@code SEQUENCE {r, s}}); for RSA keys a PKCS#1 v1.5 signature over the DigestInfo.
     */
    byte[] signSha256Digest(byte[] digest);

    /** The signer's certificate. */
    default X509Certificate certificate() {
        return certificateChain().get(0);
    }
}
