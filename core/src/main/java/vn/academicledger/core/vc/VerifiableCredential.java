package vn.academicledger.core.vc;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;

/**
 * A W3C Verifiable Credential (VC Data Model 2.0) over its JSON. Construction checks the
 * structure ({@link #of(ObjectNode)}); accessors read the common properties. The JSON is kept
 * as given (a private copy), so a signed credential's bytes are never re-ordered or re-typed.
 */
public final class VerifiableCredential {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode json;

    private VerifiableCredential(ObjectNode json) {
        this.json = json;
    }

    /**
     * A credential from its JSON, after structural validation (a deep copy is kept).
     *
     * @throws InvalidInputException naming the property that is wrong and how to fix it
     */
    public static VerifiableCredential of(ObjectNode json) {
        validate(json);
        return new VerifiableCredential(json.deepCopy());
    }

    /** Parses and validates JSON text. Duplicate member names are refused. */
    public static VerifiableCredential parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("A verifiable credential is a JSON object");
        }
        validate(node);
        return new VerifiableCredential((ObjectNode) node);
    }

    /** Checks VC 2.0 structure only (required properties, types, URLs, dates). */
    public static void validate(JsonNode json) {
        CredentialValidator.validate(json);
    }

    /** A builder for a new credential issued by this project. */
    public static CredentialBuilder builder() {
        return new CredentialBuilder();
    }

    static VerifiableCredential trusted(ObjectNode json) {
        return new VerifiableCredential(json);
    }

    public Optional<String> id() {
        return Optional.ofNullable(json.path("id").textValue());
    }

    /** The types, e.g. [VerifiableCredential, ReportCardCredential]. */
    public List<String> types() {
        JsonNode type = json.get("type");
        if (type.isTextual()) {
            return List.of(type.textValue());
        }
        List<String> types = new ArrayList<>(type.size());
        type.forEach(t -> types.add(t.textValue()));
        return Collections.unmodifiableList(types);
    }

    /** The issuer's id (a DID), whether {@code issuer} is a string or an object. */
    public String issuer() {
        JsonNode issuer = json.get("issuer");
        return issuer.isTextual() ? issuer.textValue() : issuer.get("id").textValue();
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(XsdDateTime.tryParse(json.path("validFrom").textValue()));
    }

    public Optional<Instant> validUntil() {
        return Optional.ofNullable(XsdDateTime.tryParse(json.path("validUntil").textValue()));
    }

    /** The subject (an object, or an array of objects), as a copy. */
    public JsonNode credentialSubject() {
        return json.get("credentialSubject").deepCopy();
    }

    /** The status entry (object or array), as a copy, if any. */
    public Optional<JsonNode> credentialStatus() {
        JsonNode status = json.get("credentialStatus");
        return status == null ? Optional.empty() : Optional.of(status.deepCopy());
    }

    /** Every entry of {@code proof} (none, one object, or a proof set), as copies. */
    public List<ObjectNode> proofs() {
        JsonNode proof = json.get("proof");
        if (proof == null) {
            return List.of();
        }
        List<ObjectNode> proofs = new ArrayList<>();
        if (proof.isObject()) {
            proofs.add(((ObjectNode) proof).deepCopy());
        } else {
            proof.forEach(p -> proofs.add(((ObjectNode) p).deepCopy()));
        }
        return Collections.unmodifiableList(proofs);
    }

    /** The credential's JSON (a copy). */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Compact JSON text, members in their original order. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiableCredential credential && json.equals(credential.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "VerifiableCredential[" + id().orElse("(no id)") + ", " + types() + ", issuer " + issuer() + "]";
    }
}
