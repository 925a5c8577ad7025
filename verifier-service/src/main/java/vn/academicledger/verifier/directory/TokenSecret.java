package vn.academicledger.verifier.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The service secret behind QR access tokens: read from a file, or generated there on first start
 * (32 random bytes, base64url, owner-only permissions). It lives in the data folder, never in git.
 */
public final class TokenSecret {
    private TokenSecret() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] secret = new byte[AccessTokens.MIN_SECRET_BYTES];
                new SecureRandom().nextBytes(secret);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return read(file); // another process made it first
                }
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                return secret;
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the QR token secret " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The QR token secret " + file + " is not base64url; delete it to generate a new one"
                    + " (every QR code printed so far then stops opening its record)");
        }
        if (secret.length < AccessTokens.MIN_SECRET_BYTES) {
            throw new IllegalStateException("The QR token secret " + file + " has " + secret.length + " bytes; at least "
                    + AccessTokens.MIN_SECRET_BYTES + " are needed");
        }
        return secret;
    }
}
