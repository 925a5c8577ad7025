package vn.academicledger.documents.render;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.CommentSubjectResult;
import vn.academicledger.core.domain.SubjectResult;
import vn.academicledger.core.domain.Term;

/**
 * Học bạ on A4 portrait: header (department and school | national header), title, student, the
 * subject table (semester I, semester II, year), conduct and study ratings, absences, outcome, title,
 * the homeroom teacher's comment, the signature blocks and the verification block with the QR code.
 * Content that does not fit continues on a further page; the verification block is on the first.
 */
final class ReportCardLayout {
    private static final float MARGIN = 40;
    private static final float BOTTOM_RESERVED = 138;
    private static final float ROW = 14.8f;

    private final PDDocument document;
    private final Fonts.FontSet f;
    private final Lang lang;
    private Canvas c;
    private float y;

    private ReportCardLayout(PDDocument document, Fonts.FontSet fonts, Lang lang) {
        this.document = document;
        this.f = fonts;
        this.lang = lang;
    }

    static void draw(PDDocument document, Fonts.FontSet fonts, Lang lang, ReportCard card, QrCode qr, String url,
                     String credentialId, LocalDate signedOn) {
        new ReportCardLayout(document, fonts, lang).render(card, qr, url, credentialId, signedOn);
    }

    private void render(ReportCard card, QrCode qr, String url, String credentialId, LocalDate signedOn) {
        newPage();
        float right = c.width() - MARGIN;
        float contentWidth = right - MARGIN;
        Blocks.verification(c, f, lang, qr, url, credentialId, MARGIN - 6, 28, contentWidth - qr.side(0) - 4);

        // Header: governing department and school on the left, national header on the right.
        float leftCentre = MARGIN + 125;
        float top = c.height() - 36;
        float ly = top - 10;
        for (String line : List.of(lang.t("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "DEPARTMENT OF EDUCATION AND TRAINING"),
                lang.upper(card.school().province()))) {
            c.centred(f.regular(), Canvas.fit(f.regular(), 9.5f, 250, line), leftCentre, ly, line);
            ly -= 12;
        }
        String school = lang.upper(card.school().name());
        float schoolSize = Canvas.fit(f.bold(), 9.5f, 250, school);
        if (schoolSize >= 8) {
            c.centred(f.bold(), schoolSize, leftCentre, ly, school);
            ly -= 12;
        } else {
            for (String line : Canvas.wrap(f.bold(), 9, 250, school)) {
                c.centred(f.bold(), 9, leftCentre, ly, line);
                ly -= 12;
            }
        }
        c.line(leftCentre - 30, ly + 4, leftCentre + 30, ly + 4, 0.7f, Canvas.BLACK);
        float ry = Blocks.nationalHeader(c, f, lang, right - 125, top, 9.5f, 250);
        y = Math.min(ly, ry) - 16;

        // Title.
        centred(f.bold(), 17, lang.t("HỌC BẠ SỐ", "DIGITAL REPORT CARD"), Canvas.RED);
        y -= 6;
        centred(f.bold(), 11.5f, lang.t("KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN", "STUDY AND CONDUCT RESULTS"), Canvas.BLACK);
        y -= 3;
        centred(f.regular(), 10.5f, lang.t("Năm học ", "School year ") + card.schoolYear() + "  •  "
                + lang.t("Lớp ", "Class ") + card.className() + "  •  " + lang.t("Khối ", "Grade ") + card.grade(), Canvas.BLACK);
        y -= 8;

        // Student.
        float mid = MARGIN + contentWidth * 0.58f;
        var s = card.student();
        pair(MARGIN, lang.t("Họ và tên: ", "Full name: "), s.fullName(), true, mid, lang.t("Giới tính: ", "Gender: "),
                lang.label(s.gender()));
        pair(MARGIN, lang.t("Ngày sinh: ", "Date of birth: "), lang.date(s.dateOfBirth()), false, mid,
                lang.t("Mã học sinh: ", "Student number: "), s.studentNumber());
        field(MARGIN, lang.t("Nơi sinh: ", "Place of birth: "), s.placeOfBirth(), contentWidth);
        field(MARGIN, lang.t("Mã định danh cá nhân: ", "Personal identification number: "), s.personalId(), contentWidth);
        field(MARGIN, lang.t("Giáo viên chủ nhiệm: ", "Homeroom teacher: "), card.homeroomTeacher(), contentWidth);
        y -= 8;

        // Subject table.
        float[] cols = {MARGIN, MARGIN + 30, MARGIN + 275, MARGIN + 355, MARGIN + 435, right};
        String[] head = {lang.t("STT", "No."), lang.t("Môn học, hoạt động giáo dục", "Subject or educational activity"),
                lang.label(Term.SEMESTER_1), lang.label(Term.SEMESTER_2), lang.label(Term.YEAR)};
        tableHeader(cols, head);
        int n = 1;
        for (SubjectResult r : card.subjects()) {
            ensure(ROW);
            String[] cells = {String.valueOf(n++), lang.label(r.subject()), cell(r, Term.SEMESTER_1),
                    cell(r, Term.SEMESTER_2), cell(r, Term.YEAR)};
            row(cols, cells, false);
        }
        y -= 8;

        // Ratings.
        ensure(ROW * 3 + 4);
        float[] rcols = {MARGIN, MARGIN + 275, MARGIN + 355, MARGIN + 435, right};
        tableHeader(rcols, new String[] {lang.t("Đánh giá", "Assessment"), lang.label(Term.SEMESTER_1),
                lang.label(Term.SEMESTER_2), lang.label(Term.YEAR)});
        row(rcols, new String[] {lang.t("Kết quả rèn luyện", "Conduct"), lang.label(card.semester1().conduct()),
                lang.label(card.semester2().conduct()), lang.label(card.year().conduct())}, true);
        row(rcols, new String[] {lang.t("Kết quả học tập", "Study results"), lang.label(card.semester1().study()),
                lang.label(card.semester2().study()), lang.label(card.year().study())}, true);
        y -= 10;

        ensure(48);
        labelled(MARGIN, lang.t("Số buổi nghỉ học cả năm: ", "Days absent in the year: "), String.valueOf(card.daysAbsent()), contentWidth);
        labelled(MARGIN, lang.t("Kết quả cả năm: ", "Year outcome: "), lang.label(card.outcome()), contentWidth);
        labelled(MARGIN, lang.t("Danh hiệu: ", "Honour title: "),
                card.title().map(lang::label).orElse(lang.t("Không", "None")), contentWidth);
        y -= 4;
        ensure(14);
        c.text(f.bold(), 10, MARGIN, y - 10, lang.t("Nhận xét của giáo viên chủ nhiệm:", "Homeroom teacher's comment:"));
        y -= 14;
        for (String line : Canvas.wrap(f.italic(), 10, contentWidth - 10, card.homeroomComment())) {
            ensure(13);
            c.text(f.italic(), 10, MARGIN + 10, y - 10, line);
            y -= 13;
        }
        y -= 8;

        // Signatures.
        ensure(84);
        float tCentre = MARGIN + contentWidth * 0.25f;
        float pCentre = MARGIN + contentWidth * 0.75f;
        if (signedOn != null) {
            c.centred(f.italic(), 9.5f, pCentre, y - 10, lang.placeAndDate(card.school().province(), signedOn));
        }
        y -= 16;
        Blocks.signature(c, f, tCentre, y, lang.t("GIÁO VIÊN CHỦ NHIỆM", "HOMEROOM TEACHER"),
                lang.t("(chữ ký số)", "(digital signature)"), card.homeroomTeacher(), contentWidth / 2 - 10);
        Blocks.signature(c, f, pCentre, y, lang.t("HIỆU TRƯỞNG", "PRINCIPAL"),
                lang.t("(chữ ký số; xem chữ ký trong tệp PDF)", "(digital signature; see the signatures in the PDF)"),
                null, contentWidth / 2 - 10);
        c.close();
    }

    private String cell(SubjectResult r, Term term) {
        if (r instanceof ScoredSubjectResult s) {
            return lang.score(s.average(term));
        }
        return lang.label(((CommentSubjectResult) r).grade(term));
    }

    private void newPage() {
        if (c != null) {
            c.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        c = new Canvas(document, page);
        y = c.height() - 40;
    }

    /** Starts a new page when fewer than {@code height} points are left above the reserved bottom. */
    private void ensure(float height) {
        float bottom = document.getNumberOfPages() == 1 ? BOTTOM_RESERVED : 40;
        if (y - height < bottom) {
            newPage();
        }
    }

    private void centred(org.apache.pdfbox.pdmodel.font.PDFont font, float size, String text, float[] colour) {
        float s = Canvas.fit(font, size, c.width() - 2 * MARGIN, text);
        y -= s;
        c.centred(font, s, c.width() / 2, y, text, colour);
        y -= 4;
    }

    private void pair(float x, String label1, String value1, boolean bold1, float x2, String label2, String value2) {
        float base = y - 11;
        c.text(f.regular(), 10, x, base, label1);
        float w1 = Canvas.textWidth(f.regular(), 10, label1);
        float room1 = x2 - x - w1 - 8;
        var font1 = bold1 ? f.bold() : f.regular();
        c.text(font1, Canvas.fit(font1, bold1 ? 11 : 10, room1, value1), x + w1, base, value1);
        c.text(f.regular(), 10, x2, base, label2);
        float w2 = Canvas.textWidth(f.regular(), 10, label2);
        float room2 = c.width() - MARGIN - x2 - w2;
        c.text(f.regular(), Canvas.fit(f.regular(), 10, room2, value2), x2 + w2, base, value2);
        y -= 15;
    }

    private void field(float x, String label, String value, float width) {
        c.text(f.regular(), 10, x, y - 11, label);
        float w = Canvas.textWidth(f.regular(), 10, label);
        List<String> lines = Canvas.wrap(f.regular(), 10, width - w, value);
        for (String line : lines) {
            c.text(f.regular(), 10, x + w, y - 11, line);
            y -= 13;
        }
        y -= 2;
    }

    private void labelled(float x, String label, String value, float width) {
        c.text(f.regular(), 10, x, y - 11, label);
        float w = Canvas.textWidth(f.regular(), 10, label);
        for (String line : Canvas.wrap(f.bold(), 10, width - w, value)) {
            c.text(f.bold(), 10, x + w, y - 11, line);
            y -= 14;
        }
    }

    private void tableHeader(float[] cols, String[] head) {
        ensure(ROW * 2);
        float h = ROW + 2;
        c.fill(cols[0], y - h, cols[cols.length - 1] - cols[0], h, Canvas.LIGHT);
        for (int i = 0; i < head.length; i++) {
            float w = cols[i + 1] - cols[i] - 6;
            float s = Canvas.fit(f.bold(), 9.5f, w, head[i]);
            c.centred(f.bold(), s, (cols[i] + cols[i + 1]) / 2, y - h + 5, head[i]);
        }
        grid(cols, h);
        y -= h;
    }

    /** One table row; the first text column is left aligned ({@code firstIsLabel}) or the second is. */
    private void row(float[] cols, String[] cells, boolean firstIsLabel) {
        int labelColumn = firstIsLabel ? 0 : 1;
        for (int i = 0; i < cells.length; i++) {
            float w = cols[i + 1] - cols[i] - 8;
            float s = Canvas.fit(f.regular(), 10, w, cells[i]);
            if (i == labelColumn) {
                c.text(f.regular(), s, cols[i] + 5, y - ROW + 4.5f, cells[i]);
            } else {
                c.centred(f.regular(), s, (cols[i] + cols[i + 1]) / 2, y - ROW + 4.5f, cells[i]);
            }
        }
        grid(cols, ROW);
        y -= ROW;
    }

    private void grid(float[] cols, float h) {
        float left = cols[0];
        float right = cols[cols.length - 1];
        c.box(left, y - h, right - left, h, 0.6f, Canvas.BLACK);
        for (int i = 1; i < cols.length - 1; i++) {
            c.line(cols[i], y - h, cols[i], y, 0.6f, Canvas.BLACK);
        }
    }
}
