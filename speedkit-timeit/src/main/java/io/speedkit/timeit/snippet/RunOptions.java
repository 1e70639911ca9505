package io.speedkit.timeit.snippet;

import io.speedkit.timeit.Autorange;
import io.speedkit.timeit.Warmup;
import java.util.Objects;

/**
 * How to time a compiled snippet: {@code speedkit timeit}'s options.
 *
 * @param number             loops per repeat; 0 for autorange
 * @param repeat             how many repeats
 * @param targetNanos        autorange's target: the first 1-2-5 loop count whose run takes at least this
 * @param warmup             the warm-up policy
 * @param cpuTime            time with the thread's CPU time instead of the wall clock
 * @param gcBeforeEachRepeat {@code System.gc()} before each repeat
 */
public record RunOptions(long number, int repeat, long targetNanos, Warmup warmup, boolean cpuTime,
        boolean gcBeforeEachRepeat) {
    public RunOptions {
        if (number < 0) {
            throw new IllegalArgumentException("number must be >= 0 (0: autorange), got " + number);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1, got " + repeat);
        }
        if (targetNanos < 0) {
            throw new IllegalArgumentException("targetNanos must be >= 0, got " + targetNanos);
        }
        Objects.requireNonNull(warmup, "warmup");
    }

    /** Python's defaults: autorange to 0.2 s, 5 repeats; with the default warm-up. */
    public static RunOptions python() {
        return new RunOptions(0, 5, Math.round(Autorange.TARGET_SECONDS * 1e9), Warmup.DEFAULT, false, false);
    }
}
