package vn.academicledger.issuer.vcapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;
import vn.academicledger.issuer.system.IssuerException;

/**
 * A VC-API issue request, {@code {"credential": {…}, "options": {…}}}, read strictly: every refusal
 * is a 400 naming the member that is wrong and what to write instead.
 *
 * <p>The credential is an unsigned VC 2.0 credential with {@code @context}, {@code type},
 * {@code issuer} and {@code credentialSubject} only. What the service writes itself ({@code id},
 * {@code validFrom}, {@code credentialStatus}, {@code name}, {@code description}, {@code proof})
 * must be left out rather than silently replaced, so a caller never believes a value was kept.
 * Options: only VC-API's own ({@code credentialId}, {@code mandatoryPointers}) exist, and neither
 * applies here (the service names every credential; no selective-disclosure suite is offered).
 */
record IssueRequest(ObjectNode credential, String issuerDid, List<String> types) {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final Set<String> CREDENTIAL_MEMBERS = Set.of("@context", "type", "issuer", "credentialSubject");
    static final Set<String> SET_BY_SERVICE = Set.of("id", "validFrom", "credentialStatus", "name", "description", "proof");
    static final List<String> CONTEXTS = List.of(BundledContexts.CREDENTIALS_V2, BundledContexts.ACADEMIC_LEDGER_V1);

    static IssueRequest read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw IssuerException.invalid("MALFORMED_JSON", "Nội dung không phải JSON hợp lệ / the request body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
        if (root == null || !root.isObject()) {
            throw IssuerException.invalid("MALFORMED_REQUEST", "Send a JSON object {\"credential\": {…unsigned VC…}, \"options\": {}}; got "
                    + (root == null ? "an empty body" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)) + ".");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("credential") && !name.equals("options")) {
                throw IssuerException.invalid("MALFORMED_REQUEST", "Unknown member '" + name + "' in the request; a VC-API issue "
                        + "request has only 'credential' and 'options'.");
            }
        }
        readOptions(root.get("options"));
        JsonNode credential = root.get("credential");
        if (credential == null || credential.isNull()) {
            throw IssuerException.invalid("MISSING_CREDENTIAL", "The request has no 'credential': put the unsigned credential there.");
        }
        if (!credential.isObject()) {
            throw IssuerException.invalid("NOT_A_CREDENTIAL", "'credential' must be a JSON object (an unsigned VC 2.0 credential), got "
                    + credential.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        ObjectNode vc = (ObjectNode) credential;
        List<String> serviceSet = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = vc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (SET_BY_SERVICE.contains(name)) {
                serviceSet.add(name);
            } else if (!CREDENTIAL_MEMBERS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!serviceSet.isEmpty()) {
            throw IssuerException.invalid("SET_BY_SERVICE", "credential." + String.join(", credential.", serviceSet)
                    + " is written by the service (id urn:uuid, validFrom, credentialStatus, bilingual name and description, "
                    + "the school's proof); leave it out of the request.");
        }
        if (!unknown.isEmpty()) {
            throw IssuerException.invalid("UNSUPPORTED_MEMBER", "credential." + String.join(", credential.", unknown)
                    + " is not supported; a credential to issue has only " + CREDENTIAL_MEMBERS + ".");
        }
        try {
            VerifiableCredential.validate(vc);
        } catch (InvalidInputException e) {
            throw IssuerException.invalid("NOT_A_CREDENTIAL", e.getMessage());
        }
        JsonNode context = vc.get("@context");
        List<String> contexts = new ArrayList<>();
        if (context.isArray()) {
            context.forEach(c -> contexts.add(c.isTextual() ? c.textValue() : c.toString()));
        } else {
            contexts.add(context.asText());
        }
        if (!contexts.equals(CONTEXTS)) {
            throw IssuerException.invalid("UNSUPPORTED_CONTEXT", "credential.@context must be exactly " + CONTEXTS
                    + " (the VC 2.0 context, then Academic Ledger's, which defines every term of the subject); got " + contexts + ".");
        }
        List<String> types = new ArrayList<>();
        JsonNode type = vc.get("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.textValue()));
        } else {
            types.add(type.textValue());
        }
        JsonNode issuer = vc.get("issuer");
        String did = issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText();
        return new IssueRequest(vc.deepCopy(), did, List.copyOf(types));
    }

    private static void readOptions(JsonNode options) {
        if (options == null || options.isNull()) {
            return;
        }
        if (!options.isObject()) {
            throw IssuerException.invalid("MALFORMED_REQUEST", "'options' must be a JSON object, got "
                    + options.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        for (Iterator<String> names = options.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            switch (name) {
                case "credentialId" -> throw IssuerException.invalid("UNSUPPORTED_OPTION", "options.credentialId is not supported: "
                        + "the service gives every credential an id (urn:uuid) and returns it in verifiableCredential.id.");
                case "mandatoryPointers" -> throw IssuerException.invalid("UNSUPPORTED_OPTION", "options.mandatoryPointers is not "
                        + "supported: credentials are signed with eddsa-rdfc-2022, which has no selective disclosure.");
                default -> throw IssuerException.invalid("UNSUPPORTED_OPTION", "Unknown option '" + name
                        + "'; VC-API issue options are credentialId and mandatoryPointers, and this service takes neither.");
            }
        }
    }
}
