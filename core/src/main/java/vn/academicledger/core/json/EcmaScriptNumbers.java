package vn.academicledger.core.json;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

import vn.academicledger.core.error.InvalidInputException;

/**
 * ECMAScript {@code Number.prototype.toString()} for doubles (ECMA-262 "Number::toString"), the
 * number form RFC 8785 requires. The shortest round-tripping digits come from the Schubfach
 * algorithm (Jackson ships it; it is also Java 19's {@code Double.toString}), which picks the
 * closest of the shortest candidates, as ECMAScript does; only the layout differs and is
 * applied here.
 */
final class EcmaScriptNumbers {
    private static final double TWO_POW_53 = 9007199254740992d;

    private EcmaScriptNumbers() {
    }

    static String toString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidInputException("JSON cannot hold " + value + "; RFC 8785 refuses NaN and Infinity");
        }
        if (value == 0) {
            return "0"; // also -0
        }
        if (value == Math.rint(value) && Math.abs(value) < TWO_POW_53) {
            return Long.toString((long) value);
        }
        return layout(DoubleToDecimal.toString(value), value);
    }

    /**
     * Re-lays Java's {@code Double.toString} form ({@code 1.234E-7}, {@code 0.001}, {@code 12.5}) as
     * ECMAScript's. Where one digit would do, Java may pick a closer two-digit form (Java's
     * 4.9E-324 is ECMAScript's 5e-324); that is undone here.
     */
    static String layout(String java, double value) {
        boolean negative = java.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int exponentAt = java.indexOf('E');
        int mantissaEnd = exponentAt < 0 ? java.length() : exponentAt;
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(java, exponentAt + 1, java.length(), 10);

        // Collect the significant digits and where the decimal point falls relative to them.
        StringBuilder digits = new StringBuilder(20);
        int pointAt = -1;
        for (int i = start; i < mantissaEnd; i++) {
            char c = java.charAt(i);
            if (c == '.') {
                pointAt = digits.length();
            } else {
                digits.append(c);
            }
        }
        if (pointAt < 0) {
            pointAt = digits.length();
        }
        int leading = 0;
        while (leading < digits.length() - 1 && digits.charAt(leading) == '0') {
            leading++;
        }
        int end = digits.length();
        while (end > leading + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        String s = digits.substring(leading, end);
        int k = s.length();
        int n = pointAt - leading + exponent; // value = 0.s × 10^n
        if (k == 2 && Math.abs(value) < Double.MIN_NORMAL) {
            // Only subnormals are imprecise enough for a 2-digit decimal to beat an exact 1-digit one.
            String shorter = oneDigit(s, n, Math.abs(value));
            if (shorter != null) {
                s = shorter.substring(0, 1);
                n += shorter.length() - 1; // rounding 9.x up to 10 moves the exponent
                k = 1;
            }
        }

        StringBuilder out = new StringBuilder(k + 8);
        if (negative) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(s);
            for (int i = k; i < n; i++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = n; i < 0; i++) {
                out.append('0');
            }
            out.append(s);
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    /** The closest one-digit decimal that still parses to {@code magnitude}, or null (returns "1" + "0" on carry). */
    private static String oneDigit(String twoDigits, int n, double magnitude) {
        int first = twoDigits.charAt(0) - '0';
        String best = null;
        java.math.BigDecimal bestDistance = null;
        java.math.BigDecimal exact = new java.math.BigDecimal(magnitude);
        for (int candidate = first; candidate <= first + 1; candidate++) {
            java.math.BigDecimal decimal = java.math.BigDecimal.valueOf(candidate).scaleByPowerOfTen(n - 1);
            if (decimal.doubleValue() != magnitude) {
                continue;
            }
            java.math.BigDecimal distance = decimal.subtract(exact).abs();
            if (best == null || distance.compareTo(bestDistance) < 0) {
                best = Integer.toString(candidate);
                bestDistance = distance;
            }
        }
        return best;
    }
}
