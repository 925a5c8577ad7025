package vn.academicledger.core.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The import's cell cleaning, and the shortcut that skips the Unicode normaliser for most cells. */
class CleanCellTest {
    private static boolean fastRange(char c) {
        return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF);
    }

    /** The slow path, as {@code clean} was before the shortcut. */
    private static String reference(String cell) {
        String v = cell.replace('\u00A0', ' ').strip();
        return Normalizer.normalize(v, Normalizer.Form.NFC);
    }

    @Test
    void everyPairOfShortcutCharactersIsAlreadyNfc() {
        // NFC of a string can only differ from it through a character that is not NFC on its own or
        // through two neighbours composing: checking every pair covers both.
        StringBuilder pair = new StringBuilder("  ");
        for (char a = 0; a < 0x1F00; a++) {
            if (!fastRange(a)) {
                continue;
            }
            for (char b = 0; b < 0x1F00; b++) {
                if (!fastRange(b)) {
                    continue;
                }
                pair.setCharAt(0, a);
                pair.setCharAt(1, b);
                if (!Normalizer.isNormalized(pair, Normalizer.Form.NFC)) {
                    throw new AssertionError(String.format("U+%04X U+%04X is not NFC", (int) a, (int) b));
                }
            }
        }
    }

    @Test
    void shortcutAgreesWithTheNormaliser() {
        String[] samples = {"", "8,5", "TOAN", " 9 ", "Nguyễn Thị Ánh", "Nguye\u0302\u0303n", "\u00A08", "Đ", "CĐ",
                "a\u0301", "\u212B", "x\u200B", "\t7", "7\n", "Lê\u00A0Văn"};
        for (String s : samples) {
            assertEquals(reference(s), GradebookImport.clean(s), s);
        }
        assertTrue(GradebookImport.alreadyClean("Trần Thị Ngọc Hương"));
        assertFalse(GradebookImport.alreadyClean("Tra\u0300n"));
        Random random = new Random(22);
        char[] alphabet = " \u00A0\t,aeiouAĐđơưăâêôÀÁẢÃẠệỹ\u0300\u0301\u0303\u0309\u0323\u212B\u2007".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            char[] cs = new char[1 + random.nextInt(6)];
            for (int j = 0; j < cs.length; j++) {
                cs[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(cs);
            assertEquals(reference(s), GradebookImport.clean(s), () -> s.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
        }
    }
}
