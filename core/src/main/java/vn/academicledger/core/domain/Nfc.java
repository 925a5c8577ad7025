package vn.academicledger.core.domain;

/** A quick test for Unicode NFC that needs no normaliser for the text school records are made of. */
public final class Nfc {
    private Nfc() {
    }

    /**
     * True when every character is below U+0300 or in Latin Extended Additional (U+1E00–U+1EFF, the
     * precomposed Vietnamese letters). Such a string is already NFC: none of those characters has a
     * non-zero combining class or a "no"/"maybe" NFC quick-check value, and none is the second
     * character of a canonical composition ({@code CleanCellTest} checks every pair against the
     * Unicode data). False says nothing either way: ask {@link java.text.Normalizer}.
     */
    public static boolean surely(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
                return false;
            }
        }
        return true;
    }
}
