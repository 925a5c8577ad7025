package vn.academicledger.core.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import vn.academicledger.core.error.InvalidInputException;

/**
 * An Ed25519 public key. A value (equal when the 32 bytes are equal); it keeps Bouncy Castle's
 * decoded point, so verifying many signatures with one instance skips point decompression.
 */
public final class Ed25519PublicKey {
    private final byte[] bytes;
    private final Ed25519PublicKeyParameters parameters;
    /** Computed on first use: base58 encoding costs more than signing a small document. */
    private volatile String multibase;

    private Ed25519PublicKey(byte[] bytes) {
        if (bytes == null || bytes.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new InvalidInputException("An Ed25519 public key has 32 bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        this.bytes = bytes.clone();
        try {
            this.parameters = new Ed25519PublicKeyParameters(this.bytes, 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Not a valid Ed25519 public key (not a point on the curve)", e);
        }
    }

    Ed25519PublicKey(Ed25519PublicKeyParameters parameters) {
        this.parameters = parameters;
        this.bytes = parameters.getEncoded();
    }

    /** The key from its 32 raw bytes. */
    public static Ed25519PublicKey of(byte[] bytes) {
        return new Ed25519PublicKey(bytes);
    }

    /** The key from a Multikey {@code publicKeyMultibase} ({@code z6Mk…}). */
    public static Ed25519PublicKey fromMultibase(String publicKeyMultibase) {
        return new Ed25519PublicKey(Multikey.decodePublicKey(publicKeyMultibase));
    }

    /** The 32 raw bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The Multikey {@code publicKeyMultibase}: 'z' + base58btc(0xed 0x01 + key). */
    public String multibase() {
        String m = multibase;
        if (m == null) {
            m = Multikey.encodePublicKey(bytes);
            multibase = m;
        }
        return m;
    }

    /** True when {@code signature} is a valid pure Ed25519 signature of {@code message} by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return parameters.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + multibase() + "]";
    }
}
