package io.speedkit.timeit;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Times a block by hand — the seed's {@code time.time()} before and after — done right: a monotonic
 * clock ({@code System.nanoTime}, which wall-clock changes do not move), try-with-resources, laps and
 * readable units.
 *
 * <pre>{@code
 * try (Stopwatch sw = Stopwatch.start("addNumbers", System.out)) {
 *     parse();
 *     sw.lap("parse");
 *     render();
 *     sw.lap("render");
 * }   // prints: addNumbers took 1.23 ms (parse 456 µs, render 774 µs)
 * }</pre>
 *
 * It measures one run, cold JIT and all: what a user waits for. To compare small pieces of code,
 * use {@link Timer}. Not thread-safe.
 */
public final class Stopwatch implements AutoCloseable {
    /**
     * A lap: the time since the previous lap, or since the start.
     *
     * @param name     what the lap timed
     * @param duration how long it took
     */
    public record Lap(String name, Duration duration) {
        public Lap {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String toString() {
            return name + " " + format(duration);
        }
    }

    private final String name;
    private final Consumer<String> sink;
    private final LongSupplier ticker;
    private final long start;
    private final List<Lap> laps = new ArrayList<>();
    private long lastLap;
    private long stopped = -1;
    private boolean stoppedSet;

    private Stopwatch(String name, Consumer<String> sink, LongSupplier ticker) {
        this.name = name;
        this.sink = sink;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.start = ticker.getAsLong();
        this.lastLap = start;
    }

    /** A silent stopwatch, started now. */
    public static Stopwatch start() {
        return new Stopwatch(null, null, System::nanoTime);
    }

    /** A silent stopwatch on another clock (nanoseconds), started now. */
    public static Stopwatch start(LongSupplier ticker) {
        return new Stopwatch(null, null, ticker);
    }

    /** A stopwatch that prints {@code <name> took <time>} to {@code out} when closed. */
    public static Stopwatch start(String name, PrintStream out) {
        Objects.requireNonNull(out, "out");
        return start(name, out::println, System::nanoTime);
    }

    /** A stopwatch that hands {@code <name> took <time>} to {@code sink} (a logger, say) when closed. */
    public static Stopwatch start(String name, Consumer<String> sink) {
        return start(name, sink, System::nanoTime);
    }

    /** A stopwatch on another clock that hands its report line to {@code sink} when closed. */
    public static Stopwatch start(String name, Consumer<String> sink, LongSupplier ticker) {
        return new Stopwatch(Objects.requireNonNull(name, "name"), Objects.requireNonNull(sink, "sink"), ticker);
    }

    /** Time since the start; once stopped, the time it ran. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos());
    }

    /** {@link #elapsed()} in nanoseconds. */
    public long elapsedNanos() {
        return (stoppedSet ? stopped : ticker.getAsLong()) - start;
    }

    /** Ends a lap called {@code name}: records and returns the time since the previous lap (or the start). */
    public Duration lap(String name) {
        Objects.requireNonNull(name, "name");
        if (stoppedSet) {
            throw new IllegalStateException("the stopwatch " + (this.name == null ? "" : "'" + this.name + "' ")
                    + "is stopped; take laps before closing it");
        }
        long now = ticker.getAsLong();
        Duration d = Duration.ofNanos(now - lastLap);
        lastLap = now;
        laps.add(new Lap(name, d));
        return d;
    }

    /** The laps so far, in order. */
    public List<Lap> laps() {
        return List.copyOf(laps);
    }

    /** Stops the clock (once; later calls keep the first stop) and returns the time it ran. */
    public Duration stop() {
        if (!stoppedSet) {
            stopped = ticker.getAsLong();
            stoppedSet = true;
        }
        return elapsed();
    }

    /** {@code addNumbers took 1.23 ms}, with the laps in parentheses if there are any. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(name == null ? "stopwatch" : name).append(" took ").append(format(elapsedNanos()));
        if (!laps.isEmpty()) {
            b.append(" (");
            for (int i = 0; i < laps.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(laps.get(i));
            }
            b.append(')');
        }
        return b.toString();
    }

    /** Stops the clock and, for a named stopwatch, hands {@link #report()} to its output — once. */
    @Override
    public void close() {
        boolean first = !stoppedSet;
        stop();
        if (first && sink != null) {
            sink.accept(report());
        }
    }

    /** The elapsed time, formatted. */
    @Override
    public String toString() {
        return format(elapsedNanos());
    }

    /** {@link #format(long)} of a duration. */
    public static String format(Duration d) {
        return format(d.toNanos());
    }

    /**
     * A readable time with three significant digits, the same in every locale: {@code 999 ns},
     * {@code 1.00 µs}, {@code 12.3 µs}, {@code 456 µs}, {@code 1.23 ms}, {@code 12.3 s}. Values are rounded
     * half up, before the unit is chosen ({@code 999.6 µs} is {@code 1.00 ms}); below a microsecond the
     * whole nanoseconds are shown, and from 1000 s on whole seconds ({@code 1234 s}). The micro sign is
     * U+00B5.
     */
    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + (nanos == Long.MIN_VALUE ? format(Long.MAX_VALUE) : format(-nanos));
        }
        if (nanos < 1000) {
            return nanos + " ns";
        }
        String[] units = {"µs", "ms", "s"};
        BigDecimal value = BigDecimal.valueOf(nanos);
        for (int i = 0; i < units.length; i++) {
            BigDecimal scaled = value.movePointLeft(3 * (i + 1)).round(new MathContext(3, RoundingMode.HALF_UP));
            if (scaled.compareTo(BigDecimal.valueOf(1000)) < 0) {
                int integerDigits = scaled.compareTo(BigDecimal.TEN) < 0 ? 1 : scaled.compareTo(BigDecimal.valueOf(100)) < 0 ? 2 : 3;
                return scaled.setScale(3 - integerDigits, RoundingMode.HALF_UP).toPlainString() + " " + units[i];
            }
        }
        return value.movePointLeft(9).setScale(0, RoundingMode.HALF_UP).toPlainString() + " s";
    }
}
