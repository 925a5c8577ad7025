package vn.academicledger.verifier.directory;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * QR access tokens: {@code base64url(HMAC-SHA-256(secret, "academic-ledger/qr-access/v1" 0x00 uuid)[0..16])},
 * 22 characters, where {@code uuid} is the credential's UUID in lower case. A token opens one
 * credential's record only: it cannot be forged without the secret, nor reused for another id.
 * Comparison is constant-time. Thread-safe.
 */
public final class AccessTokens {
    /** At least 256 bits of secret. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final int TOKEN_BYTES = 16;
    private static final byte[] DOMAIN = "academic-ledger/qr-access/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public AccessTokens(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the QR token secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The token printed in the QR code of credential {@code credentialId}. */
    public String tokenFor(UUID credentialId) {
        return BASE64URL.encodeToString(mac(credentialId));
    }

    public boolean accepts(UUID credentialId, String token) {
        if (credentialId == null || token == null || !SHAPE.matcher(token).matches()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(credentialId), given);
    }

    private byte[] mac(UUID credentialId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(DOMAIN);
            mac.update(credentialId.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(), TOKEN_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
