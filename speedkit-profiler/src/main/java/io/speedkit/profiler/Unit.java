package io.speedkit.profiler;

import java.util.Locale;

/**
 * The time unit of a printed report. {@link #SECONDS} prints exactly what cProfile prints; the others
 * multiply every time (the columns and the header's total) and keep pstats' {@code %8.3f} layout, so a
 * 30 ns method reads {@code 0.030} in microseconds instead of {@code 0.000} in seconds.
 */
public enum Unit {
    /**
     * Not a unit but a policy: the largest unit in which at least three quarters of a profile's nonzero
     * times show {@code 0.001} or more ({@link #auto(double[])}). Java's fast methods then do not all
     * read {@code 0.000}, as they would in cProfile's seconds, while a long run is not printed in
     * nanoseconds because of its single fastest method. The choice depends on the whole profile, not
     * on what a restriction lists, so every view of one profile speaks the same unit.
     */
    AUTO(Double.NaN, "auto", "auto"),
    SECONDS(1.0, "seconds", "s"),
    MILLISECONDS(1e3, "milliseconds", "ms"),
    MICROSECONDS(1e6, "microseconds", "us"),
    NANOSECONDS(1e9, "nanoseconds", "ns");

    /** The smallest value a {@code %8.3f} column shows without reading {@code 0.000}. */
    private static final double SMALLEST_SHOWN = 0.001;

    private final double perSecond;
    private final String label;
    private final String symbol;

    Unit(double perSecond, String label, String symbol) {
        this.perSecond = perSecond;
        this.label = label;
        this.symbol = symbol;
    }

    /** How many of this unit make one second: 1000 for milliseconds. */
    public double perSecond() {
        requireConcrete();
        return perSecond;
    }

    /** The word in the report header, {@code in 0.010 seconds}: {@code seconds}, {@code microseconds}... */
    public String label() {
        return label;
    }

    /** The short name accepted by {@link #parse}: {@code s}, {@code ms}, {@code us}, {@code ns}, {@code auto}. */
    public String symbol() {
        return symbol;
    }

    /** {@code seconds} expressed in this unit. */
    public double fromSeconds(double seconds) {
        requireConcrete();
        // Multiplying by exactly 1.0 keeps SECONDS output bit-identical to cProfile's.
        return seconds * perSecond;
    }

    /**
     * The largest of seconds, milliseconds, microseconds and nanoseconds in which
     * {@code smallestNonZeroSeconds} is at least 0.001, so that it does not read {@code 0.000}. A smallest time of 30 ns gives microseconds ({@code 0.030}); 2 ms stays in seconds
     * ({@code 0.002}). Below a picosecond nanoseconds is the best there is; zero, negative or NaN (no
     * nonzero time at all) gives seconds.
     */
    public static Unit auto(double smallestNonZeroSeconds) {
        if (!(smallestNonZeroSeconds > 0)) {
            return SECONDS;
        }
        for (Unit u : new Unit[] {SECONDS, MILLISECONDS, MICROSECONDS}) {
            // The tolerance absorbs the representation error of the product: 1e-6 * 1e3 is not exactly 0.001.
            if (smallestNonZeroSeconds * u.perSecond * (1 + 1e-9) >= SMALLEST_SHOWN) {
                return u;
            }
        }
        return NANOSECONDS;
    }

    /**
     * The unit {@link #AUTO} chooses for a profile's nonzero times (seconds): {@link #auto(double)} of
     * their lower quartile, so that at least three quarters of them read {@code 0.001} or more. No nonzero
     * time gives seconds.
     */
    public static Unit auto(double[] nonZeroSeconds) {
        int n = nonZeroSeconds.length;
        if (n == 0) {
            return SECONDS;
        }
        // The lower quartile q = sorted[n / 4] reads 0.001 in a unit exactly when at most n / 4 times lie
        // below that unit's threshold: counting against the three thresholds needs no sort.
        int belowSeconds = 0;
        int belowMillis = 0;
        int belowMicros = 0;
        for (double t : nonZeroSeconds) {
            if (auto(t) != SECONDS) {
                belowSeconds++;
                Unit u = auto(t);
                if (u != MILLISECONDS) {
                    belowMillis++;
                    if (u != MICROSECONDS) {
                        belowMicros++;
                    }
                }
            }
        }
        int quartile = n / 4;
        if (belowSeconds <= quartile) {
            return SECONDS;
        }
        if (belowMillis <= quartile) {
            return MILLISECONDS;
        }
        return belowMicros <= quartile ? MICROSECONDS : NANOSECONDS;
    }

    /**
     * The unit named by its symbol or label, case-insensitive: {@code s}, {@code ms}, {@code us} (also
     * {@code µs}), {@code ns}, {@code auto}, or {@code seconds}, {@code milliseconds}...
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Unit parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("µs") || n.equals("μs")) {
                return MICROSECONDS;
            }
            for (Unit u : values()) {
                if (u.symbol.equals(n) || u.label.equals(n)) {
                    return u;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unknown time unit '%s'; valid units: auto, s, ms, us, ns", name));
    }

    private void requireConcrete() {
        if (this == AUTO) {
            throw new IllegalStateException("AUTO is not a unit; resolve it with Unit.auto(smallest seconds) first");
        }
    }
}
