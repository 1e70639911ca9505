package io.speedkit.timeit.internal;

/** A timing loop over one statement: {@link #run(long)} runs it {@code number} times. */
public interface TimedLoop {
    /** Runs the statement {@code number} times, consuming what it returns. */
    void run(long number);
}
