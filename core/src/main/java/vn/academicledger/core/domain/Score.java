package vn.academicledger.core.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.academicledger.core.error.InvalidInputException;

/**
 * A score on the 10-point scale with exactly one decimal, as Circular 22/2021 records it (Điều 5:
 * a whole number or a decimal taken to the first digit after rounding). Always scale 1, so
 * {@code 9} and {@code 9.0} are the same score and print, hash and sign the same: {@code "9.0"}.
 */
public record Score(BigDecimal value) implements Comparable<Score> {
    public static final Score ZERO = new Score(BigDecimal.ZERO);
    public static final Score TEN = new Score(BigDecimal.TEN);
    private static final Pattern TEXT = Pattern.compile("\\d{1,2}([.,]\\d)?");

    public Score {
        Objects.requireNonNull(value, "value");
        if (value.stripTrailingZeros().scale() > 1) {
            throw new InvalidInputException("Điểm " + value.toPlainString()
                    + " có quá một chữ số thập phân; điểm được làm tròn đến một chữ số thập phân (ví dụ 8,3).");
        }
        value = value.setScale(1);
        if (value.signum() < 0 || value.compareTo(BigDecimal.TEN) > 0) {
            throw new InvalidInputException("Điểm " + value.toPlainString() + " nằm ngoài thang điểm 10 (0,0 đến 10,0).");
        }
    }

    /**
     * Reads a score as typed in a gradebook: {@code "8"}, {@code "8.5"} or, Vietnamese style,
     * {@code "8,5"}.
     */
    public static Score of(String text) {
        String t = text == null ? "" : text.strip();
        if (!TEXT.matcher(t).matches()) {
            throw new InvalidInputException("'" + t + "' không phải điểm hợp lệ: cần một số từ 0 đến 10, "
                    + "tối đa một chữ số thập phân (ví dụ 8 hoặc 8,5).");
        }
        return new Score(new BigDecimal(t.replace(',', '.')));
    }

    /** Every score there is, 0.0 to 10.0, by tenths: arithmetic in whole tenths ends here. */
    private static final Score[] BY_TENTHS = new Score[101];

    static {
        for (int i = 0; i <= 100; i++) {
            BY_TENTHS[i] = new Score(BigDecimal.valueOf(i, 1));
        }
    }

    /** The score of {@code tenths} tenths: {@code ofTenths(86)} is 8.6. */
    public static Score ofTenths(int tenths) {
        if (tenths < 0 || tenths > 100) {
            throw new InvalidInputException("Điểm " + BigDecimal.valueOf(tenths, 1).toPlainString()
                    + " nằm ngoài thang điểm 10 (0,0 đến 10,0).");
        }
        return BY_TENTHS[tenths];
    }

    /** This score in tenths: 86 for 8.6. */
    public int tenths() {
        return value.scaleByPowerOfTen(1).intValueExact();
    }

    /** Whether this score is {@code threshold} or more; thresholds are written like {@code "6.5"}. */
    public boolean isAtLeast(Score threshold) {
        return compareTo(threshold) >= 0;
    }

    @Override
    public int compareTo(Score o) {
        return value.compareTo(o.value);
    }

    /** With a decimal comma, as printed on Vietnamese documents: {@code "8,6"}. */
    public String toVietnamese() {
        return value.toPlainString().replace('.', ',');
    }

    /** The canonical form used in credentials: {@code "8.6"}, {@code "10.0"}. */
    @Override
    public String toString() {
        return PLAIN[tenths()];
    }

    /** {@link #toString()} of every score, written once (every credential writes dozens). */
    private static final String[] PLAIN = new String[101];

    static {
        for (int i = 0; i <= 100; i++) {
            PLAIN[i] = BigDecimal.valueOf(i, 1).toPlainString();
        }
    }
}
