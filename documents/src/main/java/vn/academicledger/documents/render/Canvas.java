package vn.academicledger.documents.render;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Drawing on one page in points from the page's bottom-left corner: text left, centred or right
 * aligned, wrapped paragraphs, lines and boxes. Text is normalized to NFC first (the fonts have
 * precomposed Vietnamese letters; PDFBox does not position combining marks), and a character the
 * font lacks is refused instead of being drawn as a box.
 */
final class Canvas implements Closeable {
    static final float[] BLACK = {0, 0, 0};
    static final float[] INK = {0.10f, 0.12f, 0.30f};
    static final float[] RED = {0.62f, 0.07f, 0.07f};
    static final float[] GREY = {0.35f, 0.35f, 0.35f};
    static final float[] LIGHT = {0.92f, 0.93f, 0.96f};

    private final PDPageContentStream out;
    final PDPage page;

    Canvas(PDDocument document, PDPage page) {
        this.page = page;
        try {
            this.out = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width() {
        return page.getMediaBox().getWidth();
    }

    float height() {
        return page.getMediaBox().getHeight();
    }

    static String clean(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static float textWidth(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(clean(text)) / 1000f * size;
        } catch (IllegalArgumentException e) {
            throw missingGlyph(font, text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(PDFont font, float size, float x, float y, String text, float[] colour) {
        String t = clean(text);
        try {
            out.beginText();
            out.setNonStrokingColor(colour[0], colour[1], colour[2]);
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(t);
            out.endText();
        } catch (IllegalArgumentException e) {
            throw missingGlyph(font, t, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(PDFont font, float size, float x, float y, String text) {
        text(font, size, x, y, text, BLACK);
    }

    void centred(PDFont font, float size, float centreX, float y, String text, float[] colour) {
        text(font, size, centreX - textWidth(font, size, text) / 2, y, text, colour);
    }

    void centred(PDFont font, float size, float centreX, float y, String text) {
        centred(font, size, centreX, y, text, BLACK);
    }

    void right(PDFont font, float size, float rightX, float y, String text) {
        text(font, size, rightX - textWidth(font, size, text), y, text, BLACK);
    }

    /** The largest size up to {@code size} at which {@code text} fits in {@code maxWidth}. */
    static float fit(PDFont font, float size, float maxWidth, String text) {
        float w = textWidth(font, size, text);
        return w <= maxWidth ? size : size * maxWidth / w;
    }

    /** Greedy word wrap; a word longer than the width is broken where it overflows. */
    static List<String> wrap(PDFont font, float size, float maxWidth, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean(text).strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (textWidth(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (textWidth(font, size, rest) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && textWidth(font, size, rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, float[] colour) {
        try {
            out.setStrokingColor(colour[0], colour[1], colour[2]);
            out.setLineWidth(lineWidth);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void box(float x, float y, float w, float h, float lineWidth, float[] colour) {
        try {
            out.setStrokingColor(colour[0], colour[1], colour[2]);
            out.setLineWidth(lineWidth);
            out.addRect(x, y, w, h);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float y, float w, float h, float[] colour) {
        try {
            out.setNonStrokingColor(colour[0], colour[1], colour[2]);
            out.addRect(x, y, w, h);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills many rectangles with one fill operator (used for QR modules). */
    void fillAll(List<float[]> rectangles, float[] colour) {
        try {
            out.setNonStrokingColor(colour[0], colour[1], colour[2]);
            for (float[] r : rectangles) {
                out.addRect(r[0], r[1], r[2], r[3]);
            }
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidInputException missingGlyph(PDFont font, String text, IllegalArgumentException cause) {
        StringBuilder missing = new StringBuilder();
        text.codePoints().forEach(cp -> {
            try {
                font.getStringWidth(new String(Character.toChars(cp)));
            } catch (IllegalArgumentException | IOException e) {
                missing.append(String.format(" U+%04X '%s'", cp, new String(Character.toChars(cp))));
            }
        });
        return new InvalidInputException("The text \"" + text + "\" has characters that the document font ("
                + font.getName() + ") cannot draw:" + missing + ". Remove or replace them in the record.", cause);
    }
}
