package vn.academicledger.documents.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Map;

/** Reads QR codes back from page images, and makes an image look like a phone photo of a printout. */
public final class QrImages {
    private QrImages() {
    }

    /** The text of the one QR code on the image; fails the test if none can be read. */
    public static String decode(BufferedImage image) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code on the image: " + e, e);
        }
    }

    /**
     * Rotated by {@code degrees}, blurred by a 3×3 box, lit unevenly (a gradient that darkens one side by
     * {@code 1 - light}), the way a printout looks to a phone held by hand.
     */
    public static BufferedImage photograph(BufferedImage page, double degrees, float light) {
        BufferedImage rotated = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rotated.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        float ninth = 1f / 9f;
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, new float[] {ninth, ninth, ninth, ninth, ninth, ninth,
                ninth, ninth, ninth}), ConvolveOp.EDGE_NO_OP, null).filter(rotated, null);
        Graphics2D shade = blurred.createGraphics();
        int dark = Math.round(255 * (1 - light));
        shade.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 0), blurred.getWidth(), blurred.getHeight(),
                new Color(0, 0, 0, dark)));
        shade.fillRect(0, 0, blurred.getWidth(), blurred.getHeight());
        shade.dispose();
        return blurred;
    }
}
