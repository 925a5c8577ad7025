package vn.academicledger.documents.sign;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Arrays;

/** Signing a precomputed SHA-256 digest with a JCA private key ("NONEwith…" algorithms). */
final class JcaDigestSigning {
    /** DER prefix of DigestInfo { sha256, NULL } followed by the 32-byte digest. */
    private static final byte[] SHA256_DIGEST_INFO = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01,
            0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};

    private JcaDigestSigning() {
    }

    static byte[] sign(PrivateKey key, Provider provider, byte[] digest) throws GeneralSecurityException {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        String algorithm = key.getAlgorithm();
        Signature signature;
        byte[] input;
        if (algorithm.equals("EC") || algorithm.equals("ECDSA")) {
            signature = provider == null ? Signature.getInstance("NONEwithECDSA") : Signature.getInstance("NONEwithECDSA", provider);
            input = digest;
        } else if (algorithm.equals("RSA")) {
            signature = provider == null ? Signature.getInstance("NONEwithRSA") : Signature.getInstance("NONEwithRSA", provider);
            input = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + digest.length);
            System.arraycopy(digest, 0, input, SHA256_DIGEST_INFO.length, digest.length);
        } else {
            throw new GeneralSecurityException("unsupported key algorithm " + algorithm + "; use EC or RSA");
        }
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
    }
}
