package io.speedkit.timeit.snippet;

/**
 * Called by snippets under test: counts their runs and moves a fake clock 1 ms per statement run, so
 * that the runner's trials and repeats can be checked exactly.
 */
public final class Counter {
    public static long hits;
    public static long setups;
    public static long now;

    private Counter() {
    }

    public static void reset() {
        hits = 0;
        setups = 0;
        now = 0;
    }

    public static void hit() {
        hits++;
        now += 1_000_000;
    }

    public static void setup() {
        setups++;
    }
}
