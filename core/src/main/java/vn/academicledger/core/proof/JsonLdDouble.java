package vn.academicledger.core.proof;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import jakarta.json.JsonNumber;

import vn.academicledger.core.json.JakartaJson;

/**
 * A non-integral JSON number handed to titanium-json-ld so that its {@code xsd:double} literal
 * matches what jsonld.js writes ({@code value.toExponential(15)} with trailing zeros cut: the
 * exact binary value rounded half-up to 16 significant digits, e.g. {@code 8.6E0}).
 *
 * <p>Titanium formats {@link #bigDecimalValue()} with {@code DecimalFormat("0.0##############E0")}
 * (half-even, at most 16 digits). Giving it the value already rounded half-up to 16 digits makes
 * that formatting exact. {@link #toString()} is ECMAScript's shortest form (so {@code @version 1.1}
 * still reads as "1.1"), and {@link #doubleValue()} is the double itself.
 */
final class JsonLdDouble implements JsonNumber {
    private static final MathContext SIXTEEN_DIGITS = new MathContext(16, RoundingMode.HALF_UP);

    private final double value;
    private final BigDecimal rounded;

    JsonLdDouble(double value) {
        this.value = value;
        this.rounded = new BigDecimal(value).round(SIXTEEN_DIGITS);
    }

    @Override
    public boolean isIntegral() {
        return false;
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public int intValueExact() {
        return bigDecimalValue().intValueExact();
    }

    @Override
    public long longValue() {
        return (long) value;
    }

    @Override
    public long longValueExact() {
        return bigDecimalValue().longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return rounded.toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        return rounded.toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public BigDecimal bigDecimalValue() {
        return rounded;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber number && number.doubleValue() == value;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return JakartaJson.ecmaScriptNumber(value);
    }
}
