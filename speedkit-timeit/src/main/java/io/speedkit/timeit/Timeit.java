package io.speedkit.timeit;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Python's {@code timeit.timeit} and {@code timeit.repeat} one-liners: {@code new Timer(stmt)} with the
 * default warm-up, then {@link Timer#timeit(long)} or {@link Timer#repeat(int, long)}.
 *
 * <pre>{@code
 * double seconds = Timeit.timeit(() -> Integer.toString(n), 1_000_000);   // a Supplier: consumed
 * }</pre>
 */
public final class Timeit {
    private Timeit() {
    }

    /** Seconds for {@code number} runs of {@code stmt}. */
    public static double timeit(Runnable stmt, long number) {
        return new Timer(stmt).timeit(number);
    }

    /** Seconds for {@code number} runs of {@code stmt}, its value consumed. */
    public static double timeit(Supplier<?> stmt, long number) {
        return new Timer(stmt).timeit(number);
    }

    /** Seconds for {@code number} runs of {@code stmt}, its value consumed. */
    public static double timeit(LongSupplier stmt, long number) {
        return new Timer(stmt).timeit(number);
    }

    /** Seconds for {@code number} runs of {@code stmt}, its value consumed. */
    public static double timeit(DoubleSupplier stmt, long number) {
        return new Timer(stmt).timeit(number);
    }

    /** Seconds for {@code number} runs of {@code stmt}, its value consumed. */
    public static double timeit(IntSupplier stmt, long number) {
        return new Timer(stmt).timeit(number);
    }

    /** Seconds for each of {@code repeat} runs of {@code number} loops of {@code stmt}. */
    public static List<Double> repeat(Runnable stmt, int repeat, long number) {
        return new Timer(stmt).repeat(repeat, number);
    }

    /** Seconds for each of {@code repeat} runs of {@code number} loops of {@code stmt}, its value consumed. */
    public static List<Double> repeat(Supplier<?> stmt, int repeat, long number) {
        return new Timer(stmt).repeat(repeat, number);
    }

    /** Seconds for each of {@code repeat} runs of {@code number} loops of {@code stmt}, its value consumed. */
    public static List<Double> repeat(LongSupplier stmt, int repeat, long number) {
        return new Timer(stmt).repeat(repeat, number);
    }

    /** Seconds for each of {@code repeat} runs of {@code number} loops of {@code stmt}, its value consumed. */
    public static List<Double> repeat(DoubleSupplier stmt, int repeat, long number) {
        return new Timer(stmt).repeat(repeat, number);
    }

    /** Seconds for each of {@code repeat} runs of {@code number} loops of {@code stmt}, its value consumed. */
    public static List<Double> repeat(IntSupplier stmt, int repeat, long number) {
        return new Timer(stmt).repeat(repeat, number);
    }
}
