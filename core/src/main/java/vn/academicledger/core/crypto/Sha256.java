package vn.academicledger.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over bytes. Each thread reuses one {@link MessageDigest}, so hashing small inputs
 * costs no provider look-up.
 */
public final class Sha256 {
    /** Size of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        return digest(data, 0, data.length);
    }

    public static byte[] digest(byte[] data, int offset, int length) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(data, offset, length);
        return digest.digest();
    }

    /** SHA-256 of the UTF-8 encoding of {@code text}. */
    public static byte[] digest(String text) {
        return digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A fresh digest instance, for callers that stream their input. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
