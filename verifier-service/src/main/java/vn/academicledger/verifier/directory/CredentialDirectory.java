package vn.academicledger.verifier.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the verifier finds the credential behind a QR code, and whether a QR code's access token
 * opens its record. The embedded implementation reads a folder of credential files
 * ({@link FolderCredentialDirectory}); the issuer service will implement the same port over its
 * database.
 */
public interface CredentialDirectory {

    /** The credential whose {@code id} is {@code urn:uuid:<credentialId>}, as issued (with its receipt). */
    Optional<ObjectNode> find(UUID credentialId);

    /**
     * True when {@code token} is the access token issued for {@code credentialId}: false for a
     * forged token, a token of another credential, a malformed one or null. Never throws on bad input.
     */
    boolean acceptsToken(UUID credentialId, String token);
}
