package io.speedkit.timeit.bench;

import java.util.Locale;

/**
 * How one set's mean wall time compares with the reference set's: {@code value} = mean / reference mean,
 * so 2.0 is twice as slow and 0.5 twice as fast. {@code stdev} is the ratio's standard deviation,
 * propagated from both sets' (first-order, as hyperfine does); NaN when either set has a single run.
 *
 * @param value the ratio of the means, > 0
 * @param stdev its standard deviation, >= 0 or NaN
 */
public record Ratio(double value, double stdev) {

    public Ratio {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a ratio must be a positive number, got " + value);
        }
        if (stdev < 0) {
            throw new IllegalArgumentException("stdev must be >= 0 or NaN, got " + stdev);
        }
    }

    /** {@code set} relative to {@code reference}. */
    public static Ratio of(Summary set, Summary reference) {
        // A mean of 0 ns is only possible with a fake clock; 1 ns keeps the ratio finite.
        double a = Math.max(set.meanNanos(), 1);
        double b = Math.max(reference.meanNanos(), 1);
        double value = a / b;
        double stdev = value * Math.hypot(set.stdevNanos() / a, reference.stdevNanos() / b);
        return new Ratio(value, stdev);
    }

    /**
     * The ratio in words, with two decimals and without a locale: {@code 2.53x slower}, {@code 1.87x faster}
     * (the reference's mean divided by this one's), or {@code 1.00x} when the two round to the same.
     */
    public String describe() {
        boolean slower = value >= 1;
        double factor = slower ? value : 1 / value;
        String f = String.format(Locale.ROOT, "%.2f", factor);
        if (f.equals("1.00")) {
            return "1.00x";
        }
        return f + "x " + (slower ? "slower" : "faster");
    }

    /**
     * The standard deviation of the factor {@link #describe()} shows (for "faster", of 1 / value), two
     * decimals, or {@code n/a}.
     */
    public String describeStdev() {
        if (Double.isNaN(stdev)) {
            return "n/a";
        }
        double s = value >= 1 ? stdev : stdev / (value * value);
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
