package vn.academicledger.core.vc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/**
 * XML Schema 1.1 {@code dateTimeStamp} (a dateTime with a time zone), the form VC 2.0 requires
 * for {@code validFrom} and {@code validUntil} and Data Integrity for {@code created}.
 */
public final class XsdDateTime {
    // From XML Schema 1.1 part 2, dateTimeStamp lexical space (years of four digits or more).
    private static final Pattern DATE_TIME_STAMP = Pattern.compile(
            "-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
            + "T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?|(24:00:00(\\.0+)?))"
            + "(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private XsdDateTime() {
    }

    /** Whether {@code text} is a dateTimeStamp that also names a real instant (no 30 February). */
    public static boolean isValid(String text) {
        return text != null && DATE_TIME_STAMP.matcher(text).matches() && tryParse(text) != null;
    }

    /** The instant {@code text} names, or null if it is not a valid dateTimeStamp. */
    public static Instant tryParse(String text) {
        Parsed last = lastParsed;
        if (last != null && last.text().equals(text)) {
            // Credentials issued together carry the same instants: the last answer is usually the one.
            return last.instant();
        }
        Instant instant = parse(text);
        if (instant != null) {
            lastParsed = new Parsed(text, instant);
        }
        return instant;
    }

    private record Parsed(String text, Instant instant) {
    }

    private static volatile Parsed lastParsed;

    private static Instant parse(String text) {
        if (text == null || !DATE_TIME_STAMP.matcher(text).matches()) {
            return null;
        }
        try {
            String normalized = text.contains("T24:00:00") ? text.replaceFirst("T24:00:00(\\.0+)?", "T23:59:59") : text;
            Instant instant = OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return normalized == text ? instant : instant.plusSeconds(1);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code 2025-06-01T00:00:00Z}: seconds always written, fraction only when non-zero. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Keeps the offset given, e.g. {@code 2025-06-01T07:00:00+07:00}. */
    public static String format(OffsetDateTime dateTime) {
        return FORMAT.format(dateTime);
    }
}
