package vn.academicledger.core.did;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.error.InvalidInputException;

/**
 * did:web identifiers and documents for schools, e.g. {@code did:web:truong-thpt-le-quy-don.hcm.edu.vn}.
 * The document built here is what the school publishes at {@code /.well-known/did.json}; this
 * project never fetches it, it registers it in a {@link DidDocumentStore}.
 */
public final class DidWeb {
    private static final String PREFIX = "did:web:";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private DidWeb() {
    }

    /** The did:web DID of a host name (lower-cased; IDN names in their ASCII form). */
    public static String didForDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new InvalidInputException("A did:web DID needs a domain name such as truong-thpt-le-quy-don.hcm.edu.vn");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Not a valid domain name for did:web: " + domain, e);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidInputException("A did:web domain needs at least two labels (e.g. school.hcm.edu.vn), got " + domain);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("Not a valid domain name for did:web: " + domain
                        + " (label '" + label + "'); use letters, digits and inner hyphens");
            }
        }
        return PREFIX + ascii;
    }

    /** True for a syntactically valid did:web DID (domain form, optional path segments). */
    public static boolean isDidWeb(String did) {
        if (did == null || !did.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = did.substring(PREFIX.length()).split(":", -1);
        try {
            return didForDomain(parts[0].replace("%3A", ":").split(":")[0]) != null;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * A DID document for {@code did} with one Ed25519 Multikey verification method
     * {@code did#keyFragment}, listed under {@code assertionMethod} (the relationship credential
     * proofs use).
     */
    public static ObjectNode document(String did, Ed25519PublicKey key, String keyFragment) {
        if (!isDidWeb(did)) {
            throw new InvalidInputException("Not a did:web DID: " + did + "; build one with DidWeb.didForDomain(domain)");
        }
        if (keyFragment == null || !FRAGMENT.matcher(keyFragment).matches()) {
            throw new InvalidInputException("A key fragment such as 'key-1' is required (letters, digits, . _ ~ -), got "
                    + keyFragment);
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String keyId = did + "#" + keyFragment;
        ObjectNode document = nodes.objectNode();
        document.putArray("@context").add("https://www.w3.org/ns/did/v1").add("https://w3id.org/security/multikey/v1");
        document.put("id", did);
        ArrayNode methods = document.putArray("verificationMethod");
        ObjectNode method = methods.addObject();
        method.put("id", keyId);
        method.put("type", "Multikey");
        method.put("controller", did);
        method.put("publicKeyMultibase", key.multibase());
        document.putArray("assertionMethod").add(keyId);
        return document;
    }
}
