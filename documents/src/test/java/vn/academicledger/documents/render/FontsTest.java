package vn.academicledger.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.documents.testing.Samples;

class FontsTest {
    /** a ă â e ê i o ô ơ u ư y with no tone and the five tones, lower and upper case, and đ Đ: 146 letters. */
    static List<String> vietnameseLetters() {
        String[] vowels = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        List<String> letters = new ArrayList<>();
        for (String v : vowels) {
            for (String t : tones) {
                String lower = Normalizer.normalize(v + t, Normalizer.Form.NFC);
                letters.add(lower);
                letters.add(lower.toUpperCase(Locale.ROOT));
            }
        }
        letters.add("đ");
        letters.add("Đ");
        return letters;
    }

    @Test
    void every_vietnamese_letter_is_one_precomposed_character() {
        assertThat(vietnameseLetters()).hasSize(146).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isEqualTo(1));
        assertThat(vietnameseLetters()).contains("ặ", "ỗ", "ữ", "Ặ", "Ỗ", "Ữ", "ỹ", "Ỹ");
    }

    @Test
    void regular_bold_and_italic_have_a_glyph_for_every_vietnamese_letter() throws IOException {
        for (TrueTypeFont face : Fonts.parsedFaces()) {
            var cmap = face.getUnicodeCmapLookup();
            for (String letter : vietnameseLetters()) {
                assertThat(cmap.getGlyphId(letter.codePointAt(0))).as("%s in %s", letter, face.getName()).isNotZero();
            }
        }
    }

    @Test
    void a_character_the_font_cannot_draw_is_refused_naming_it_instead_of_printing_a_box() {
        ReportCard card = Samples.reportCard(0);
        ReportCard odd = new ReportCard(card.school(), card.student(), card.schoolYear(), card.grade(), card.className(),
                card.homeroomTeacher(), card.subjects(), card.semester1(), card.semester2(), card.year(), card.daysAbsent(),
                "Học tốt 漢", card.outcome(), card.honourTitle());
        var id = Samples.uuid("odd");
        assertThatThrownBy(() -> DocumentRenderer.reportCard(odd, Samples.credential(odd, id), Samples.VI, Samples.qr(id)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("U+6F22");
    }

    @Test
    void text_in_decomposed_form_is_drawn_precomposed() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Thu Hằng", Normalizer.Form.NFD);
        assertThat(Canvas.clean(decomposed)).isEqualTo("Nguyễn Thị Thu Hằng");
    }
}
