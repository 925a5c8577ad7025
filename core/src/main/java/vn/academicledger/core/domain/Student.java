package vn.academicledger.core.domain;

import static vn.academicledger.core.domain.Checks.check;
import static vn.academicledger.core.domain.Checks.required;
import static vn.academicledger.core.domain.Checks.text;

import java.time.LocalDate;
import java.util.Set;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A student as the school registers them.
 *
 * @param studentNumber mã học sinh, unique within the school
 * @param fullName      họ, tên đệm and tên, e.g. {@code "Nguyễn Ngọc Bảo Trâm"}
 * @param dateOfBirth   ngày sinh
 * @param placeOfBirth  nơi sinh as on the birth certificate, e.g. {@code "Quận 3, Thành phố Hồ Chí Minh"}
 * @param gender        giới tính
 * @param personalId    mã định danh cá nhân (the 12-digit number of the citizen identity card): the
 *                      province code of birth registration (3 digits), a digit for century and gender,
 *                      the last two digits of the birth year, then 6 digits; the first six are checked
 *                      against the other fields
 * @param schoolCode    mã trường of the school the student attends
 */
public record Student(String studentNumber, String fullName, LocalDate dateOfBirth, String placeOfBirth,
                      Gender gender, String personalId, String schoolCode) {
    /** Province codes used in personal identification numbers (the 63 provinces before the 2025 merger). */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
            "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
            "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
            "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
            "089", "091", "092", "093", "094", "095", "096");

    public Student {
        // Messages are spelled out only when a check fails: every import builds thousands of students.
        studentNumber = text(studentNumber, "mã học sinh");
        String number = studentNumber;
        fullName = text(fullName, () -> "họ và tên của học sinh mã " + number);
        String name = fullName;
        java.util.function.Supplier<String> who = () -> "học sinh " + name + " (mã " + number + ")";
        check(fullName.indexOf(' ') >= 0, () -> "Họ và tên của " + who.get() + " phải gồm cả họ và tên.");
        check(nameCharacters(fullName),
                () -> "Họ và tên của " + who.get() + " chỉ được chứa chữ cái, dấu cách, dấu ' và dấu -.");
        required(dateOfBirth, () -> "ngày sinh của " + who.get());
        LocalDate born = dateOfBirth;
        check(dateOfBirth.getYear() >= 1900 && dateOfBirth.getYear() <= 2099,
                () -> "Ngày sinh " + born + " của " + who.get() + " không hợp lệ.");
        placeOfBirth = text(placeOfBirth, () -> "nơi sinh của " + who.get());
        required(gender, () -> "giới tính của " + who.get());
        personalId = text(personalId, () -> "mã định danh cá nhân của " + who.get());
        checkPersonalId(personalId, dateOfBirth, gender, who);
        schoolCode = text(schoolCode, () -> "mã trường của " + who.get());
    }

    private static boolean nameCharacters(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!(Character.isLetter(c) || c == ' ' || c == '\'' || c == '-')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Tên, the last word of the full name, by which Vietnamese class lists are sorted. */
    public String givenName() {
        return fullName.substring(fullName.lastIndexOf(' ') + 1);
    }

    /** Họ, the first word of the full name. */
    public String familyName() {
        return fullName.substring(0, fullName.indexOf(' '));
    }

    private static void checkPersonalId(String id, LocalDate dateOfBirth, Gender gender,
                                        java.util.function.Supplier<String> who) {
        java.util.function.Supplier<String> prefix = () -> "Mã định danh cá nhân " + id + " của " + who.get();
        if (id.length() != 12 || !digits(id)) {
            throw new InvalidInputException(prefix.get() + " phải gồm đúng 12 chữ số.");
        }
        if (!PROVINCE_CODES.contains(id.substring(0, 3))) {
            throw new InvalidInputException(prefix.get() + ": ba chữ số đầu " + id.substring(0, 3)
                    + " không phải mã tỉnh nơi đăng ký khai sinh.");
        }
        int centuryDigit = id.charAt(3) - '0';
        int century = dateOfBirth.getYear() / 100; // 19 for 1900–1999, 20 for 2000–2099
        int expected = (century - 19) * 2 + (gender == Gender.FEMALE ? 1 : 0);
        if (centuryDigit != expected) {
            throw new InvalidInputException(prefix.get() + ": chữ số thứ tư là " + centuryDigit + " nhưng với giới tính "
                    + gender.vietnamese() + " sinh năm " + dateOfBirth.getYear() + " phải là " + expected
                    + "; kiểm tra lại mã, giới tính hoặc ngày sinh.");
        }
        int yy = dateOfBirth.getYear() % 100;
        if ((id.charAt(4) - '0') * 10 + (id.charAt(5) - '0') != yy) {
            String twoDigits = (yy < 10 ? "0" : "") + yy;
            throw new InvalidInputException(prefix.get() + ": chữ số thứ năm và sáu là " + id.substring(4, 6)
                    + " nhưng năm sinh là " + dateOfBirth.getYear() + " (phải là " + twoDigits
                    + "); kiểm tra lại mã hoặc ngày sinh.");
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
