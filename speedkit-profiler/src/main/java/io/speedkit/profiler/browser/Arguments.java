package io.speedkit.profiler.browser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's parsing of the browser's arguments: {@code str.split()} into words, and each word of a
 * {@code stats}/{@code callers}/{@code callees} line tried as {@code int(word)}, then {@code float(word)},
 * else kept as a regular expression, exactly as pstats' {@code ProfileBrowser.generic} does.
 */
final class Arguments {

    /** One or more decimal digits (any script's, as Python accepts), single underscores between them. */
    private static final String DIGITS = "\\p{Nd}(?:_?\\p{Nd})*";
    /** {@code int(word)} in base 10: {@code 12}, {@code -3}, {@code +007}, {@code 1_000}. */
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS);
    /**
     * {@code float(word)}: {@code .5}, {@code 5.}, {@code 1e-3}, {@code 1_0.5}, {@code inf}, {@code nan}.
     * Java's own {@code Double.parseDouble} would also take {@code 1d}, {@code 0x1p3} and {@code NaN} only
     * in that case, so the grammar is Python's, checked here first.
     */
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity|nan))");

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** What a word means as a print restriction. */
    sealed interface Restriction permits Count, Fraction, Regex, OutOfRange {
    }

    /** An integer: keep the first n rows. */
    record Count(Number value) implements Restriction {
    }

    /** A float in [0, 1] (or NaN, which Python's range check lets through): keep that fraction of the rows. */
    record Fraction(double value) implements Restriction {
    }

    /** Anything else: a regular expression over the printed function names. */
    record Regex(String pattern) implements Restriction {
    }

    /** A float outside [0, 1]: pstats prints "Fraction argument must be in [0, 1]" and skips the word. */
    record OutOfRange(double value) implements Restriction {
    }

    private Arguments() {
    }

    /** Python's {@code line.split()}: the words between runs of whitespace. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(line.substring(start, i));
            }
        }
        return words;
    }

    /** What {@code word} means in pstats' {@code generic}: int, else float, else regular expression. */
    static Restriction parse(String word) {
        if (INT.matcher(word).matches()) {
            BigInteger v = new BigInteger(asciiDigits(word));
            if (v.bitLength() < 32) {
                return new Count(v.intValue());
            }
            // Python's ints are unbounded; any count beyond a long is "more than there are rows" just the same.
            long clamped = v.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : v.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : v.longValue();
            return new Count(clamped);
        }
        if (FLOAT.matcher(word).matches()) {
            double f = toDouble(word);
            // Written as pstats' `frac > 1 or frac < 0`, so that NaN passes as it does there.
            if (f > 1 || f < 0) {
                return new OutOfRange(f);
            }
            return new Fraction(f);
        }
        return new Regex(word);
    }

    private static double toDouble(String word) {
        String w = asciiDigits(word);
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(w);
    }

    /** The word with underscores dropped and every decimal digit as its ASCII one. */
    private static String asciiDigits(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> {
            if (cp == '_') {
                return;
            }
            if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
