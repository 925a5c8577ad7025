package vn.academicledger.documents.render;

import java.util.List;

/** Parts that both layouts share: the national header and the verification block with the QR code. */
final class Blocks {
    private Blocks() {
    }

    /**
     * Quốc hiệu and tiêu ngữ centred on {@code centreX}, the motto underlined as on official documents.
     *
     * @return the y below the block
     */
    static float nationalHeader(Canvas c, Fonts.FontSet f, Lang lang, float centreX, float top, float size,
                                float maxWidth) {
        String country = lang.t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM");
        String motto = lang.t("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness");
        float s1 = Canvas.fit(f.bold(), size, maxWidth, country);
        float y = top - s1;
        c.centred(f.bold(), s1, centreX, y, country);
        float s2 = Canvas.fit(f.bold(), size + 0.5f, maxWidth, motto);
        y -= s2 + 5;
        c.centred(f.bold(), s2, centreX, y, motto);
        float w = Canvas.textWidth(f.bold(), s2, motto);
        y -= 4;
        c.line(centreX - w / 2, y, centreX + w / 2, y, 0.7f, Canvas.BLACK);
        return y - 6;
    }

    /**
     * The QR code at (x, y) (its bottom-left corner) with the caption to its right: how to verify, the
     * URL, the credential id and what the file carries.
     *
     * @return the side of the code
     */
    static float verification(Canvas c, Fonts.FontSet f, Lang lang, QrCode qr, String url, String credentialId,
                              float x, float y, float captionWidth) {
        float side = qr.side(0);
        qr.draw(c, x, y, side);
        float tx = x + side + 8;
        float ty = y + side - 14;
        c.text(f.bold(), 8.5f, tx, ty, lang.t("Kiểm tra tính xác thực", "Check that this document is authentic"), Canvas.INK);
        ty -= 11;
        for (String line : Canvas.wrap(f.regular(), 7.5f, captionWidth, lang.t(
                "Quét mã QR bằng điện thoại hoặc mở địa chỉ:", "Scan the QR code with a phone or open:"))) {
            c.text(f.regular(), 7.5f, tx, ty, line);
            ty -= 9.5f;
        }
        for (String line : Canvas.wrap(f.regular(), 7f, captionWidth, url)) {
            c.text(f.regular(), 7f, tx, ty, line, Canvas.INK);
            ty -= 9;
        }
        ty -= 2;
        c.text(f.regular(), 7f, tx, ty, lang.t("Mã chứng từ: ", "Credential id: ") + credentialId, Canvas.GREY);
        ty -= 10;
        List<String> note = Canvas.wrap(f.italic(), 7f, captionWidth, lang.t(
                "Tệp PDF/A-3 này đính kèm chứng từ số gốc (credential.json) và mang chữ ký số PAdES của người có thẩm quyền; "
                        + "mọi thay đổi sau khi ký đều bị phát hiện khi kiểm tra.",
                "This PDF/A-3 file carries the original digital credential (credential.json) and the PAdES digital "
                        + "signature of the competent official; any change after signing is detected on verification."));
        for (String line : note) {
            c.text(f.italic(), 7f, tx, ty, line, Canvas.GREY);
            ty -= 9;
        }
        return side;
    }

    /** A centred block: a bold title, an italic hint, then the name in bold lower down. */
    static void signature(Canvas c, Fonts.FontSet f, float centreX, float top, String title, String hint, String name,
                          float maxWidth) {
        float s = Canvas.fit(f.bold(), 10, maxWidth, title);
        c.centred(f.bold(), s, centreX, top - s, title);
        c.centred(f.italic(), 8.5f, centreX, top - s - 13, hint, Canvas.GREY);
        if (name != null) {
            float ns = Canvas.fit(f.bold(), 10.5f, maxWidth, name);
            c.centred(f.bold(), ns, centreX, top - s - 50, name);
        }
    }
}
