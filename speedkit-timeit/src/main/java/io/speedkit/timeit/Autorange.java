package io.speedkit.timeit;

import java.util.Locale;

/**
 * What {@link Timer#autorange()} found: the first loop count of Python's 1-2-5 sequence (1, 2, 5, 10,
 * 20, 50, ...) whose run took at least the target time, and that run's time.
 *
 * @param number  the loop count
 * @param seconds how long {@code number} loops took
 */
public record Autorange(long number, double seconds) {
    /** Python's target: a run of at least 0.2 seconds. */
    public static final double TARGET_SECONDS = 0.2;

    public Autorange {
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1, got " + number);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be a finite time >= 0, got " + seconds);
        }
    }

    /** Told about each trial, as Python's {@code autorange(callback)} is. */
    @FunctionalInterface
    public interface Callback {
        /** Called after each trial with its loop count and time. */
        void trial(long number, double seconds);
    }

    /** The number after {@code number} in the 1-2-5 sequence: 1 → 2 → 5 → 10 → 20 → 50 → 100 ... */
    public static long next(long number) {
        long decade = 1;
        while (number / decade >= 10) {
            decade *= 10;
        }
        long lead = number / decade;
        if (!inSequence(number)) {
            throw new IllegalArgumentException(number + " is not in the 1-2-5 sequence (1, 2, 5, 10, 20, 50, ...)");
        }
        if (decade > Long.MAX_VALUE / 10) {
            throw new ArithmeticException("the 1-2-5 sequence ends before " + number + " * 10");
        }
        return lead == 1 ? 2 * decade : lead == 2 ? 5 * decade : 10 * decade;
    }

    /** Whether {@code number} is 1, 2 or 5 times a power of ten. */
    public static boolean inSequence(long number) {
        if (number < 1) {
            return false;
        }
        long n = number;
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1 || n == 2 || n == 5;
    }

    /**
     * Python's autorange from {@code start} on: runs trials of {@code start}, then the following numbers
     * of the 1-2-5 sequence, until one takes at least {@code targetNanos}. Python starts at 1;
     * {@code speedkit timeit} starts where its warm-up stopped growing, having run the smaller ones there.
     */
    public static Autorange search(Batch batch, long start, long targetNanos, Callback callback) {
        if (!inSequence(start)) {
            throw new IllegalArgumentException("start must be in the 1-2-5 sequence, got " + start);
        }
        if (targetNanos < 0) {
            throw new IllegalArgumentException("the target time must be >= 0, got " + targetNanos + " ns");
        }
        long number = start;
        while (true) {
            long nanos = batch.time(number);
            double seconds = nanos / 1e9;
            if (callback != null) {
                callback.trial(number, seconds);
            }
            if (nanos >= targetNanos) {
                return new Autorange(number, Math.max(0, seconds));
            }
            number = next(number);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d loops -> %s secs", number, seconds);
    }
}
