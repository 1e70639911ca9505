package io.speedkit.profiler;

import io.speedkit.profiler.data.FunctionKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Locale;

/**
 * The few pieces of Python's text semantics that pstats' output depends on, reproduced exactly:
 * {@code "%8.3f"}, {@code repr()} of a print restriction, {@code str.ljust/rjust} and string ordering.
 *
 * <p>Nothing here consults the default locale: a report must be the same bytes for a user whose locale
 * writes decimal commas.
 */
final class PythonText {

    /**
     * pstats' tuple order of function keys: file, line, name. Python compares strings by code point,
     * which differs from {@link String#compareTo} (UTF-16 units) only around supplementary characters,
     * but that is enough to print callers in a different order, so this comparator is used wherever
     * pstats sorts keys.
     */
    static final Comparator<FunctionKey> KEY_ORDER = PythonText::compare;

    private PythonText() {
    }

    static int compare(FunctionKey a, FunctionKey b) {
        int c = compare(a.file(), b.file());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.line(), b.line());
        return c != 0 ? c : compare(a.name(), b.name());
    }

    /** Python's {@code str} ordering: lexicographic by code point. */
    static int compare(String a, String b) {
        if (a == b) {
            return 0; // the reader shares one String per file name, and most keys of a table share files
        }
        // UTF-16 order is code-point order unless the first difference involves a surrogate: compare
        // chars, and only then fall back to code points.
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                return Character.isSurrogate(x) || Character.isSurrogate(y) ? compareCodePoints(a, b) : x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Python's {@code len(s)}: code points, not UTF-16 units. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s.ljust(width)}. */
    static String ljust(String s, int width) {
        int pad = width - length(s);
        return pad <= 0 ? s : s + " ".repeat(pad);
    }

    /** {@code s.rjust(width)}. */
    static String rjust(String s, int width) {
        int pad = width - length(s);
        return pad <= 0 ? s : " ".repeat(pad) + s;
    }

    /** pstats' {@code f8}: {@code "%8.3f" % x}. */
    static String f8(double x) {
        return rjust(fixed3(x), 8);
    }

    /**
     * {@code "%.3f" % x}. Python rounds the exact binary value half-to-even; {@code String.format} rounds
     * the shortest decimal representation half-up instead and so prints {@code 1.0005} as {@code 1.001}
     * where Python prints {@code 1.000}. BigDecimal of the double is the exact binary value.
     */
    static String fixed3(double x) {
        return fixed(x, 3);
    }

    /** {@code "%.<decimals>f" % x}, rounded as {@link #fixed3} explains. */
    static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String fast = fixedFast(x, decimals);
        if (fast != null) {
            return fast;
        }
        String digits = new BigDecimal(x).abs().setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        // BigDecimal has no negative zero; Python keeps the sign of -0.0 and of tiny negatives.
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        return negative ? "-" + digits : digits;
    }

    private static final double[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    /**
     * {@link #fixed} without BigDecimal, for the common case: the scaled value is small enough that its
     * rounding error (half an ulp, under 1e-7 below 1e9) cannot move it across a rounding boundary, and it is
     * not within 1e-6 of one. Null otherwise, and the exact path decides.
     */
    private static String fixedFast(double x, int decimals) {
        if (decimals >= POW10.length) {
            return null;
        }
        double y = Math.abs(x) * POW10[decimals];
        if (!(y < 1e9)) {
            return null;
        }
        double frac = y - Math.floor(y);
        if (Math.abs(frac - 0.5) < 1e-6) {
            return null;
        }
        long units = (long) Math.floor(y + 0.5);
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        StringBuilder sb = new StringBuilder(16);
        if (negative) {
            sb.append('-');
        }
        long scale = (long) POW10[decimals];
        sb.append(units / scale);
        if (decimals > 0) {
            String rest = Long.toString(units % scale);
            sb.append('.');
            for (int k = rest.length(); k < decimals; k++) {
                sb.append('0');
            }
            sb.append(rest);
        }
        return sb.toString();
    }

    /**
     * {@code repr()} of a print restriction as pstats' {@code %r} shows it: integers plain, floats in
     * Python's shortest round-trip form, strings quoted and escaped.
     */
    static String repr(Object value) {
        if (value instanceof String s) {
            return repr(s);
        }
        if (value instanceof Double d) {
            return repr(d.doubleValue());
        }
        return String.valueOf(value);
    }

    /** Python's {@code float.__repr__}: shortest digits that round-trip, exponent outside 1e-4..1e16. */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        // Double.toString yields the shortest round-tripping digits (JDK 19+), like Python's repr.
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> * 10^point, the "decpt" of Python's float formatting.
        int point = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(sign);
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                out.append("0.").append("0".repeat(-point)).append(digits);
            } else if (point >= digits.length()) {
                out.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            out.append(abs < 10 ? "0" : "").append(abs);
        }
        return out.toString();
    }

    /** Python's {@code str.__repr__}: single quotes unless the text holds one and no double quote. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> appendEscaped(out, cp, quote));
        return out.append(quote).toString();
    }

    private static void appendEscaped(StringBuilder out, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            out.append('\\').appendCodePoint(cp);
        } else if (cp == '\t') {
            out.append("\\t");
        } else if (cp == '\n') {
            out.append("\\n");
        } else if (cp == '\r') {
            out.append("\\r");
        } else if (cp >= 0x20 && cp < 0x7F || cp > 0x7F && isPrintable(cp)) {
            out.appendCodePoint(cp);
        } else if (cp <= 0xFF) {
            out.append(String.format(Locale.ROOT, "\\x%02x", cp));
        } else if (cp <= 0xFFFF) {
            out.append(String.format(Locale.ROOT, "\\u%04x", cp));
        } else {
            out.append(String.format(Locale.ROOT, "\\U%08x", cp));
        }
    }

    /** Python's {@code str.isprintable} for one non-ASCII code point: not Other (C*) and not a separator (Z*). */
    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
