package vn.academicledger.core.crypto;

/**
 * Something that makes Ed25519 signatures: an in-memory {@link Ed25519KeyPair}, or an HSM or
 * remote signer that never hands out its secret.
 */
public interface SigningKey {
    /** The public key that verifies this key's signatures. */
    Ed25519PublicKey publicKey();

    /** A 64-byte pure Ed25519 (RFC 8032) signature over {@code message}. */
    byte[] sign(byte[] message);
}
