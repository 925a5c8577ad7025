package vn.academicledger.core.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.academicledger.core.error.AcademicLedgerException;

/**
 * The access token printed in a document's QR code (after {@code #t=}): it lets whoever holds the
 * paper open that one credential's record on the verification page, and no other.
 *
 * <p>{@code token = base64url(HMAC-SHA-256(secret, "academic-ledger/qr-access/v1" 0x00 uuid)[0..16])},
 * 22 characters, where {@code uuid} is the credential's UUID in lower case (its {@code id} is
 * {@code urn:uuid:<uuid>}). Without the secret a token cannot be made; a token for one credential
 * fails for every other; {@link #accepts} compares in constant time. The same construction as the
 * verifier service's {@code directory.AccessTokens}, so tokens the command line prints open there.
 *
 * <p>The secret is 32 random bytes, kept base64url in {@code <data folder>/}{@value #SECRET_FILE_NAME}
 * ({@link #forDataFolder}), created on first use with owner-only permissions; never in git. Deleting
 * it makes every QR code printed so far stop opening its record. Thread-safe.
 *
 * <pre>{@code
 * AccessTokens tokens = AccessTokens.forDataFolder(Path.of(".ledger-data"));
 * String token = tokens.tokenFor(credentialUuid);        // into QrPayload
 * boolean ok = tokens.accepts(credentialUuid, token);    // the verifier's side
 * }</pre>
 */
public final class AccessTokens {
    /** At least 256 bits of secret. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Where the secret lives under a data folder; the verifier service's default too. */
    public static final String SECRET_FILE_NAME = "verifier/qr-token.secret";
    /** Length of a token in characters. */
    public static final int TOKEN_LENGTH = 22;
    private static final int TOKEN_BYTES = 16;
    private static final byte[] DOMAIN = "academic-ledger/qr-access/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_LENGTH + "}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /**
     * @throws vn.academicledger.core.error.InvalidInputException if the secret is shorter than {@value #MIN_SECRET_BYTES} bytes
     */
    public AccessTokens(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new vn.academicledger.core.error.InvalidInputException("The QR access token secret must have at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** Tokens keyed by the secret in {@code <dataDir>/}{@value #SECRET_FILE_NAME}, created there on first use. */
    public static AccessTokens forDataFolder(Path dataDir) {
        return fromSecretFile(dataDir.resolve(SECRET_FILE_NAME));
    }

    /**
     * Tokens keyed by the secret in {@code file}; when there is no such file, 32 random bytes are written there
     * (base64url, owner-only). Two processes creating it at once end up with the same secret.
     *
     * @throws AcademicLedgerException {@code TOKEN_SECRET_UNREADABLE} if the file cannot be read or written, or
     *                                 does not hold a base64url secret of at least {@value #MIN_SECRET_BYTES} bytes
     */
    public static AccessTokens fromSecretFile(Path file) {
        return new AccessTokens(loadOrCreateSecret(file));
    }

    /** The token printed in the QR code of credential {@code credentialId}. */
    public String tokenFor(UUID credentialId) {
        if (credentialId == null) {
            throw new vn.academicledger.core.error.InvalidInputException("An access token needs the credential's UUID");
        }
        return BASE64URL.encodeToString(mac(credentialId));
    }

    /** True when {@code token} is the token of {@code credentialId}; false for anything else, including null. */
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
        return sameBytes(mac(credentialId), given);
    }

    /**
     * Compares in time that depends on the lengths only, not on where the arrays first differ, so the
     * answer's timing does not tell a guesser how many leading bytes of a token were right.
     */
    static boolean sameBytes(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
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

    private static byte[] loadOrCreateSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            byte[] secret = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            Path temporary;
            try {
                temporary = Files.createTempFile(folder, ".qr-token-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                temporary = Files.createTempFile(folder, ".qr-token-", ".tmp");
            }
            try {
                Files.writeString(temporary, BASE64URL.encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
                try {
                    // A hard link appears complete or not at all and fails if the file exists: the first writer wins.
                    Files.createLink(file, temporary);
                } catch (UnsupportedOperationException e) {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                }
                return secret;
            } catch (FileAlreadyExistsException e) {
                return read(file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new AcademicLedgerException("TOKEN_SECRET_UNREADABLE", "Cannot read or create the QR access token secret "
                    + file + ": " + e, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new AcademicLedgerException("TOKEN_SECRET_UNREADABLE", "The QR access token secret " + file
                    + " is not a base64url secret of at least " + MIN_SECRET_BYTES + " bytes; delete it to generate a new "
                    + "one (every QR code printed so far then stops opening its record)");
        }
        return secret;
    }
}
