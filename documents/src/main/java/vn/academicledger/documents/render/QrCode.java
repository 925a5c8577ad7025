package vn.academicledger.documents.render;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QR code drawn as vector rectangles (sharp at any print or zoom resolution, a few hundred bytes).
 *
 * <p>Sizing for print and phone cameras: error correction M (15% of the code may be damaged or
 * glared), and a module of at least {@value #MIN_MODULE_MM} mm, which a phone resolves from 20-30 cm.
 * A verification URL of about 110 characters is version 7 (45 modules), so the code is about
 * 33 mm wide plus a quiet zone of four modules.
 */
final class QrCode {
    static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;
    static final float MIN_MODULE_MM = 0.7f;
    static final int QUIET_ZONE_MODULES = 4;
    private static final float POINTS_PER_MM = 72f / 25.4f;

    private final ByteMatrix matrix;

    private QrCode(ByteMatrix matrix) {
        this.matrix = matrix;
    }

    static QrCode of(String text) {
        try {
            QRCode code = Encoder.encode(text, ERROR_CORRECTION,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            return new QrCode(code.getMatrix());
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the QR code for " + text, e);
        }
    }

    int modules() {
        return matrix.getWidth();
    }

    /** Side of the code including its quiet zone, at the minimum module size or {@code minSide}, whichever is larger. */
    float side(float minSide) {
        float total = modules() + 2 * QUIET_ZONE_MODULES;
        return Math.max(minSide, total * MIN_MODULE_MM * POINTS_PER_MM);
    }

    /** Draws the code with its quiet zone in the square at (x, y) of the given side; white behind it. */
    void draw(Canvas canvas, float x, float y, float side) {
        int n = modules();
        float module = side / (n + 2 * QUIET_ZONE_MODULES);
        float originX = x + QUIET_ZONE_MODULES * module;
        float top = y + side - QUIET_ZONE_MODULES * module;
        canvas.fill(x, y, side, side, new float[] {1, 1, 1});
        List<float[]> runs = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row) == 1) {
                    col++;
                }
                // A hair of overlap closes the seams some renderers leave between adjacent rectangles.
                runs.add(new float[] {originX + start * module, top - (row + 1) * module,
                        (col - start) * module + 0.02f, module + 0.02f});
            }
        }
        canvas.fillAll(runs, Canvas.BLACK);
    }
}
