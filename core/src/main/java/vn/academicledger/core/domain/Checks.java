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
        return text(value, () -> what);
    }

    /** Like {@link #text} but blank becomes {@code null}. */
    static String optionalText(String value) {
        if (value == null) {
            return null;
        }
        if (alreadyClean(value)) {
            return value;
        }
        String t = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    /**
     * True when normalising would not change {@code value}: non-empty, single spaces only between
     * words (no tabs, line breaks or other white space), and already NFC. Most text is, and this
     * check costs a fraction of the normalisation.
     */
    private static boolean alreadyClean(String value) {
        int n = value.length();
        if (n == 0) {
            return false;
        }
        boolean afterSpace = true;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                if (afterSpace) {
                    return false;
                }
                afterSpace = true;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            } else {
                afterSpace = false;
            }
        }
        return !afterSpace && (Nfc.surely(value) || Normalizer.isNormalized(value, Normalizer.Form.NFC));
    }

    static <T> T required(T value, String what) {
        return required(value, () -> what);
    }

    static void check(boolean condition, String message) {
        check(condition, () -> message);
    }

    /** {@link #text(String, String)} with the description made only when it is needed (hot paths). */
    static String text(String value, java.util.function.Supplier<String> what) {
        String t = optionalText(value);
        if (t == null) {
            throw new InvalidInputException("Thiếu " + what.get() + ".");
        }
        return t;
    }

    static <T> T required(T value, java.util.function.Supplier<String> what) {
        if (value == null) {
            throw new InvalidInputException("Thiếu " + what.get() + ".");
        }
        return value;
    }

    static void check(boolean condition, java.util.function.Supplier<String> message) {
        if (!condition) {
            throw new InvalidInputException(message.get());
        }
    }
}
