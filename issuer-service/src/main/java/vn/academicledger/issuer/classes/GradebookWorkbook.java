package vn.academicledger.issuer.classes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.academicledger.core.grading.ClassGradebook;
import vn.academicledger.core.grading.GradebookCsv;
import vn.academicledger.core.grading.GradebookImport;
import vn.academicledger.core.grading.GradebookImportException;
import vn.academicledger.core.grading.GradebookTable;
import vn.academicledger.core.grading.ImportProblem;

/**
 * A class's gradebook as one Excel workbook (.xlsx) with three sheets — the class, the students
 * and the scores, with the columns of {@link GradebookCsv} — read into the same {@link
 * GradebookTable}s as the CSV files, so {@link GradebookImport} validates it the same way and its
 * {@link ImportProblem}s name the sheet and the Excel row.
 *
 * <p>Sheets are found by name — {@code lop}, {@code hoc-sinh}, {@code diem}, in any case, with or
 * without diacritics, spaces or {@code .csv} ({@code Lớp}, {@code Học sinh}, {@code DIEM.csv}) — or
 * else are the first three sheets in that order. Cells are read as Excel stores them: text; numbers
 * as plain decimals ({@code 8.5}, a 12-digit number without exponent; float noise of formulas
 * rounded to 15 significant digits, as Excel shows them); numbers formatted as dates as
 * {@code dd/MM/yyyy}; formulas by their cached value; booleans as TRUE/FALSE. An error value, or a
 * formula never calculated, is a problem of its cell.
 *
 * <p>Limits, checked before POI parses anything: the file at most {@value #MAX_FILE_BYTES} bytes,
 * at most {@value #MAX_ENTRIES} zip entries inflating to at most {@value #MAX_UNCOMPRESSED_BYTES}
 * bytes in all (a zip bomb is refused after inflating that much, never more); POI's own ratio
 * check (ZipSecureFile) still applies. Sheets are streamed (SAX), never loaded whole; a sheet of
 * more than {@value #MAX_ROWS} rows is refused with a problem.
 */
public final class GradebookWorkbook {
    public static final long MAX_FILE_BYTES = 32L << 20;
    public static final long MAX_UNCOMPRESSED_BYTES = 256L << 20;
    public static final int MAX_ENTRIES = 1_000;
    public static final int MAX_ROWS = 200_000;
    /** Excel's own limit for the text of a cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Columns beyond this are not read (the gradebook has 12 at most). */
    static final int MAX_COLUMNS = 256;

    /** The limits a workbook is read under (tests use smaller ones). */
    record Limits(long fileBytes, long uncompressedBytes, int entries, int rows) {
    }

    static final Limits LIMITS = new Limits(MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ENTRIES, MAX_ROWS);

    /** Sheet names as written, in order: the class, the students, the scores. */
    static final List<String> SHEET_NAMES = List.of("lop", "hoc-sinh", "diem");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter INPUT_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private GradebookWorkbook() {
    }

    /**
     * The three sheets of a workbook, read but not validated.
     *
     * @param classSheet    the class ({@link GradebookCsv#CLASS_COLUMNS}); problems name the sheet
     * @param studentsSheet the students ({@link GradebookCsv#STUDENT_COLUMNS})
     * @param scoresSheet   the scores ({@link GradebookCsv#SCORE_COLUMNS})
     */
    public record Sheets(GradebookTable classSheet, GradebookTable studentsSheet, GradebookTable scoresSheet) {
        /**
         * Validates the sheets into the class's gradebook.
         *
         * @throws GradebookImportException with every problem, each naming the sheet, the Excel row and the column
         */
        public ClassGradebook gradebook() {
            return GradebookImport.read(classSheet, studentsSheet, scoresSheet);
        }

        /** {@code lop.csv}: the class sheet as CSV, each row on the line of its Excel row number. */
        public String classCsv() {
            return classSheet.toCsv();
        }

        /** {@code hoc-sinh.csv}: the students sheet as CSV. */
        public String studentsCsv() {
            return studentsSheet.toCsv();
        }

        /** {@code diem.csv}: the scores sheet as CSV. */
        public String scoresCsv() {
            return scoresSheet.toCsv();
        }
    }

    /**
     * Reads and validates a workbook.
     *
     * @param fileName the upload's name, for problems about the whole file
     * @throws GradebookImportException when the file cannot be read as a workbook of three sheets, or
     *                                  with every problem of its rows
     */
    public static ClassGradebook read(String fileName, InputStream xlsx) {
        return sheets(fileName, xlsx).gradebook();
    }

    /**
     * Reads the three sheets of a workbook without validating them (see {@link Sheets#gradebook()}),
     * e.g. to keep the class as CSV texts.
     *
     * @throws GradebookImportException with one problem when the file is not a readable workbook of at
     *                                  least three sheets (too large, not XLSX, encrypted, a zip bomb)
     */
    public static Sheets sheets(String fileName, InputStream xlsx) {
        return sheets(fileName, xlsx, LIMITS);
    }

    static Sheets sheets(String fileName, InputStream xlsx, Limits limits) {
        Path file = null;
        try {
            try {
                file = Files.createTempFile("gradebook-", ".xlsx");   // owner-only on POSIX
                copyAtMost(fileName, xlsx, file, limits);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                checkZip(fileName, file, limits);
                try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                    return read(fileName, pkg, limits);
                }
            } catch (GradebookImportException e) {
                throw e;
            } catch (Exception e) {
                // whatever POI throws on a file it cannot read: the person who sent it can only save it again
                throw refused(fileName, isZipLimit(e) ? zipBomb(limits)
                        : e instanceof InvalidFormatException || e instanceof NotOfficeXmlFileException ? notXlsx()
                        : "tệp Excel bị hỏng, không đọc được: mở bằng Excel, lưu lại dạng Excel Workbook (.xlsx) rồi gửi lại.");
            }
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temporary folder
                }
            }
        }
    }

    // ------------------------------------------------------------------ limits

    private static void copyAtMost(String fileName, InputStream in, Path file, Limits limits) throws IOException {
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limits.fileBytes()) {
                    throw refused(fileName, "tệp lớn hơn " + megabytes(limits.fileBytes()) + " MB, quá lớn cho một lớp:"
                            + " mỗi tệp chỉ chứa một lớp; xoá các trang tính và hình ảnh không cần thiết.");
                }
                out.write(buf, 0, n);
            }
        }
    }

    /**
     * Inflates every entry (discarding the bytes) and refuses the file when the entries together
     * inflate to more than {@link #MAX_UNCOMPRESSED_BYTES}: stops as soon as the limit is passed.
     */
    private static void checkZip(String fileName, Path file, Limits limits) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                    && (head[3] & 0xFF) == 0xE0) {
                throw refused(fileName, "tệp có đặt mật khẩu, hoặc là tệp Excel 97-2003 (.xls): bỏ mật khẩu và lưu lại"
                        + " dạng Excel Workbook (.xlsx) rồi gửi lại.");
            }
            if (n < 4 || head[0] != 'P' || head[1] != 'K') {
                throw refused(fileName, notXlsx());
            }
        }
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.entries()) {
                throw refused(fileName, zipBomb(limits));
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        total += n;
                        if (total > limits.uncompressedBytes()) {
                            throw refused(fileName, zipBomb(limits));
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw refused(fileName, notXlsx());
        }
    }

    private static boolean isZipLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("MAX_ENTRY_SIZE") || m.contains("max file count"))) {
                return true;
            }
        }
        return false;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? String.valueOf(bytes >> 20) : String.format(Locale.ROOT, "%.2f", bytes / 1048576.0);
    }

    private static String zipBomb(Limits limits) {
        return "tệp nén bất thường (giải nén ra quá " + megabytes(limits.uncompressedBytes()) + " MB, quá "
                + limits.entries() + " phần, hoặc tỉ lệ nén quá cao), "
                + "không đọc: lưu lại bảng điểm của lớp dạng Excel Workbook (.xlsx) bằng Excel rồi gửi lại.";
    }

    private static String notXlsx() {
        return "không phải tệp Excel Workbook (.xlsx): mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx), hoặc gửi"
                + " ba tệp CSV UTF-8 (lop.csv, hoc-sinh.csv, diem.csv).";
    }

    private static GradebookImportException refused(String fileName, String reason) {
        return new GradebookImportException(List.of(new ImportProblem(fileName, 0, null, reason)));
    }

    // ------------------------------------------------------------------ sheets

    private record SheetRef(String name, PackagePart part) {
    }

    private static Sheets read(String fileName, OPCPackage pkg, Limits limits) throws IOException, OpenXML4JException, SAXException {
        XSSFReader reader = new XSSFReader(pkg);
        List<SheetRef> refs = new ArrayList<>();
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                refs.add(new SheetRef(it.getSheetName(), it.getSheetPart()));
            }
        }
        SheetRef[] chosen = new SheetRef[3];
        for (SheetRef ref : refs) {
            int at = SHEET_NAMES.stream().map(GradebookWorkbook::sheetKey).toList().indexOf(sheetKey(ref.name()));
            if (at >= 0 && chosen[at] == null) {
                chosen[at] = ref;
            }
        }
        if (chosen[0] == null || chosen[1] == null || chosen[2] == null) {
            if (refs.size() < 3) {
                List<String> names = refs.stream().map(SheetRef::name).toList();
                throw refused(fileName, "tệp có " + refs.size() + " trang tính (" + String.join(", ", names) + "), cần ba: "
                        + "'lop' (lớp), 'hoc-sinh' (học sinh) và 'diem' (điểm), đặt đúng tên hoặc theo thứ tự đó.");
            }
            chosen = new SheetRef[] {refs.get(0), refs.get(1), refs.get(2)};
        }
        boolean date1904 = date1904(reader);
        StylesTable styles = reader.getStylesTable();
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        GradebookTable[] tables = new GradebookTable[3];
        for (int i = 0; i < 3; i++) {
            SheetReader sheet = new SheetReader(chosen[i].name(), strings, styles, date1904, limits.rows());
            try (InputStream in = chosen[i].part().getInputStream()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(sheet);
                xml.parse(new InputSource(in));
            } catch (TooManyRows stop) {
                sheet.problems.add(new ImportProblem(sheet.name, 0, null, "trang tính có hơn " + limits.rows() + " dòng,"
                        + " quá nhiều cho một lớp: mỗi tệp chỉ chứa một lớp; xoá các dòng thừa."));
                sheet.complete = false;
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
            tables[i] = new GradebookTable(sheet.name, sheet.rows, sheet.problems, sheet.complete);
        }
        return new Sheets(tables[0], tables[1], tables[2]);
    }

    /** {@code Học sinh.csv} → {@code hocsinh}: no diacritics, case, spaces, punctuation or {@code .csv}. */
    static String sheetKey(String name) {
        String n = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replace('đ', 'd').replaceAll("\\p{M}", "");
        if (n.endsWith(".csv")) {
            n = n.substring(0, n.length() - 4);
        }
        return n.replaceAll("[^a-z0-9]", "");
    }

    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
        boolean[] found = {false};
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if (local(localName, qName).equals("workbookPr")) {
                        String v = atts.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(in));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return found[0];
    }

    private static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    private static final class TooManyRows extends SAXException {
        TooManyRows() {
            super("too many rows");
        }
    }

    /**
     * Streams one sheet's XML ({@code <row r><c r t s><v>|<is><t>}) into rows of text, as Excel
     * stores the cells, without building the sheet in memory.
     */
    private static final class SheetReader extends DefaultHandler {
        final String name;
        final List<GradebookTable.Row> rows = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        boolean complete = true;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final int maxRows;
        /** The first row with any text: names the columns of cell problems. */
        private List<String> header;

        private int rowNumber;
        private List<String> cells;
        private boolean rowBeyondColumns;
        private int column;
        private String type;
        private int style;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inlineString;
        private int phonetic;
        /** The text of {@code <v>}: a number, a shared string's index, a formula's result, … */
        private final StringBuilder value = new StringBuilder();
        private boolean hasValue;
        /** The text of {@code <is>}, an inline string. */
        private final StringBuilder inline = new StringBuilder();
        private boolean hasInline;

        SheetReader(String name, ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904, int maxRows) {
            this.name = name;
            this.maxRows = maxRows;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (local(localName, qName)) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : parsePositive(r, rowNumber + 1);
                    cells = new ArrayList<>();
                    rowBeyondColumns = false;
                    column = 0;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    int at = ref == null ? column : columnIndex(ref);
                    column = at < 0 ? column : at;
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : parsePositive(s, 0);
                    formula = false;
                    hasValue = false;
                    hasInline = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                    value.setLength(0);
                }
                case "is" -> inlineString = true;
                case "rPh" -> phonetic++;
                case "t" -> {
                    if (inlineString && phonetic == 0) {
                        inInlineText = true;
                        hasInline = true;
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            StringBuilder into = inValue ? value : inInlineText ? inline : null;
            if (into != null) {
                into.append(ch, start, Math.min(length, Math.max(0, MAX_CELL_CHARS + 1 - into.length())));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (local(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "is" -> inlineString = false;
                case "rPh" -> phonetic--;
                case "c" -> endCell();
                case "row" -> endRow();
                default -> {
                }
            }
        }

        private void endCell() {
            int at = column++;
            if (cells == null) {
                return;   // a cell outside a row: not in a valid sheet
            }
            if (at >= MAX_COLUMNS) {
                rowBeyondColumns |= (hasValue && !value.toString().isBlank()) || (hasInline && !inline.toString().isBlank());
                return;
            }
            String text = text(at);
            while (cells.size() < at) {
                cells.add("");
            }
            if (cells.size() == at) {
                cells.add(text);
            } else {
                cells.set(at, text);
            }
        }

        private void endRow() throws SAXException {
            if (cells == null) {
                return;
            }
            if (rowBeyondColumns) {
                problems.add(new ImportProblem(name, rowNumber, null, "có dữ liệu ở cột sau cột thứ " + MAX_COLUMNS
                        + ": xoá các ô thừa ở cuối dòng."));
            }
            boolean blank = cells.stream().allMatch(String::isBlank);
            if (!blank) {
                if (rows.size() >= maxRows + 1) {   // the header and maxRows data rows
                    throw new TooManyRows();
                }
                if (header == null) {
                    header = List.copyOf(cells);
                }
                rows.add(new GradebookTable.Row(rowNumber, cells));
            }
            cells = null;
        }

        /** The cell's text as the import reads it; a problem (and "") for an error or a formula never calculated. */
        private String text(int at) {
            String t = type == null ? "n" : type;
            if (t.equals("inlineStr") && !hasValue) {
                // Excel writes an inline string in <is>; POI, editing one, writes the new text in <v> and
                // leaves the old <is> behind, and reads <v> first: so do we
                hasValue = hasInline;
                value.setLength(0);
                value.append(inline);
            }
            String v = value.toString();
            if (v.length() > MAX_CELL_CHARS) {
                problem(at, "ô dài hơn " + MAX_CELL_CHARS + " kí tự (giới hạn của Excel): rút ngắn nội dung ô.");
                return "";
            }
            if (!hasValue) {
                if (formula) {
                    problem(at, "ô có công thức nhưng tệp không lưu kết quả của công thức (tệp không được lưu bằng Excel"
                            + " hoặc LibreOffice): mở tệp bằng Excel, lưu lại rồi gửi lại, hoặc nhập giá trị thay công thức.");
                }
                return "";
            }
            switch (t) {
                case "s" -> {
                    int index = parsePositive(v.strip(), -1);
                    try {
                        return strings.getItemAt(index).getString();
                    } catch (IndexOutOfBoundsException e) {
                        problem(at, "ô trỏ tới chuỗi thứ " + v + " không có trong tệp: tệp bị hỏng, lưu lại bằng Excel.");
                        return "";
                    }
                }
                case "inlineStr", "str" -> {
                    return v;
                }
                case "b" -> {
                    return "1".equals(v.strip()) ? "TRUE" : "FALSE";
                }
                case "e" -> {
                    problem(at, "ô có lỗi công thức " + v.strip() + ": sửa công thức, hoặc nhập giá trị thay công thức.");
                    return "";
                }
                case "d" -> {
                    try {
                        return LocalDateTime.parse(v.strip()).toLocalDate().format(DATE);
                    } catch (DateTimeParseException e) {
                        try {
                            return LocalDate.parse(v.strip()).format(DATE);
                        } catch (DateTimeParseException e2) {
                            return v;
                        }
                    }
                }
                default -> {
                    return number(v.strip());
                }
            }
        }

        private String number(String v) {
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                return v;
            }
            if (isDateStyle(style)) {
                double serial = d.doubleValue();
                if (DateUtil.isValidExcelDate(serial)) {
                    LocalDateTime date = DateUtil.getLocalDateTime(serial, date1904);
                    if (date != null) {
                        return date.toLocalDate().format(DATE);
                    }
                }
            }
            BigDecimal rounded = d.round(EXCEL_PRECISION).stripTrailingZeros();
            return rounded.signum() == 0 ? "0" : rounded.toPlainString();
        }

        private boolean isDateStyle(int index) {
            return dateStyles.computeIfAbsent(index, i -> {
                if (styles == null || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            });
        }

        private void problem(int at, String reason) {
            String column = header != null && at < header.size() && !header.get(at).isBlank()
                    ? header.get(at).strip() : columnLetters(at);
            problems.add(new ImportProblem(name, rowNumber, column, reason));
        }
    }

    /** {@code "C12"} → 2; -1 when there are no letters. */
    static int columnIndex(String ref) {
        int index = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (index > 1 << 20) {
                return Integer.MAX_VALUE;
            }
            i++;
        }
        return i == 0 ? -1 : index - 1;
    }

    /** 0 → {@code "A"}, 27 → {@code "AB"}. */
    static String columnLetters(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    private static int parsePositive(String s, int otherwise) {
        if (s.isEmpty() || s.length() > 9) {
            return otherwise;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return otherwise;
            }
        }
        return Integer.parseInt(s);
    }

    // ------------------------------------------------------------------ writing

    /**
     * A workbook of the class's three CSV files, with sheets {@code lop}, {@code hoc-sinh} and
     * {@code diem}, its cells typed as a school's software would export them: codes (the columns
     * named Mã…) as text, dates as Excel dates formatted {@code dd/mm/yyyy}, scores and other
     * numbers as numbers, the rest as text. Streams rows ({@link SXSSFWorkbook}), so big classes fit.
     */
    public static byte[] write(String classCsv, String studentsCsv, String scoresCsv) {
        String[] csv = {classCsv, studentsCsv, scoresCsv};
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 0; i < 3; i++) {
                Sheet sheet = workbook.createSheet(SHEET_NAMES.get(i));
                GradebookTable table = GradebookTable.fromCsv(SHEET_NAMES.get(i), new StringReader(csv[i]));
                List<String> header = table.rows().isEmpty() ? List.of() : table.rows().get(0).cells();
                boolean first = true;
                for (GradebookTable.Row r : table.rows()) {
                    Row row = sheet.createRow(r.number() - 1);
                    for (int c = 0; c < r.cells().size(); c++) {
                        String v = r.cells().get(c);
                        if (v.isEmpty()) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        String column = c < header.size() ? header.get(c).strip() : "";
                        if (first || column.startsWith("Mã")) {
                            cell.setCellValue(v);
                        } else if (DECIMAL.matcher(v).matches()) {
                            cell.setCellValue(Double.parseDouble(v));
                        } else if (column.equals("Ngày sinh") && asDate(v) != null) {
                            cell.setCellValue(asDate(v));
                            cell.setCellStyle(dateStyle);
                        } else {
                            cell.setCellValue(v);
                        }
                    }
                    first = false;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // nothing was opened for writing but the stream above
            }
        }
    }

    private static LocalDate asDate(String v) {
        try {
            return LocalDate.parse(v, INPUT_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
