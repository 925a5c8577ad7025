package vn.academicledger.core.vc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;

/**
 * Builds a VC Data Model 2.0 credential:
 * <pre>{@code
 * VerifiableCredential vc = VerifiableCredential.builder()
 *     .context(BundledContexts.ACADEMIC_LEDGER_V1)
 *     .type("ReportCardCredential")
 *     .issuer("did:web:truong-thpt-le-quy-don.hcm.edu.vn", "Trường THPT Lê Quý Đôn")
 *     .name("Học bạ năm học 2024-2025", "Report card, school year 2024-2025")
 *     .validFrom(Instant.parse("2025-06-01T00:00:00Z"))
 *     .credentialSubject(subject)
 *     .build();
 * }</pre>
 * {@code @context} starts with the VC 2.0 context; {@code type} starts with
 * VerifiableCredential; {@code id} is a random {@code urn:uuid:} unless given. Members are
 * written in the order the VC 2.0 examples use. {@link #build()} validates the result.
 */
public final class CredentialBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> contexts = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private String id;
    private String issuerId;
    private List<LanguageValue> issuerName = List.of();
    private List<LanguageValue> name = List.of();
    private List<LanguageValue> description = List.of();
    private String validFrom;
    private String validUntil;
    private ObjectNode credentialSubject;
    private ObjectNode credentialStatus;

    CredentialBuilder() {
    }

    /** Adds a context URL after the VC 2.0 context (e.g. {@link BundledContexts#ACADEMIC_LEDGER_V1}). */
    public CredentialBuilder context(String contextUrl) {
        Objects.requireNonNull(contextUrl, "contextUrl");
        if (!contextUrl.equals(BundledContexts.CREDENTIALS_V2) && !contexts.contains(contextUrl)) {
            contexts.add(contextUrl);
        }
        return this;
    }

    /** The credential id; defaults to a random {@code urn:uuid:}. */
    public CredentialBuilder id(String id) {
        this.id = Objects.requireNonNull(id, "id");
        return this;
    }

    public CredentialBuilder id(UUID id) {
        return id("urn:uuid:" + id);
    }

    /** Adds a type after VerifiableCredential (e.g. ReportCardCredential). */
    public CredentialBuilder type(String type) {
        Objects.requireNonNull(type, "type");
        if (!type.equals("VerifiableCredential") && !types.contains(type)) {
            types.add(type);
        }
        return this;
    }

    /** The issuer as a bare DID. */
    public CredentialBuilder issuer(String did) {
        this.issuerId = Objects.requireNonNull(did, "did");
        this.issuerName = List.of();
        return this;
    }

    /** The issuer as an object with its DID and its Vietnamese name ({@code @language} vi). */
    public CredentialBuilder issuer(String did, String name) {
        this.issuerId = Objects.requireNonNull(did, "did");
        this.issuerName = List.of(LanguageValue.vi(name));
        return this;
    }

    /** The issuer as an object with its DID and its name in several languages. */
    public CredentialBuilder issuer(String did, LanguageValue... name) {
        this.issuerId = Objects.requireNonNull(did, "did");
        this.issuerName = List.of(name);
        return this;
    }

    /** {@code name} as language value objects in Vietnamese and English. */
    public CredentialBuilder name(String vietnamese, String english) {
        return name(LanguageValue.vi(vietnamese), LanguageValue.en(english));
    }

    public CredentialBuilder name(LanguageValue... values) {
        this.name = List.of(values);
        return this;
    }

    /** {@code description} as language value objects in Vietnamese and English. */
    public CredentialBuilder description(String vietnamese, String english) {
        return description(LanguageValue.vi(vietnamese), LanguageValue.en(english));
    }

    public CredentialBuilder description(LanguageValue... values) {
        this.description = List.of(values);
        return this;
    }

    public CredentialBuilder validFrom(Instant instant) {
        this.validFrom = XsdDateTime.format(instant);
        return this;
    }

    /** Keeps the offset, e.g. 2025-06-01T00:00:00+07:00. */
    public CredentialBuilder validFrom(OffsetDateTime dateTime) {
        this.validFrom = XsdDateTime.format(dateTime);
        return this;
    }

    public CredentialBuilder validUntil(Instant instant) {
        this.validUntil = XsdDateTime.format(instant);
        return this;
    }

    public CredentialBuilder validUntil(OffsetDateTime dateTime) {
        this.validUntil = XsdDateTime.format(dateTime);
        return this;
    }

    /** The claims about the student; the node is used as given (not copied). */
    public CredentialBuilder credentialSubject(ObjectNode subject) {
        this.credentialSubject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /** A status entry (e.g. a BitstringStatusListEntry); the node is used as given. */
    public CredentialBuilder credentialStatus(ObjectNode status) {
        this.credentialStatus = status;
        return this;
    }

    /**
     * The credential.
     *
     * @throws InvalidInputException if a required part is missing or malformed
     */
    public VerifiableCredential build() {
        return VerifiableCredential.trusted(buildJson());
    }

    /** The credential's JSON, validated, for callers that sign it directly. */
    public ObjectNode buildJson() {
        if (issuerId == null) {
            throw new InvalidInputException("Invalid credential: issuer is missing; call issuer(did)");
        }
        if (credentialSubject == null) {
            throw new InvalidInputException("Invalid credential: credentialSubject is missing; call credentialSubject(node)");
        }
        ObjectNode vc = NODES.objectNode();
        ArrayNode context = vc.putArray("@context").add(BundledContexts.CREDENTIALS_V2);
        contexts.forEach(context::add);
        vc.put("id", id != null ? id : "urn:uuid:" + UUID.randomUUID());
        ArrayNode type = vc.putArray("type").add("VerifiableCredential");
        types.forEach(type::add);
        if (issuerName.isEmpty()) {
            vc.put("issuer", issuerId);
        } else {
            ObjectNode issuer = vc.putObject("issuer");
            issuer.put("id", issuerId);
            issuer.set("name", languageValues(issuerName));
        }
        if (!name.isEmpty()) {
            vc.set("name", languageValues(name));
        }
        if (!description.isEmpty()) {
            vc.set("description", languageValues(description));
        }
        if (validFrom != null) {
            vc.put("validFrom", validFrom);
        }
        if (validUntil != null) {
            vc.put("validUntil", validUntil);
        }
        vc.set("credentialSubject", credentialSubject);
        if (credentialStatus != null) {
            vc.set("credentialStatus", credentialStatus);
        }
        CredentialValidator.validate(vc);
        return vc;
    }

    private static com.fasterxml.jackson.databind.JsonNode languageValues(List<LanguageValue> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        for (LanguageValue value : values) {
            array.addObject().put("@value", value.value()).put("@language", value.language());
        }
        return values.size() == 1 ? array.get(0) : array;
    }
}
