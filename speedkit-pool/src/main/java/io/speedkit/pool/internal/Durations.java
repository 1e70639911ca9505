package io.speedkit.pool.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations for messages: {@code 250 ms}, {@code 1.5 s}, {@code 42 µs}. */
public final class Durations {
    private Durations() {
    }

    /** A short human reading of {@code d}, formatted with {@link Locale#ROOT}. */
    public static String text(Duration d) {
        long nanos = saturatedNanos(d);
        if (nanos >= 1_000_000_000L) {
            double s = nanos / 1e9;
            return s == Math.rint(s) ? String.format(Locale.ROOT, "%d s", (long) s) : String.format(Locale.ROOT, "%.3g s", s);
        }
        if (nanos >= 1_000_000L) {
            return nanos % 1_000_000L == 0 ? (nanos / 1_000_000L) + " ms" : String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        if (nanos >= 1_000L) {
            return nanos % 1_000L == 0 ? (nanos / 1_000L) + " µs" : String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
        }
        return nanos + " ns";
    }

    /** {@code d} in nanoseconds, saturated at {@code Long.MAX_VALUE} instead of overflowing. */
    public static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
