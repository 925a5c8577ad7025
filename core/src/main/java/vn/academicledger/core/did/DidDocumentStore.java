package vn.academicledger.core.did;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A local store of DID documents (did:web above all), the only way this project resolves
 * did:web: documents are registered in memory or loaded from a directory of {@code *.json}
 * files, never fetched. Thread-safe; documents may be added or replaced while resolving.
 *
 * <p>Keys must be Ed25519, as {@code Multikey} (or {@code Ed25519VerificationKey2020}) with a
 * {@code publicKeyMultibase}. Relationship entries may reference a method by absolute or
 * relative ({@code #key-1}) id, or embed it.
 */
public final class DidDocumentStore implements DidResolver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] RELATIONSHIPS = {
        "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement"};

    private final Map<String, Map<String, VerificationMethod>> documents = new ConcurrentHashMap<>();

    /** An empty store. */
    public DidDocumentStore() {
    }

    /** A store holding every {@code *.json} DID document in {@code directory}. */
    public static DidDocumentStore fromDirectory(Path directory) {
        DidDocumentStore store = new DidDocumentStore();
        store.loadDirectory(directory);
        return store;
    }

    /** Adds (or replaces) the documents in every {@code *.json} file of {@code directory}; returns how many. */
    public int loadDirectory(Path directory) {
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                JsonNode document;
                try {
                    document = JSON.readTree(file.toFile());
                } catch (IOException e) {
                    throw new DidResolutionException(DidResolutionException.Reason.INVALID_DID_DOCUMENT, null,
                            "Cannot read the DID document " + file + ": " + e.getMessage(), e);
                }
                try {
                    put(document);
                } catch (DidResolutionException e) {
                    throw new DidResolutionException(e.reason(), e.didUrl(), file + ": " + e.getMessage(), e);
                }
                count++;
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot list DID documents in " + directory + ": " + e.getMessage(), e);
        }
        return count;
    }

    /** Adds or replaces a DID document; returns its DID. */
    public String put(JsonNode document) {
        String did = text(document, "id", null);
        if (did == null || !did.startsWith("did:") || did.indexOf('#') >= 0) {
            throw invalid(did, "A DID document needs an 'id' that is a DID (no fragment), got " + did);
        }
        Map<String, JsonNode> declared = new HashMap<>();
        JsonNode methods = document.path("verificationMethod");
        if (!methods.isMissingNode() && !methods.isArray()) {
            throw invalid(did, "'verificationMethod' of " + did + " must be an array");
        }
        for (JsonNode method : methods) {
            declared.put(absolute(did, text(method, "id", did)), method);
        }
        Map<String, Set<String>> relationships = new HashMap<>();
        for (String relationship : RELATIONSHIPS) {
            JsonNode entries = document.path(relationship);
            if (entries.isMissingNode()) {
                continue;
            }
            if (!entries.isArray()) {
                throw invalid(did, "'" + relationship + "' of " + did + " must be an array");
            }
            for (JsonNode entry : entries) {
                String id;
                if (entry.isTextual()) {
                    id = absolute(did, entry.textValue());
                } else if (entry.isObject()) {
                    id = absolute(did, text(entry, "id", did));
                    declared.putIfAbsent(id, entry);
                } else {
                    throw invalid(did, "Entries of '" + relationship + "' must be ids or verification methods");
                }
                relationships.computeIfAbsent(id, k -> new HashSet<>()).add(relationship);
            }
        }
        Map<String, VerificationMethod> resolved = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : declared.entrySet()) {
            resolved.put(entry.getKey(), toMethod(did, entry.getKey(), entry.getValue(),
                    relationships.getOrDefault(entry.getKey(), Set.of())));
        }
        for (String referenced : relationships.keySet()) {
            if (!resolved.containsKey(referenced)) {
                throw invalid(did, "The DID document of " + did + " references " + referenced
                        + " but does not declare it under verificationMethod");
            }
        }
        documents.put(did, Map.copyOf(resolved));
        return did;
    }

    /** Removes the document of {@code did}; returns whether there was one. */
    public boolean remove(String did) {
        return documents.remove(did) != null;
    }

    /** The DIDs this store can resolve. */
    public Set<String> dids() {
        return Set.copyOf(documents.keySet());
    }

    @Override
    public VerificationMethod resolve(String verificationMethodId) {
        if (verificationMethodId == null) {
            throw new DidResolutionException(DidResolutionException.Reason.DID_NOT_RESOLVABLE, null,
                    "No verification method id given");
        }
        int hash = verificationMethodId.indexOf('#');
        String did = hash < 0 ? verificationMethodId : verificationMethodId.substring(0, hash);
        Map<String, VerificationMethod> methods = documents.get(did);
        if (methods == null) {
            throw new DidResolutionException(DidResolutionException.Reason.DID_NOT_RESOLVABLE, verificationMethodId,
                    "No DID document is stored for " + did + " (DIDs are resolved from the local store only;"
                    + " register the issuer's DID document first)");
        }
        VerificationMethod method = methods.get(verificationMethodId);
        if (method == null) {
            throw new DidResolutionException(DidResolutionException.Reason.VERIFICATION_METHOD_NOT_FOUND,
                    verificationMethodId, "The DID document of " + did + " has no verification method "
                    + verificationMethodId + "; it has " + methods.keySet());
        }
        return method;
    }

    private static VerificationMethod toMethod(String did, String id, JsonNode method, Set<String> relationships) {
        String type = text(method, "type", did);
        if (!"Multikey".equals(type) && !"Ed25519VerificationKey2020".equals(type)) {
            throw invalid(did, "Verification method " + id + " has type " + type
                    + "; only Ed25519 keys as Multikey are supported");
        }
        String controller = text(method, "controller", did);
        String multibase = text(method, "publicKeyMultibase", did);
        if (multibase == null) {
            throw invalid(did, "Verification method " + id + " has no publicKeyMultibase");
        }
        Ed25519PublicKey key;
        try {
            key = Ed25519PublicKey.fromMultibase(multibase);
        } catch (InvalidInputException e) {
            throw new DidResolutionException(DidResolutionException.Reason.INVALID_DID_DOCUMENT, id,
                    "Verification method " + id + ": " + e.getMessage(), e);
        }
        try {
            return new VerificationMethod(id, controller == null ? did : controller, key, relationships);
        } catch (InvalidInputException e) {
            throw new DidResolutionException(DidResolutionException.Reason.INVALID_DID_DOCUMENT, id, e.getMessage(), e);
        }
    }

    private static String absolute(String did, String id) {
        if (id == null) {
            throw invalid(did, "A verification method of " + did + " has no id");
        }
        return id.startsWith("#") ? did + id : id;
    }

    private static String text(JsonNode node, String field, String did) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(did, "'" + field + "' must be a string in the DID document of " + did);
        }
        return value.textValue();
    }

    private static DidResolutionException invalid(String did, String message) {
        return new DidResolutionException(DidResolutionException.Reason.INVALID_DID_DOCUMENT, did, message);
    }
}
