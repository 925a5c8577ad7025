package vn.academicledger.core.did;

import java.util.Objects;
import java.util.Set;

import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A key named in a DID document: its id (a DID URL such as {@code did:web:school.hcm.edu.vn#key-1}),
 * the DID that controls it, the Ed25519 public key, and the verification relationships
 * ({@code assertionMethod}, {@code authentication}, …) under which the DID document lists it.
 */
public record VerificationMethod(String id, String controller, Ed25519PublicKey publicKey, Set<String> relationships) {
    /** The relationship a credential issuer's key must have. */
    public static final String ASSERTION_METHOD = "assertionMethod";

    public VerificationMethod {
        if (id == null || !id.startsWith("did:") || id.indexOf('#') < 0) {
            throw new InvalidInputException("A verification method id is a DID URL with a fragment, got " + id);
        }
        if (controller == null || !controller.startsWith("did:")) {
            throw new InvalidInputException("A verification method's controller is a DID, got " + controller);
        }
        Objects.requireNonNull(publicKey, "publicKey");
        relationships = Set.copyOf(relationships);
    }

    /** The DID part of {@link #id()}, before the fragment. */
    public String did() {
        return id.substring(0, id.indexOf('#'));
    }

    /** Whether the DID document authorizes this key for {@code relationship} (e.g. assertionMethod). */
    public boolean authorizedFor(String relationship) {
        return relationships.contains(relationship);
    }
}
