package io.speedkit.timeit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code "%.*g" % (precision, x)} (and {@code format(x, ".{p}g")}), which Java's
 * {@code String.format("%g")} is not: Java keeps trailing zeros, switches to scientific notation at
 * other exponents and follows the locale's decimal separator.
 *
 * <p>The C rule: round to {@code p} significant digits (exactly, half to even — as CPython's
 * correctly rounded dtoa does); with {@code X} the decimal exponent of the rounded value, use
 * fixed-point notation with {@code p - 1 - X} decimals when {@code -4 <= X < p}, else
 * {@code d.ddde±XX}; then drop trailing zeros and a trailing point.
 */
public final class PyFloat {
    private PyFloat() {
    }

    /** {@code "%.<precision>g" % value}, always with a '.' decimal point. */
    public static String g(double value, int precision) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        int p = precision == 0 ? 1 : precision;
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < p) {
            String fixed = rounded.setScale(Math.max(0, p - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString();
            return stripZeros(fixed);
        }
        String digits = rounded.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        mantissa = stripZeros(mantissa);
        int absExp = Math.abs(exponent);
        return (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (absExp < 10 ? "0" : "") + absExp;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
