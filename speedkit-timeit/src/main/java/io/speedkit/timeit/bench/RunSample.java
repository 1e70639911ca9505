package io.speedkit.timeit.bench;

/**
 * What one measured run of a program cost. A value the platform cannot measure is
 * {@link #NOT_AVAILABLE}, shown as {@code n/a}: never estimated.
 *
 * @param wallNanos     wall-clock time from starting the process to seeing it end
 * @param userNanos     CPU time in user mode, all threads (and any child processes it waited for)
 * @param systemNanos   CPU time in the kernel on the program's behalf
 * @param peakRssBytes  the largest resident set size the process reached
 */
public record RunSample(long wallNanos, long userNanos, long systemNanos, long peakRssBytes) {

    /** Marks a number the platform could not measure. */
    public static final long NOT_AVAILABLE = -1;

    public RunSample {
        if (wallNanos < 0) {
            throw new IllegalArgumentException("wallNanos must be >= 0, got " + wallNanos);
        }
        check("userNanos", userNanos);
        check("systemNanos", systemNanos);
        check("peakRssBytes", peakRssBytes);
    }

    /** A run of which only the wall time is known. */
    public static RunSample wallOnly(long wallNanos) {
        return new RunSample(wallNanos, NOT_AVAILABLE, NOT_AVAILABLE, NOT_AVAILABLE);
    }

    /** A measured number must be >= 0 or NOT_AVAILABLE; the message names it. */
    static void check(String name, long value) {
        if (value < 0 && value != NOT_AVAILABLE) {
            throw new IllegalArgumentException(name + " must be >= 0 or NOT_AVAILABLE (-1), got " + value);
        }
    }
}
