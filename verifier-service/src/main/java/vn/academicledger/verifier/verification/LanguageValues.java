package vn.academicledger.verifier.verification;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads VC 2.0 language values ({@code "text"}, {@code {"@value","@language"}} or an array of them). */
public final class LanguageValues {
    private LanguageValues() {
    }

    /** The value in {@code language}, else the first one, else null. */
    public static String pick(JsonNode value, String language) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject()) {
            return value.path("@value").isTextual() ? value.get("@value").asText() : null;
        }
        if (value.isArray()) {
            String first = null;
            for (JsonNode v : value) {
                String text = pick(v, language);
                if (text != null && first == null) {
                    first = text;
                }
                if (text != null && v.isObject() && language.equals(v.path("@language").asText())) {
                    return text;
                }
            }
            return first;
        }
        return null;
    }

    /** The issuer's name: {@code issuer.name} in {@code language}, or null. */
    public static String issuerName(JsonNode credential, String language) {
        JsonNode issuer = credential == null ? null : credential.get("issuer");
        return issuer != null && issuer.isObject() ? pick(issuer.get("name"), language) : null;
    }
}
