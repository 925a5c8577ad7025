package vn.academicledger.documents.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.academicledger.core.domain.Labelled;
import vn.academicledger.core.domain.Score;
import vn.academicledger.core.error.InvalidInputException;

/** The two languages a document is laid out in. Names of people, places and schools stay as registered. */
enum Lang {
    VI(Locale.forLanguageTag("vi")),
    EN(Locale.ENGLISH);

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    static Lang of(Locale locale) {
        if (locale == null) {
            throw new InvalidInputException("The document language is missing: use Locale.forLanguageTag(\"vi\") or Locale.ENGLISH");
        }
        return switch (locale.getLanguage()) {
            case "vi" -> VI;
            case "en" -> EN;
            default -> throw new InvalidInputException("Documents are laid out in Vietnamese (vi) or English (en), not '"
                    + locale.toLanguageTag() + "'");
        };
    }

    String tag() {
        return locale.getLanguage();
    }

    String t(String vietnamese, String english) {
        return this == VI ? vietnamese : english;
    }

    String label(Labelled value) {
        return this == VI ? value.vietnamese() : value.english();
    }

    String upper(String text) {
        return text.toUpperCase(locale);
    }

    String date(LocalDate date) {
        return date.format(this == VI ? VI_DATE : EN_DATE);
    }

    /** "Thành phố Hồ Chí Minh, ngày 31 tháng 7 năm 2026" or "Thành phố Hồ Chí Minh, 31 July 2026". */
    String placeAndDate(String place, LocalDate date) {
        if (this == VI) {
            return place + ", ngày " + date.getDayOfMonth() + " tháng " + date.getMonthValue() + " năm " + date.getYear();
        }
        return place + ", " + date.format(EN_DATE);
    }

    String score(Score score) {
        return this == VI ? score.toVietnamese() : score.toString();
    }
}
