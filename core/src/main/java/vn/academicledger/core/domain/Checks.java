package vn.academicledger.core.domain;

import java.text.Normalizer;
import vn.academicledger.core.error.InvalidInputException;

/** Shared input checks of the domain records; messages say what to fix, in Vietnamese. */
final class Checks {
    private Checks() {
    }

    /**
     * Text as stored and signed: Unicode NFC (a name typed on a phone and the same name pasted from
     * Word then hash the same), trimmed, runs of white space collapsed to one space.
     */
    static String text(String value, String what) {
        String t = optionalText(value);
        if (t == null) {
            throw new InvalidInputException("Thiếu " + what + ".");
        }
        return t;
    }

    /** Like {@link #text} but blank becomes {@code null}. */
    static String optionalText(String value) {
        if (value == null) {
            return null;
        }
        String t = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new InvalidInputException("Thiếu " + what + ".");
        }
        return value;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }
}
