package vn.academicledger.core.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Formats and checks the two numbers every diploma carries (Circular 21/2019/TT-BGDĐT):
 * <ul>
 *   <li>số hiệu, the diploma's serial number: two capital letters and seven digits, e.g. {@code TN0123456};</li>
 *   <li>số vào sổ gốc cấp văn bằng, its line in the issuer's register of the year: the sequence
 *       number, at least four digits, a slash and the year, e.g. {@code 0001/2026}.</li>
 * </ul>
 * Allocating them without gaps or duplicates per issuer and year is the issuer's job; see
 * {@link DiplomaNumberAllocator}.
 */
public final class DiplomaNumbering {
    private static final Pattern SERIAL = Pattern.compile("[A-Z]{2}\\d{7}");
    private static final Pattern REGISTER = Pattern.compile("(\\d{4,})/(\\d{4})");
    private static final long MAX_SERIAL = 9_999_999L;

    private DiplomaNumbering() {
    }

    /** {@code serialNumber("TN", 123456)} is {@code "TN0123456"}. */
    public static String serialNumber(String prefix, long sequence) {
        if (prefix == null || !prefix.matches("[A-Z]{2}")) {
            throw new InvalidInputException("Tiền tố số hiệu văn bằng '" + prefix + "' phải gồm hai chữ cái in hoa không dấu.");
        }
        if (sequence < 1 || sequence > MAX_SERIAL) {
            throw new InvalidInputException("Số thứ tự số hiệu văn bằng " + sequence + " phải từ 1 đến " + MAX_SERIAL + ".");
        }
        return prefix + String.format("%07d", sequence);
    }

    /** {@code registerNumber(1, 2026)} is {@code "0001/2026"}. */
    public static String registerNumber(int sequence, int year) {
        if (sequence < 1) {
            throw new InvalidInputException("Số thứ tự trong sổ gốc cấp văn bằng phải từ 1, không phải " + sequence + ".");
        }
        if (year < 1900 || year > 2099) {
            throw new InvalidInputException("Năm của sổ gốc cấp văn bằng " + year + " không hợp lệ.");
        }
        return String.format("%04d/%d", sequence, year);
    }

    public static boolean isSerialNumber(String value) {
        return value != null && SERIAL.matcher(value).matches() && !value.endsWith("0000000");
    }

    public static boolean isRegisterNumber(String value) {
        if (value == null) {
            return false;
        }
        Matcher m = REGISTER.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            return registerNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).equals(value);
        } catch (NumberFormatException | InvalidInputException e) {
            return false;
        }
    }

    /** The year of a register number: {@code 2026} for {@code "0001/2026"}. */
    public static int registerYear(String registerNumber) {
        requireRegisterNumber(registerNumber, "Số vào sổ");
        return Integer.parseInt(registerNumber.substring(registerNumber.indexOf('/') + 1));
    }

    /** The sequence of a register number: {@code 1} for {@code "0001/2026"}. */
    public static int registerSequence(String registerNumber) {
        requireRegisterNumber(registerNumber, "Số vào sổ");
        return Integer.parseInt(registerNumber.substring(0, registerNumber.indexOf('/')));
    }

    static void requireSerialNumber(String value, String whose) {
        if (!isSerialNumber(value)) {
            throw new InvalidInputException("Số hiệu văn bằng '" + value + "' của " + whose
                    + " phải gồm hai chữ cái in hoa và bảy chữ số, ví dụ TN0123456.");
        }
    }

    static void requireRegisterNumber(String value, String whose) {
        if (!isRegisterNumber(value)) {
            throw new InvalidInputException("Số vào sổ gốc cấp văn bằng '" + value + "' của " + whose
                    + " phải có dạng số thứ tự (ít nhất 4 chữ số)/năm, ví dụ 0001/2026.");
        }
    }
}
