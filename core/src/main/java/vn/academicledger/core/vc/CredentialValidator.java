package vn.academicledger.core.vc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.academicledger.core.error.InvalidInputException;

/**
 * Structural checks of VC Data Model 2.0: the properties a credential must have, their types,
 * URLs and dates. It does not check proofs, status or the meaning of the subject. Every
 * failure names the property, what was found and what to write instead.
 */
final class CredentialValidator {
    static final String V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final String STATUS_LIST_ENTRY = "BitstringStatusListEntry";
    private static final Pattern STATUS_LIST_INDEX = Pattern.compile("0|[1-9][0-9]*");

    private CredentialValidator() {
    }

    static void validate(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw invalid("A verifiable credential is a JSON object, got "
                    + (credential == null ? "nothing" : credential.getNodeType()));
        }
        checkContext(credential.get("@context"));
        checkTypes(credential.get("type"), "type", true);
        JsonNode id = credential.get("id");
        if (id != null) {
            checkUrl(id, "id");
        }
        checkIssuer(credential.get("issuer"));
        checkSubjects(credential.get("credentialSubject"));
        Instant validFrom = checkDate(credential, "validFrom");
        Instant validUntil = checkDate(credential, "validUntil");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw invalid("validUntil (" + credential.get("validUntil").textValue() + ") is before validFrom ("
                    + credential.get("validFrom").textValue() + "); a credential cannot expire before it starts");
        }
        checkLanguageText(credential.get("name"), "name");
        checkLanguageText(credential.get("description"), "description");
        checkTypedObjects(credential.get("credentialStatus"), "credentialStatus", false);
        checkStatusListEntries(credential.get("credentialStatus"));
        checkTypedObjects(credential.get("credentialSchema"), "credentialSchema", true);
        checkTypedObjects(credential.get("proof"), "proof", false);
        for (String[] legacy : new String[][] {{"issuanceDate", "validFrom"}, {"expirationDate", "validUntil"}}) {
            if (credential.has(legacy[0])) {
                throw invalid("'" + legacy[0] + "' is a VC Data Model 1.1 property; VC 2.0 credentials use '"
                        + legacy[1] + "'");
            }
        }
    }

    private static void checkContext(JsonNode context) {
        if (context == null) {
            throw invalid("@context is missing; its first entry must be " + BundledContexts.CREDENTIALS_V2);
        }
        JsonNode first = context.isArray() ? context.path(0) : context;
        if (!first.isTextual() || !BundledContexts.CREDENTIALS_V2.equals(first.textValue())) {
            String found = first.isTextual() ? first.textValue() : first.toString();
            if (V1_CONTEXT.equals(found)) {
                throw invalid("This is a VC Data Model 1.1 credential (@context " + V1_CONTEXT
                        + "); only VC 2.0 credentials (" + BundledContexts.CREDENTIALS_V2 + ") are accepted");
            }
            throw invalid("The first @context entry must be " + BundledContexts.CREDENTIALS_V2 + ", got " + found);
        }
        if (context.isArray()) {
            for (int i = 1; i < context.size(); i++) {
                JsonNode entry = context.get(i);
                if (entry.isTextual()) {
                    checkUrl(entry, "@context[" + i + "]");
                } else if (!entry.isObject()) {
                    throw invalid("@context[" + i + "] must be a context URL or an object, got " + entry.getNodeType());
                }
            }
        } else if (!context.isTextual()) {
            throw invalid("@context must be an array of context URLs starting with " + BundledContexts.CREDENTIALS_V2);
        }
    }

    private static void checkTypes(JsonNode type, String property, boolean credential) {
        if (type == null) {
            throw invalid(property + " is missing" + (credential ? "; a credential's type includes VerifiableCredential" : ""));
        }
        boolean hasVc = false;
        if (type.isTextual()) {
            checkTypeName(type, property);
            hasVc = "VerifiableCredential".equals(type.textValue());
        } else if (type.isArray() && !type.isEmpty()) {
            for (int i = 0; i < type.size(); i++) {
                checkTypeName(type.get(i), property + "[" + i + "]");
                hasVc |= "VerifiableCredential".equals(type.get(i).textValue());
            }
        } else {
            throw invalid(property + " must be a type name or a non-empty array of them, got " + type);
        }
        if (credential && !hasVc) {
            throw invalid("type must include \"VerifiableCredential\", got " + type);
        }
    }

    private static void checkTypeName(JsonNode name, String property) {
        if (!name.isTextual() || name.textValue().isBlank()) {
            throw invalid(property + " must be a non-empty string, got " + name);
        }
    }

    private static void checkIssuer(JsonNode issuer) {
        if (issuer == null) {
            throw invalid("issuer is missing; give the issuing school's DID (e.g. did:web:truong-thpt-le-quy-don.hcm.edu.vn)"
                    + " or an object with that DID as id");
        }
        if (issuer.isTextual()) {
            checkUrl(issuer, "issuer");
        } else if (issuer.isObject()) {
            JsonNode id = issuer.get("id");
            if (id == null) {
                throw invalid("issuer is an object without an id; add the issuer's DID or URL as issuer.id");
            }
            checkUrl(id, "issuer.id");
            checkLanguageText(issuer.get("name"), "issuer.name");
        } else {
            throw invalid("issuer must be a DID/URL or an object with an id, got " + issuer.getNodeType());
        }
    }

    private static void checkSubjects(JsonNode subjects) {
        if (subjects == null) {
            throw invalid("credentialSubject is missing; it holds the claims about the student");
        }
        if (subjects.isObject()) {
            checkSubject(subjects, "credentialSubject");
        } else if (subjects.isArray() && !subjects.isEmpty()) {
            for (int i = 0; i < subjects.size(); i++) {
                checkSubject(subjects.get(i), "credentialSubject[" + i + "]");
            }
        } else {
            throw invalid("credentialSubject must be an object (or a non-empty array of objects), got "
                    + subjects.getNodeType());
        }
    }

    private static void checkSubject(JsonNode subject, String property) {
        if (!subject.isObject() || subject.isEmpty()) {
            throw invalid(property + " must be a non-empty object of claims, got " + subject);
        }
        if (subject.size() == 1 && subject.has("id")) {
            throw invalid(property + " holds only an id; a subject needs at least one claim about it");
        }
        JsonNode id = subject.get("id");
        if (id != null) {
            checkUrl(id, property + ".id");
        }
    }

    private static Instant checkDate(JsonNode credential, String property) {
        JsonNode value = credential.get(property);
        if (value == null) {
            return null;
        }
        Instant instant = value.isTextual() ? XsdDateTime.tryParse(value.textValue()) : null;
        if (instant == null) {
            throw invalid(property + " must be an XML Schema dateTimeStamp with a time zone, such as "
                    + "2025-06-01T00:00:00+07:00 or 2025-05-31T17:00:00Z; got " + value);
        }
        return instant;
    }

    private static void checkLanguageText(JsonNode text, String property) {
        if (text == null || text.isTextual() && !text.textValue().isBlank()) {
            return;
        }
        if (text.isObject()) {
            checkLanguageValue(text, property);
        } else if (text.isArray() && !text.isEmpty()) {
            for (int i = 0; i < text.size(); i++) {
                JsonNode item = text.get(i);
                if (!(item.isTextual() && !item.textValue().isBlank())) {
                    checkLanguageValue(item, property + "[" + i + "]");
                }
            }
        } else {
            throw invalid(property + " must be text or language value objects ({\"@value\": …, \"@language\": \"vi\"}), got "
                    + text);
        }
    }

    private static boolean isLanguageTag(String tag) {
        return tag.equals("vi") || tag.equals("en") || LANGUAGE_TAG.matcher(tag).matches();
    }

    private static void checkLanguageValue(JsonNode value, String property) {
        if (!value.isObject() || !value.path("@value").isTextual()) {
            throw invalid(property + " must be a language value object with a string @value, got " + value);
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("@value") && !name.equals("@language") && !name.equals("@direction")) {
                throw invalid(property + " is a language value object and may only hold @value, @language and"
                        + " @direction, not " + name);
            }
        }
        JsonNode language = value.get("@language");
        if (language != null && !(language.isTextual() && isLanguageTag(language.textValue()))) {
            throw invalid(property + ".@language must be a BCP 47 language tag such as \"vi\" or \"en\", got " + language);
        }
        JsonNode direction = value.get("@direction");
        if (direction != null && !("ltr".equals(direction.asText()) || "rtl".equals(direction.asText()))) {
            throw invalid(property + ".@direction must be \"ltr\" or \"rtl\", got " + direction);
        }
    }

    private static void checkTypedObjects(JsonNode value, String property, boolean idRequired) {
        if (value == null) {
            return;
        }
        if (value.isObject()) {
            checkTypedObject(value, property, idRequired);
        } else if (value.isArray() && !value.isEmpty()) {
            for (int i = 0; i < value.size(); i++) {
                checkTypedObject(value.get(i), property + "[" + i + "]", idRequired);
            }
        } else {
            throw invalid(property + " must be an object or a non-empty array of objects, got " + value.getNodeType());
        }
    }

    private static void checkTypedObject(JsonNode value, String property, boolean idRequired) {
        if (!value.isObject()) {
            throw invalid(property + " must be an object, got " + value.getNodeType());
        }
        checkTypes(value.get("type"), property + ".type", false);
        JsonNode id = value.get("id");
        if (id != null) {
            checkUrl(id, property + ".id");
        } else if (idRequired) {
            throw invalid(property + ".id is missing");
        }
    }

    /** The shape of each BitstringStatusListEntry (W3C Bitstring Status List v1.0); other status types are left alone. */
    private static void checkStatusListEntries(JsonNode status) {
        if (status == null) {
            return;
        }
        if (status.isObject()) {
            checkStatusListEntry(status, "credentialStatus");
        } else {
            for (int i = 0; i < status.size(); i++) {
                checkStatusListEntry(status.get(i), "credentialStatus[" + i + "]");
            }
        }
    }

    private static void checkStatusListEntry(JsonNode entry, String property) {
        JsonNode type = entry.get("type");
        boolean listEntry = STATUS_LIST_ENTRY.equals(type.textValue());
        for (JsonNode t : type.isArray() ? type : List.<JsonNode>of()) {
            listEntry |= STATUS_LIST_ENTRY.equals(t.textValue());
        }
        if (!listEntry) {
            return;
        }
        JsonNode purpose = entry.get("statusPurpose");
        if (purpose == null || !purpose.isTextual() || purpose.textValue().isBlank()) {
            throw invalid(property + ".statusPurpose must be a purpose such as \"revocation\", got " + purpose);
        }
        JsonNode index = entry.get("statusListIndex");
        if (index == null || !index.isTextual() || !STATUS_LIST_INDEX.matcher(index.textValue()).matches()) {
            throw invalid(property + ".statusListIndex must be a non-negative integer written as a base-10 string"
                    + " without leading zeros (e.g. \"94567\"), got " + index);
        }
        JsonNode list = entry.get("statusListCredential");
        if (list == null) {
            throw invalid(property + ".statusListCredential is missing; give the URL of the status list credential");
        }
        checkUrl(list, property + ".statusListCredential");
        JsonNode size = entry.get("statusSize");
        if (size != null && !(size.canConvertToExactIntegral() && size.asLong() >= 1)) {
            throw invalid(property + ".statusSize must be a positive integer, got " + size);
        }
    }

    private static void checkUrl(JsonNode value, String property) {
        if (!value.isTextual()) {
            throw invalid(property + " must be a URL string, got " + value.getNodeType());
        }
        String text = value.textValue();
        boolean ok;
        try {
            URI uri = new URI(text);
            ok = uri.getScheme() != null && text.length() > uri.getScheme().length() + 1;
        } catch (URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            throw invalid(property + " must be an absolute URL (such as a DID or urn:uuid:…), got \"" + text + "\"");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("Invalid credential: " + message);
    }
}
