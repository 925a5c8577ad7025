package vn.academicledger.documents.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.academicledger.core.domain.Diploma;

/**
 * Văn bằng on A4 landscape inside a double frame: national header, the diploma's name, the issuing
 * authority's recognition, the graduate's details, place and date with the signing official, số hiệu
 * and số vào sổ, and the verification block with the QR code.
 */
final class DiplomaLayout {
    private static final float FRAME = 24;

    private DiplomaLayout() {
    }

    static void draw(PDDocument document, Fonts.FontSet f, Lang lang, Diploma d, QrCode qr, String url,
                     String credentialId) {
        PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        document.addPage(page);
        try (Canvas c = new Canvas(document, page)) {
            float w = c.width();
            float h = c.height();
            float centre = w / 2;
            c.box(FRAME, FRAME, w - 2 * FRAME, h - 2 * FRAME, 2.2f, Canvas.RED);
            c.box(FRAME + 5, FRAME + 5, w - 2 * FRAME - 10, h - 2 * FRAME - 10, 0.6f, Canvas.RED);

            float y = Blocks.nationalHeader(c, f, lang, centre, h - 52, 12, 520);
            y -= 26;
            String title = lang.upper(lang.label(d.kind()));
            float ts = Canvas.fit(f.bold(), 25, w - 160, title);
            c.centred(f.bold(), ts, centre, y - ts, title, Canvas.RED);
            y -= ts + 22;

            String authority = lang.upper(d.issuingAuthority());
            float as = Canvas.fit(f.bold(), 12, w - 160, authority);
            c.centred(f.bold(), as, centre, y - as, authority, Canvas.INK);
            y -= as + 10;
            String level = d.kind().level().vietnamese().toLowerCase(lang.locale);
            String recognition = lang.t("công nhận tốt nghiệp " + level + " năm " + d.graduationYear() + " cho:",
                    "certifies that the person below graduated from " + d.kind().level().english().toLowerCase(lang.locale)
                            + " school in " + d.graduationYear() + ":");
            c.centred(f.italic(), 11.5f, centre, y - 11.5f, recognition);
            y -= 36;

            float labelX = 190;
            float valueX = 330;
            float valueWidth = w - valueX - 80;
            y = field(c, f, labelX, valueX, valueWidth, y, lang.t("Họ và tên:", "Full name:"), d.holder().fullName(), 17, true);
            y = field(c, f, labelX, valueX, valueWidth, y, lang.t("Ngày sinh:", "Date of birth:"),
                    lang.date(d.holder().dateOfBirth()), 12, false);
            y = field(c, f, labelX, valueX, valueWidth, y, lang.t("Giới tính:", "Gender:"), lang.label(d.holder().gender()), 12, false);
            y = field(c, f, labelX, valueX, valueWidth, y, lang.t("Nơi sinh:", "Place of birth:"), d.holder().placeOfBirth(), 12, false);
            y = field(c, f, labelX, valueX, valueWidth, y, lang.t("Học sinh trường:", "Student of:"), d.school().name(), 12, false);
            if (d.classification() != null) {
                y = field(c, f, labelX, valueX, valueWidth, y, lang.t("Xếp loại tốt nghiệp:", "Classification:"),
                        lang.label(d.classification()), 12, true);
            }

            // Place, date and the signing official, bottom right.
            float sCentre = w - 215;
            float sTop = 205;
            c.centred(f.italic(), 11, sCentre, sTop, lang.placeAndDate(d.placeOfIssue(), d.issueDate()));
            Blocks.signature(c, f, sCentre, sTop - 8, lang.upper(d.signerTitle()),
                    lang.t("(chữ ký số)", "(digital signature)"), d.signerName(), 330);

            // Numbers and verification, bottom left.
            float nx = FRAME + 30;
            c.text(f.regular(), 10, nx, 205, lang.t("Số hiệu: ", "Serial number: "));
            c.text(f.bold(), 10.5f, nx + Canvas.textWidth(f.regular(), 10, lang.t("Số hiệu: ", "Serial number: ")), 205,
                    d.serialNumber(), Canvas.RED);
            String reg = lang.t("Số vào sổ gốc cấp văn bằng: ", "Register number: ");
            c.text(f.regular(), 10, nx, 190, reg);
            c.text(f.bold(), 10.5f, nx + Canvas.textWidth(f.regular(), 10, reg), 190, d.registerNumber());
            Blocks.verification(c, f, lang, qr, url, credentialId, nx - 6, FRAME + 14, 250);
        }
    }

    private static float field(Canvas c, Fonts.FontSet f, float labelX, float valueX, float valueWidth, float y,
                               String label, String value, float size, boolean bold) {
        var font = bold ? f.bold() : f.regular();
        float s = Canvas.fit(font, size, valueWidth, value);
        c.text(f.regular(), 12, labelX, y - 12, label);
        c.text(font, s, valueX, y - 12, value, bold ? Canvas.INK : Canvas.BLACK);
        return y - Math.max(21, s + 8);
    }
}
