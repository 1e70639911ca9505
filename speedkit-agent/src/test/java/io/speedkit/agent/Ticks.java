package io.speedkit.agent;

/**
 * The deterministic clock of the agent tests: target programs advance it themselves
 * ({@code Ticks.advance(5)}), and {@link Recording} hands {@link #now} to the probe with one second
 * per tick, so every node's total is the sum of the advances made inside it — derivable by hand.
 *
 * <p>Per thread: each thread (platform or virtual) has its own counter, so trees recorded on several
 * threads at once still have exact totals. The probe reads the clock at each frame entry and exit;
 * this class is loaded by the test class loader, never instrumented, so it never shows in a tree.
 */
public final class Ticks {
    private static final ThreadLocal<long[]> NOW = new ThreadLocal<long[]>() {
        @Override
        protected long[] initialValue() {
            return new long[1];
        }
    };

    private Ticks() {
    }

    /** Moves the calling thread's clock forward by {@code n} ticks. */
    public static void advance(long n) {
        NOW.get()[0] += n;
    }

    /** The calling thread's clock. */
    public static long now() {
        return NOW.get()[0];
    }

    /** Sets the calling thread's clock back to 0. */
    static void reset() {
        NOW.get()[0] = 0;
    }
}
