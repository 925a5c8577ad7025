package vn.academicledger.documents.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Serif (regular, bold, italic), which has every Vietnamese letter as a precomposed glyph,
 * including the stacked ones (ặ ỗ ữ …). The TrueType files come from the {@code jasperreports-fonts}
 * Maven artifact on the classpath; nothing is kept in this repository. Each document embeds a subset
 * of the glyphs it uses.
 *
 * <p>Parsed fonts are kept per thread: a {@link TrueTypeFont} reads its tables lazily and is not
 * safe to share between threads, and parsing once per thread instead of once per document is what
 * makes rendering cheap.
 */
final class Fonts {
    static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
    static final String REGULAR_FILE = "DejaVuSerif.ttf";
    static final String BOLD_FILE = "DejaVuSerif-Bold.ttf";
    static final String ITALIC_FILE = "DejaVuSerif-Italic.ttf";

    private static final byte[] REGULAR = bytes(REGULAR_FILE);
    private static final byte[] BOLD = bytes(BOLD_FILE);
    private static final byte[] ITALIC = bytes(ITALIC_FILE);

    private static final ThreadLocal<Parsed> PARSED = ThreadLocal.withInitial(Parsed::new);

    private Fonts() {
    }

    /** The three faces, registered (as subsets) in {@code document}. */
    static FontSet load(PDDocument document) {
        Parsed parsed = PARSED.get();
        try {
            return new FontSet(PDType0Font.load(document, parsed.regular, true),
                    PDType0Font.load(document, parsed.bold, true),
                    PDType0Font.load(document, parsed.italic, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the DejaVu Serif fonts", e);
        }
    }

    /** The parsed regular, bold and italic faces of the calling thread, for glyph checks. */
    static TrueTypeFont[] parsedFaces() {
        Parsed parsed = PARSED.get();
        return new TrueTypeFont[] {parsed.regular, parsed.bold, parsed.italic};
    }

    record FontSet(PDType0Font regular, PDType0Font bold, PDType0Font italic) {
    }

    private static final class Parsed {
        final TrueTypeFont regular = parse(REGULAR, REGULAR_FILE);
        final TrueTypeFont bold = parse(BOLD, BOLD_FILE);
        final TrueTypeFont italic = parse(ITALIC, ITALIC_FILE);

        private static TrueTypeFont parse(byte[] data, String name) {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(data));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + name, e);
            }
        }
    }

    private static byte[] bytes(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException(DIRECTORY + file + " is missing from the classpath: the documents "
                        + "module needs net.sf.jasperreports:jasperreports-fonts at run time");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
