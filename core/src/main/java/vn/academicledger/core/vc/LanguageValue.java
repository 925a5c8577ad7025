package vn.academicledger.core.vc;

import java.util.regex.Pattern;

import vn.academicledger.core.error.InvalidInputException;

/**
 * A VC 2.0 language value object: {@code {"@value": "Học bạ", "@language": "vi"}}, used for
 * {@code name} and {@code description} in several languages.
 */
public record LanguageValue(String value, String language) {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    public LanguageValue {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("A language value needs non-blank text");
        }
        if (language == null || !isLanguageTag(language)) {
            throw new InvalidInputException("A language value needs a BCP 47 language tag such as 'vi' or 'en', got "
                    + language);
        }
    }

    /** Whether the text is a language tag; the two tags credentials here use skip the pattern. */
    static boolean isLanguageTag(String language) {
        return language.equals("vi") || language.equals("en") || LANGUAGE_TAG.matcher(language).matches();
    }

    public static LanguageValue vi(String value) {
        return new LanguageValue(value, "vi");
    }

    public static LanguageValue en(String value) {
        return new LanguageValue(value, "en");
    }
}
