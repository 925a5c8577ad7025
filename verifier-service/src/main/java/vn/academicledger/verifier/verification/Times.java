package vn.academicledger.verifier.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times as people in Ho Chi Minh City read them: local time (GMT+7), day first in Vietnamese. */
public final class Times {
    public static final ZoneId HO_CHI_MINH = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Times() {
    }

    public static boolean vietnamese(Locale locale) {
        return !"en".equals(locale.getLanguage());
    }

    public static String format(Instant instant, Locale locale) {
        return (vietnamese(locale) ? VI : EN).format(instant.atZone(HO_CHI_MINH)) + " (GMT+7)";
    }

    /** An ISO instant from a check's details, formatted; anything else as given. */
    public static String format(String isoInstant, Locale locale) {
        try {
            return format(Instant.parse(isoInstant), locale);
        } catch (DateTimeParseException | NullPointerException e) {
            return isoInstant;
        }
    }

    public static String date(LocalDate date, Locale locale) {
        return vietnamese(locale) ? VI_DATE.format(date) : date.toString();
    }
}
