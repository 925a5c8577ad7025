package vn.academicledger.core.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.academicledger.core.error.InvalidInputException;

/** Năm học, written {@code "2025-2026"}: it starts in September of the first year. */
public record SchoolYear(int startYear) {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{4})");

    public SchoolYear {
        if (startYear < 2000 || startYear > 2099) {
            throw new InvalidInputException("Năm học bắt đầu năm " + startYear + " nằm ngoài khoảng 2000–2099.");
        }
    }

    public static SchoolYear parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("Năm học '" + text + "' phải viết dạng 2025-2026.");
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if (end != start + 1) {
            throw new InvalidInputException("Năm học '" + text + "' phải gồm hai năm liên tiếp, ví dụ "
                    + start + "-" + (start + 1) + ".");
        }
        return new SchoolYear(start);
    }

    public int endYear() {
        return startYear + 1;
    }

    @Override
    public String toString() {
        return startYear + "-" + endYear();
    }
}
