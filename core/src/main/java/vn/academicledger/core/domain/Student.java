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
        studentNumber = text(studentNumber, "mã học sinh");
        fullName = text(fullName, "họ và tên của học sinh mã " + studentNumber);
        String who = "học sinh " + fullName + " (mã " + studentNumber + ")";
        check(fullName.contains(" "), "Họ và tên của " + who + " phải gồm cả họ và tên.");
        check(fullName.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '\'' || c == '-'),
                "Họ và tên của " + who + " chỉ được chứa chữ cái, dấu cách, dấu ' và dấu -.");
        required(dateOfBirth, "ngày sinh của " + who);
        check(dateOfBirth.getYear() >= 1900 && dateOfBirth.getYear() <= 2099,
                "Ngày sinh " + dateOfBirth + " của " + who + " không hợp lệ.");
        placeOfBirth = text(placeOfBirth, "nơi sinh của " + who);
        required(gender, "giới tính của " + who);
        personalId = text(personalId, "mã định danh cá nhân của " + who);
        checkPersonalId(personalId, dateOfBirth, gender, who);
        schoolCode = text(schoolCode, "mã trường của " + who);
    }

    /** Tên, the last word of the full name, by which Vietnamese class lists are sorted. */
    public String givenName() {
        return fullName.substring(fullName.lastIndexOf(' ') + 1);
    }

    /** Họ, the first word of the full name. */
    public String familyName() {
        return fullName.substring(0, fullName.indexOf(' '));
    }

    private static void checkPersonalId(String id, LocalDate dateOfBirth, Gender gender, String who) {
        String prefix = "Mã định danh cá nhân " + id + " của " + who;
        if (!id.matches("\\d{12}")) {
            throw new InvalidInputException(prefix + " phải gồm đúng 12 chữ số.");
        }
        if (!PROVINCE_CODES.contains(id.substring(0, 3))) {
            throw new InvalidInputException(prefix + ": ba chữ số đầu " + id.substring(0, 3)
                    + " không phải mã tỉnh nơi đăng ký khai sinh.");
        }
        int centuryDigit = id.charAt(3) - '0';
        int century = dateOfBirth.getYear() / 100; // 19 for 1900–1999, 20 for 2000–2099
        int expected = (century - 19) * 2 + (gender == Gender.FEMALE ? 1 : 0);
        if (centuryDigit != expected) {
            throw new InvalidInputException(prefix + ": chữ số thứ tư là " + centuryDigit + " nhưng với giới tính "
                    + gender.vietnamese() + " sinh năm " + dateOfBirth.getYear() + " phải là " + expected
                    + "; kiểm tra lại mã, giới tính hoặc ngày sinh.");
        }
        String yy = String.format("%02d", dateOfBirth.getYear() % 100);
        if (!id.substring(4, 6).equals(yy)) {
            throw new InvalidInputException(prefix + ": chữ số thứ năm và sáu là " + id.substring(4, 6)
                    + " nhưng năm sinh là " + dateOfBirth.getYear() + " (phải là " + yy
                    + "); kiểm tra lại mã hoặc ngày sinh.");
        }
    }
}
